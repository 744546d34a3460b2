// The MongoDB read-model store (also FerretDB 1.x): one Mongo collection per port collection and
// the projections' checkpoints in `_checkpoints`, in the same database as the documents.
import { InvalidQuery, type Collection, type Document, type DocumentStore } from '@crm/read-store';
import { MongoClient, type Db } from 'mongodb';
import { checkpointsCollection, mongoCollection } from './mongo-collection.ts';
import type { ServerFeatures } from './mongo-indexes.ts';

export interface MongoDocumentStoreOptions {
  /** A MongoDB connection string, e.g. mongodb://127.0.0.1:27017/ */
  url: string;
  /** The database holding this service's read models. */
  database: string;
}

interface Checkpoint {
  _id: string;
  position: number;
}

export async function openMongoDocumentStore(
  options: MongoDocumentStoreOptions,
): Promise<DocumentStore> {
  // ignoreUndefined: an undefined field is left out, as JSON (and the embedded store) does.
  const client = new MongoClient(options.url, { ignoreUndefined: true });
  await client.connect();
  const db = client.db(options.database);
  const checkpoints = db.collection<Checkpoint>(checkpointsCollection);
  const features: ServerFeatures = { scansForIn: await isFerretDb(db) };
  const collections = new Map<string, Collection<Document>>();

  return {
    collection: <T extends Document>(name: string): Collection<T> => {
      let collection = collections.get(name);
      if (!collection) {
        collection = mongoCollection<Document>(db, name, features);
        collections.set(name, collection);
      }
      return collection as Collection<T>;
    },

    getCheckpoint: async (name) => {
      const checkpoint = await checkpoints.findOne({ _id: name });
      return checkpoint ? Number(checkpoint.position) : null;
    },

    setCheckpoint: async (name, position) => {
      if (!Number.isSafeInteger(position)) throw new InvalidQuery(`invalid position: ${position}`);
      await checkpoints.updateOne({ _id: name }, { $set: { position } }, { upsert: true });
    },

    close: () => client.close(),
  };
}

/** FerretDB answers buildInfo with its own version beside the MongoDB one it emulates. */
async function isFerretDb(db: Db): Promise<boolean> {
  const info = await db.admin().command({ buildInfo: 1 });
  return 'ferretdbVersion' in info;
}
