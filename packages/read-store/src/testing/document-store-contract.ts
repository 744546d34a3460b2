// The feature suite every DocumentStore adapter runs against its real engine. It shares nothing
// between tests but the engine: each test uses collections and checkpoints named only for it.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe } from 'vitest';
import type { Collection, Document, DocumentStore } from '../document-store.ts';
import { describeBatchContract } from './batch-contract.ts';
import { describePaginationContract } from './pagination-contract.ts';
import { describeQueryContract } from './query-contract.ts';
import { describeReopenContract } from './reopen-contract.ts';
import { describeWriteContract } from './write-contract.ts';

export interface DocumentStoreFixture {
  store: DocumentStore;
  /** Closes the current store and opens it again over the same data. */
  reopen: () => Promise<DocumentStore>;
  /** Closes whatever store is open and removes the data. */
  cleanup: () => Promise<void>;
}

export interface ContractContext {
  store(): DocumentStore;
  reopen(): Promise<DocumentStore>;
  /** A name no other test uses (collections, checkpoints). */
  uniqueName(prefix: string): string;
  /** A collection under a unique name. */
  collection<T extends Document>(prefix: string): Collection<T>;
}

export function describeDocumentStoreContract(
  name: string,
  factory: () => Promise<DocumentStoreFixture>,
): void {
  // Generous: a networked engine takes its time over the larger data sets.
  describe(`DocumentStore contract: ${name}`, { timeout: 30_000 }, () => {
    let fixture: DocumentStoreFixture | undefined;
    let current: DocumentStore | undefined;

    beforeEach(async () => {
      fixture = await factory();
      current = fixture.store;
    }, 30_000);
    afterEach(async () => {
      await fixture?.cleanup();
      fixture = undefined;
      current = undefined;
    }, 30_000);

    const store = (): DocumentStore => {
      if (!current) throw new Error('no store: the fixture is not set up');
      return current;
    };
    const uniqueName = (prefix: string): string =>
      `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const context: ContractContext = {
      store,
      uniqueName,
      reopen: async () => {
        if (!fixture) throw new Error('no fixture');
        current = await fixture.reopen();
        return current;
      },
      collection: <T extends Document>(prefix: string) => store().collection<T>(uniqueName(prefix)),
    };

    describeWriteContract(context);
    describeBatchContract(context);
    describeQueryContract(context);
    describePaginationContract(context);
    describeReopenContract(context);
  });
}
