// The customers service as its own process on PostgreSQL + Kafka + FerretDB, and an ERP consumer as
// another. Under a steady stream of commands: kill -9 the service, then the consumer, then stop
// Kafka for 20 s. At the end every acknowledged command is in the log once, every event is on the
// topic at least once and applied by the ERP exactly once, and the read models equal a rebuild.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fromBinaryMessage, toBinaryMessage, topics } from '@crm/contracts';
import { openKafkaEventBus } from '@crm/event-bus-kafka';
import { Projector } from '@crm/event-processing';
import { openPostgresEventStore } from '@crm/event-store-postgres';
import { openMongoDocumentStore } from '@crm/read-store-mongodb';
import type { DocumentStore } from '@crm/read-store';
import { issueToken } from '@crm/service-kit';
import { realServers, runningNativeServers, uniqueName } from '@crm/test-servers';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { customerDirectory, DETAILS, LIST } from '../src/projections/customer-directory.ts';
import { customerTimeline, TIMELINE } from '../src/projections/customer-timeline.ts';
import { startWriters } from './writers.ts';
import { eventually, freePort, kill9, sleep, startChild, type Child } from './processes.ts';

const SECRET = 'distributed-e2e-secret-0123456789abcdef';
const servers = fileURLToPath(new URL('../../../infra/servers/', import.meta.url));

async function allDocs(store: DocumentStore, name: string): Promise<unknown[]> {
  const docs: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await store
      .collection(name)
      .find({}, { limit: 500, ...(cursor ? { cursor } : {}) });
    docs.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return docs;
}

