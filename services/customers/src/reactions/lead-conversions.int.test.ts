import { openSqliteEventBus } from '@crm/event-bus';
import { describeLeadConversions } from './lead-conversions-suite.ts';

describeLeadConversions('embedded bus', () => {
  const bus = openSqliteEventBus({ path: ':memory:', retryBackoffMs: 10 });
  return Promise.resolve({ bus, topicPrefix: '', close: () => bus.close() });
});
