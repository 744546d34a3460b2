// The behaviour every EventStore adapter must show, run by each adapter against its real engine.
// Tests share the engine with each other (and with other test files): every test uses its own
// random streams and category, and positions only relative to the head it saw first.
import { afterEach, beforeEach, describe } from 'vitest';
import type { EventStore } from '../event-store.ts';
import { appendContract } from './contract/append-contract.ts';
import { concurrencyContract } from './contract/concurrency-contract.ts';
import type { ContractContext, EventStoreFixture } from './contract/contract-context.ts';
import { readContract } from './contract/read-contract.ts';
import { subscriptionContract } from './contract/subscription-contract.ts';

export type { EventStoreFixture };

/** `factory` runs before each test; the fixture's `cleanup` after it. */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<EventStoreFixture>,
): void {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture | undefined;
    let current: EventStore | undefined;

    beforeEach(async () => {
      fixture = await factory();
      current = fixture.store;
    });

    afterEach(async () => {
      await fixture?.cleanup();
      fixture = undefined;
      current = undefined;
    });

    const context: ContractContext = {
      store: () => {
        if (current === undefined) throw new Error('no event store: used outside a test');
        return current;
      },
      reopen: async () => {
        if (fixture === undefined) throw new Error('no fixture: used outside a test');
        current = fixture.reopen === undefined ? context.store() : await fixture.reopen();
        return current;
      },
    };

    describe('append', () => appendContract(context));
    describe('concurrency', () => concurrencyContract(context));
    describe('reads', () => readContract(context));
    describe('subscribeToAll', () => subscriptionContract(context));
  });
}
