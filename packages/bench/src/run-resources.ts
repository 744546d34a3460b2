// Everything one distributed run creates on the shared servers carries the run's unique name, so
// the end of the run (also a failed or interrupted one) can find and remove all of it.
import type { RealServers } from '@crm/test-servers';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';

export interface RunNames {
  run: string;
  /** The customers process: its schema, database and topic prefix. */
  service: { schema: string; database: string; topicPrefix: string; lagGroup: string };
  /** The 100k-event backlog and what drains it. */
  backlog: {
    schema: string;
    relayTopic: string;
    relayDatabase: string;
    rebuildDatabase: string;
    publishTopic: string;
    latencyTopic: string;
    scratchDatabase: string;
  };
}

/** `run` comes from uniqueName(): lower-case letters, digits and '_', valid everywhere. */
export const runNames = (run: string): RunNames => ({
  run,
  service: {
    schema: `${run}_customers`,
    database: `${run}_customers`,
    topicPrefix: `${run}.`,
    lagGroup: `${run}.lag`,
  },
  backlog: {
    schema: `${run}_backlog`,
    relayTopic: `${run}.relay`,
    relayDatabase: `${run}_relay`,
    rebuildDatabase: `${run}_rebuild`,
    publishTopic: `${run}.publish`,
    latencyTopic: `${run}.latency`,
    scratchDatabase: `${run}_scratch`,
  },
});

// A server that stopped answering must fail the cleanup, not hang the end of the run.
const MONGO_TIMEOUTS = { serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 60_000 };

async function dropSchemas(databaseUrl: string, run: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl, query_timeout: 60_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT nspname AS name FROM pg_namespace WHERE strpos(nspname, $1) = 1',
      [run],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA "${name}" CASCADE`);
    return rows.map((row) => `schema ${row.name}`);
  } finally {
    await client.end();
  }
}

async function dropDatabases(mongodbUrl: string, run: string): Promise<string[]> {
  const client = await MongoClient.connect(mongodbUrl, MONGO_TIMEOUTS);
  try {
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
    const mine = databases.map((db) => db.name).filter((name) => name.includes(run));
    for (const name of mine) await client.db(name).dropDatabase();
    return mine.map((name) => `database ${name}`);
  } finally {
    await client.close();
  }
}

async function deleteTopicsAndGroups(brokers: string[], run: string): Promise<string[]> {
  const kafka = new Kafka({ brokers, clientId: `${run}-cleanup`, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((id) => id.includes(run));
    if (groups.length > 0) await admin.deleteGroups(groups);
    const topics = (await admin.listTopics()).filter((topic) => topic.includes(run));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    return [...groups.map((id) => `group ${id}`), ...topics.map((topic) => `topic ${topic}`)];
  } finally {
    await admin.disconnect();
  }
}

/** Removes every schema, database, topic and group whose name holds `run`; says what it removed. */
export async function removeRunResources(servers: RealServers, run: string): Promise<string[]> {
  const results = await Promise.allSettled([
    dropSchemas(servers.databaseUrl, run),
    dropDatabases(servers.mongodbUrl, run),
    deleteTopicsAndGroups(servers.kafkaBrokers, run),
  ]);
  const failed = results.filter((result) => result.status === 'rejected');
  if (failed.length > 0) {
    const reasons = failed.map((result): unknown => result.reason);
    throw new Error(`cleanup of ${run} failed`, { cause: reasons });
  }
  return results.flatMap((result): string[] => (result.status === 'fulfilled' ? result.value : []));
}
