import { deadLetterTopic } from '@crm/contracts';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { consume } from './consume.ts';
import { openSqliteEventBus } from './embedded/sqlite-event-bus.ts';
import type { EventBus } from './event-bus.ts';
import { PermanentError } from './permanent-error.ts';
import { message, record, text, waitUntil } from './testing/index.ts';

let bus: EventBus;
beforeEach(() => {
  bus = openSqliteEventBus({ path: ':memory:', retryBackoffMs: 5 });
});
afterEach(() => bus.close());

it('does not move on when the dead-letter topic refuses the message', async () => {
  let refusals = 2;
  // The real bus, except that parking fails twice (a broker outage, say).
  const flakyDlq: EventBus = {
    ...bus,
    publish: (topic, messages) =>
      topic.startsWith('crm.dlq.') && refusals-- > 0
        ? Promise.reject(new Error('broker unavailable'))
        : bus.publish(topic, messages),
  };
  await bus.publish('t', [message('k', 'poison'), message('k', 'good')]);
  const deliveries: string[] = [];
  const consumer = await consume(flakyDlq, {
    groupId: 'g',
    topics: ['t'],
    handle: (incoming) =>
      Promise.resolve().then(() => {
        deliveries.push(text(incoming.value));
        if (text(incoming.value) === 'poison') throw new PermanentError('POISON', 'never');
      }),
  });
  const dlq = await record(bus, { groupId: 'reader', topics: [deadLetterTopic('g')] });
  await waitUntil(() => deliveries.includes('good') && dlq.received.length === 1, 'good, parked');
  await Promise.all([consumer.stop(), dlq.consumer.stop()]);
  expect(deliveries).toEqual(['poison', 'poison', 'poison', 'good']);
  expect(dlq.values()).toEqual(['poison']);
});
