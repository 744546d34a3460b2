// Which servers the distributed figures were measured on, asked of the servers themselves.
import type { RealServers } from '@crm/test-servers';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';

async function postgres(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${rows[0]?.server_version ?? '?'}`;
  } finally {
    await client.end();
  }
}

async function mongo(url: string): Promise<string> {
  const client = await MongoClient.connect(url, {
    serverSelectionTimeoutMS: 10_000,
    socketTimeoutMS: 30_000,
  });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    const ferret = typeof info.ferretdbVersion === 'string' ? info.ferretdbVersion : undefined;
    return ferret ? `FerretDB ${ferret}` : `MongoDB ${String(info.version)}`;
  } finally {
    await client.close();
  }
}

async function kafka(brokers: string[]): Promise<string> {
  const admin = new Kafka({
    brokers,
    clientId: 'bench-versions',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    return `Kafka, ${cluster.brokers.length} broker(s)`;
  } finally {
    await admin.disconnect();
  }
}

export async function describeServers(servers: RealServers): Promise<string> {
  const parts = await Promise.all([
    postgres(servers.databaseUrl),
    kafka(servers.kafkaBrokers),
    mongo(servers.mongodbUrl),
  ]);
  return parts.join(', ');
}
