// The feature suite every EventBus adapter runs against its real engine. Tests share only the
// engine: topics and groups are named for one test. Timeouts leave room for a real Kafka.
import { afterEach, beforeEach, describe } from 'vitest';
import type { EventBus } from '../event-bus.ts';
import { contractTimeout, type BusContext } from './bus-test-kit.ts';
import { describeConsumeContract } from './consume-contract.ts';
import { describeDeliveryContract } from './delivery-contract.ts';

export interface EventBusFixture {
  bus: EventBus;
  /** Closes the current bus and connects again to the same data. */
  reopen: () => Promise<EventBus>;
  /** Closes whatever bus is open and removes the data. */
  cleanup: () => Promise<void>;
}

export function describeEventBusContract(
  name: string,
  factory: () => Promise<EventBusFixture>,
): void {
  describe(`EventBus contract: ${name}`, () => {
    let fixture: EventBusFixture | undefined;
    let current: EventBus | undefined;
    beforeEach(async () => {
      fixture = await factory();
      current = fixture.bus;
    }, contractTimeout);
    afterEach(async () => {
      await fixture?.cleanup();
      fixture = current = undefined;
    }, contractTimeout);
    const context: BusContext = {
      bus: () => {
        if (!current) throw new Error('no bus: the fixture is not set up');
        return current;
      },
      reopen: async () => {
        if (!fixture) throw new Error('no fixture');
        return (current = await fixture.reopen());
      },
    };
    describeDeliveryContract(context);
    describeConsumeContract(context);
  });
}
