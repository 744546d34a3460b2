import { openKafkaEventBus } from '@crm/event-bus-kafka';
import { realServers, uniqueName } from '@crm/test-servers';
import { describeLeadConversions } from './lead-conversions-suite.ts';

describeLeadConversions('Kafka', async () => {
  const { kafkaBrokers } = await realServers();
  const bus = await openKafkaEventBus({
    brokers: kafkaBrokers,
    clientId: uniqueName('customers_lc'),
    logLevel: 'error',
    redeliveryBackoffMs: 10,
  });
  return { bus, topicPrefix: `${uniqueName('lc')}.`, close: () => bus.close() };
});