describe('customers on PostgreSQL + Kafka + FerretDB, with an ERP consumer', () => {
  it('loses nothing and applies everything exactly once through kills and a Kafka outage', async () => {
    const { kafkaBrokers, mongodbUrl, databaseUrl } = await realServers();
    const run = uniqueName('e2e').replaceAll('-', '_');
    const prefix = `${run}.`;
    const topic = `${prefix}${topics.customers}`;
    const port = await freePort();
    const serviceEnv = {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      EVENT_STORE_SCHEMA: `${run}_customers`,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: '3',
      MONGODB_URL: mongodbUrl,
      MONGODB_DATABASE: `${run}_customers`,
      CRM_JWT_SECRET: SECRET,
    };
    const erpEnv = {
      KAFKA_BROKERS: kafkaBrokers.join(','),
      DATABASE_URL: databaseUrl,
      ERP_SCHEMA: `${run}_erp`,
      CUSTOMERS_TOPIC: topic,
      ERP_GROUP: `${run}.erp`,
    };
    const startService = () =>
      startChild(
        new URL('../src/main.ts', import.meta.url),
        serviceEnv,
        /customers service listening/,
      );
    const startErp = () =>
      startChild(new URL('./erp-consumer.ts', import.meta.url), erpEnv, /erp consumer ready/);

    const token = await issueToken({
      secret: SECRET,
      issuer: 'crm-embedded',
      audience: 'crm',
      ttlSeconds: 3600,
      user: { id: 'u-e2e', name: 'e2e', roles: ['admin'] },
    });
    let service: Child = await startService();
    let erp: Child = await startErp();
    const writers = startWriters(`http://127.0.0.1:${port}`, token, 4, run);

    await sleep(3_000);
    await kill9(service);
    await sleep(1_000);
    service = await startService();
    await sleep(2_000);
    await kill9(erp);
    await sleep(1_000);
    erp = await startErp();
    await sleep(2_000);
    const nativeKafka = (await runningNativeServers()).kafka !== undefined;
    if (nativeKafka) {
      execFileSync(`${servers}stop.sh`, ['kafka'], { stdio: 'ignore' });
      await sleep(20_000);
      execFileSync(`${servers}start.sh`, ['--keep-data', 'kafka'], { stdio: 'ignore' });
    }
    await sleep(3_000);
    const acks = await writers.stop();
    expect(acks.length).toBeGreaterThan(100);

    // 1. Every acknowledged command is in the log exactly once.
    const log = await openPostgresEventStore({
      connectionString: databaseUrl,
      schema: `${run}_customers`,
    });
    for (const ack of acks) {
      const stream = await log.readStream(`customer-${ack.customerId}`);
      const matching = stream.filter((event) => ack.matches(event.type, event.data));
      expect(matching, `${ack.op} ${ack.value}`).toHaveLength(1);
    }
    const events = await log.readAll({ filter: { categories: ['customer'] } });

    // 2. The ERP applied every event exactly once (its dedupe table is keyed by event id).
    const erpDb = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const applied = await eventually(
      async () => {
        const { rows } = await erpDb.query<{ event_id: string }>(
          `SELECT event_id FROM ${run}_erp.applied_events`,
        );
        return rows.length >= events.length ? rows : undefined;
      },
      90_000,
      'the ERP to apply every event',
    );
    expect(new Set(applied.map((row) => row.event_id))).toEqual(
      new Set(events.map((event) => event.id)),
    );
    const { rows: deliveries } = await erpDb.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${run}_erp.deliveries`,
    );
    expect(Number(deliveries[0]?.n)).toBeGreaterThanOrEqual(events.length);
    for (const ack of acks.filter((candidate) => candidate.op === 'rename')) {
      const { rows } = await erpDb.query<{ name: string; tags: string[] }>(
        `SELECT name, tags FROM ${run}_erp.customers WHERE id = $1`,
        [ack.customerId],
      );
      expect(rows).toHaveLength(1);
    }

    // 3. Every event is on the topic at least once.
    const bus = await openKafkaEventBus({ brokers: kafkaBrokers, clientId: `${run}-verify` });
    const onTopic = new Set<string>();
    const verifier = await bus.subscribe({
      groupId: `${run}.verify`,
      topics: [topic],
      handle: (message) => {
        onTopic.add(fromBinaryMessage(message).id);
        return Promise.resolve();
      },
    });
    await eventually(() => (onTopic.size >= events.length ? true : undefined), 60_000, 'the topic');
    await verifier.stop();
    expect(events.filter((event) => !onTopic.has(event.id))).toEqual([]);

    // 4. Poison on the topic: parked on the ERP's dead-letter topic, and the ERP carries on.
    const good = toBinaryMessage({
      specversion: '1.0',
      id: crypto.randomUUID(),
      source: 'crm/customers',
      type: 'crm.customer.archived.v1',
      subject: acks[0]!.customerId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: 'poison-test',
      causationid: 'poison-test',
      actor: 'e2e',
      streamrevision: 999,
      data: { customerId: acks[0]!.customerId, reason: 'poison test' },
    });
    await bus.publish(topic, [
      { ...good, value: new TextEncoder().encode('{not json') },
      {
        ...good,
        headers: { ...good.headers, ce_id: crypto.randomUUID() },
        value: new TextEncoder().encode('{"customerId":1}'),
      },
      {
        ...good,
        headers: {
          ...good.headers,
          ce_id: crypto.randomUUID(),
          ce_type: 'crm.customer.teleported.v1',
        },
      },
      good,
    ]);
    const parked: Record<string, string>[] = [];
    const dlq = await bus.subscribe({
      groupId: `${run}.dlq-reader`,
      topics: [`crm.dlq.${run}.erp`],
      handle: (message) => {
        parked.push(message.headers);
        return Promise.resolve();
      },
    });
    await eventually(
      () => (parked.length >= 3 ? true : undefined),
      60_000,
      'three parked messages',
    );
    await dlq.stop();
    expect(parked.map((headers) => headers.dlq_error_code).sort()).toEqual([
      'SCHEMA_VIOLATION',
      'UNKNOWN_EVENT_TYPE',
      'UNREADABLE_MESSAGE',
    ]);
    const goodId = good.headers.ce_id!;
    await eventually(
      async () => {
        const { rowCount } = await erpDb.query(
          `SELECT 1 FROM ${run}_erp.applied_events WHERE event_id = $1`,
          [goodId],
        );
        return rowCount === 1 ? true : undefined;
      },
      30_000,
      'the ERP to apply the good message after the poison',
    );

    // 5. The read models equal a rebuild from the log.
    service.process.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    const live = await openMongoDocumentStore({ url: mongodbUrl, database: `${run}_customers` });
    const rebuilt = await openMongoDocumentStore({ url: mongodbUrl, database: `${run}_rebuild` });
    const projector = new Projector({
      eventStore: log,
      documentStore: rebuilt,
      projections: [customerDirectory, customerTimeline],
    });
    await projector.start();
    expect(await projector.waitForPosition(await log.headPosition(), 60_000)).toBe(true);
    await projector.stop();
    for (const collection of [DETAILS, LIST, TIMELINE]) {
      const byId = (docs: unknown[]) =>
        [...docs].sort((a, b) =>
          String((a as { _id: string })._id).localeCompare(String((b as { _id: string })._id)),
        );
      expect(byId(await allDocs(live, collection)), collection).toEqual(
        byId(await allDocs(rebuilt, collection)),
      );
    }

    erp.process.kill('SIGTERM');
    await erp.exited;
    await Promise.all([bus.close(), live.close(), rebuilt.close(), log.close(), erpDb.end()]);
  }, 300_000);
});
