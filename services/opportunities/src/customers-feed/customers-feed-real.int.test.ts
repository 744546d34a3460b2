// The customers feed on the real engines: Kafka between the topic and the feed, the lookup on
// FerretDB (the MongoDB adapter), each test with its own topic, group and database.
import { openKafkaEventBus } from '@crm/event-bus-kafka';
import { openMongoDocumentStore } from '@crm/read-store-mongodb';
import { realServers, uniqueName } from '@crm/test-servers';
import { beforeAll } from 'vitest';
import { describeCustomersFeed } from './feed-suite.ts';

// realServers() may have to start the native servers on a cold machine.
beforeAll(() => realServers(), 300_000);

describeCustomersFeed('Kafka and FerretDB', {
  timeoutMs: 90_000,
  open: async () => {
    const { kafkaBrokers, mongodbUrl } = await realServers();
    const bus = await openKafkaEventBus({
      brokers: kafkaBrokers,
      clientId: 'opportunities-customers-feed-test',
      logLevel: 'error',
      redeliveryBackoffMs: 20,
    });
    const documentStore = await openMongoDocumentStore({
      url: mongodbUrl,
      database: uniqueName('customers_feed'),
    });
    return {
      bus,
      documentStore,
      patienceMs: 60_000,
      close: async () => {
        await bus.close();
        await documentStore.close();
      },
    };
  },
});
