// Stopping the reaction never holds the service's shutdown hostage: a consumer that cannot leave
// its group (a rebalance, a broker away) or fails to is left behind, as nothing is lost by it.
import { openSqliteEventBus, type EventBus } from '@crm/event-bus';
import { openSqliteEventStore } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import { customersApplication } from '../customer/application.ts';
import { startLeadConversions } from './lead-conversions.ts';

/** The embedded bus, except that its consumers' stop() does what `stop` says. */
function busWhoseConsumersStop(inner: EventBus, stop: () => Promise<void>): EventBus {
  return {
    ensureTopics: (topics) => inner.ensureTopics(topics),
    publish: (topic, messages) => inner.publish(topic, messages),
    subscribe: async (options) => {
      await inner.subscribe(options);
      return { stop };
    },
    close: () => inner.close(),
  };
}

describe('stopping the lead conversions', () => {
  it.each([
    ['never leaves its group', () => new Promise<void>(() => undefined)],
    ['fails to leave its group', () => Promise.reject(new Error('coordinator not available'))],
  ])('returns within its timeout when the consumer %s', async (_, stop) => {
    const inner = openSqliteEventBus({ path: ':memory:' });
    const store = openSqliteEventStore({ path: ':memory:' });
    const reaction = await startLeadConversions({
      bus: busWhoseConsumersStop(inner, stop),
      customers: customersApplication(store),
      stopTimeoutMs: 50,
      logger: { info: () => undefined, error: () => undefined },
    });

    const started = Date.now();
    await reaction.stop();

    expect(Date.now() - started).toBeLessThan(1_000);
    await inner.close();
    await store.close();
  });
});
