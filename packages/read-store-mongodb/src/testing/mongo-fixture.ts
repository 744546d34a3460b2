// A fresh database per test on the real server, dropped afterwards; reopen = a new client.
import type { DocumentStore } from '@crm/read-store';
import type { DocumentStoreFixture } from '@crm/read-store/testing';
import { realServers, uniqueName } from '@crm/test-servers';
import { MongoClient } from 'mongodb';
import { openMongoDocumentStore } from '../mongo-document-store.ts';

export async function mongoFixture(prefix: string): Promise<DocumentStoreFixture> {
  const { mongodbUrl: url } = await realServers();
  const database = uniqueName(prefix);
  let store: DocumentStore = await openMongoDocumentStore({ url, database });
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await openMongoDocumentStore({ url, database });
      return store;
    },
    cleanup: async () => {
      await store.close();
      const client = await MongoClient.connect(url);
      try {
        await client.db(database).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
