// A small bank-account read model for the projector's tests, written twice on purpose: one event
// at a time (getVersioned + put) and in batches (getManyVersioned + fold + putMany), so the tests
// compare two independent implementations over the same log.
import type { EventStore, EventToAppend, RecordedEvent } from '@crm/event-store';
import type { Document, DocumentStore } from '@crm/read-store';
import type { Projection } from './projection.ts';

export const ACCOUNTS = 'accounts';
export const LEDGER = 'ledger';

type AccountEvent =
  | { type: 'Opened'; data: { accountId: string; owner: string } }
  | { type: 'Deposited'; data: { accountId: string; amount: number } }
  | { type: 'Withdrawn'; data: { accountId: string; amount: number } }
  | { type: 'Closed'; data: { accountId: string } };

export interface Account extends Document {
  owner: string;
  balance: number;
  movements: number;
  status: 'open' | 'closed';
}

export interface LedgerEntry extends Document {
  accountId: string;
  type: string;
  position: number;
}

function evolve(account: Account | null, recorded: RecordedEvent): Account | null {
  const event = recorded as unknown as AccountEvent;
  if (event.type === 'Opened') {
    const { accountId, owner } = event.data;
    return { _id: accountId, owner, balance: 0, movements: 0, status: 'open' };
  }
  if (account === null) return null;
  switch (event.type) {
    case 'Deposited':
      return {
        ...account,
        balance: account.balance + event.data.amount,
        movements: account.movements + 1,
      };
    case 'Withdrawn':
      return {
        ...account,
        balance: account.balance - event.data.amount,
        movements: account.movements + 1,
      };
    case 'Closed':
      return { ...account, status: 'closed' };
  }
}

const accountIdOf = (event: RecordedEvent): string =>
  (event.data as { accountId: string }).accountId;

const entryOf = (event: RecordedEvent): LedgerEntry => ({
  _id: event.id,
  accountId: accountIdOf(event),
  type: event.type,
  position: event.position,
});

const base = {
  version: 1,
  categories: ['account'],
  collections: [ACCOUNTS, LEDGER],
  setup: async (store: DocumentStore) => {
    await store.collection(LEDGER).ensureIndexes([{ fields: ['position'] }]);
  },
};

export function oneByOne(name = 'accounts'): Projection {
  return {
    ...base,
    name,
    handle: async (event, store) => {
      await store.collection<LedgerEntry>(LEDGER).put(entryOf(event), event.position);
      const accounts = store.collection<Account>(ACCOUNTS);
      const current = await accounts.getVersioned(accountIdOf(event));
      if (current && current.version >= event.revision) return;
      const next = evolve(current?.doc ?? null, event);
      if (next) await accounts.put(next, event.revision);
    },
  };
}

export function batched(name = 'accounts'): Projection & Required<Pick<Projection, 'handleBatch'>> {
  const handleBatch = async (events: readonly RecordedEvent[], store: DocumentStore) => {
    await store
      .collection<LedgerEntry>(LEDGER)
      .putMany(events.map((event) => ({ doc: entryOf(event), version: event.position })));
    const accounts = store.collection<Account>(ACCOUNTS);
    const stored = await accounts.getManyVersioned([...new Set(events.map(accountIdOf))]);
    const folded = new Map<string, { doc: Account; version: number }>();
    for (const event of events) {
      const id = accountIdOf(event);
      const current = folded.get(id) ?? stored.get(id);
      if (current && current.version >= event.revision) continue;
      const next = evolve(current?.doc ?? null, event);
      if (next) folded.set(id, { doc: next, version: event.revision });
    }
    await accounts.putMany([...folded.values()]);
  };
  return { ...base, name, handle: (event, store) => handleBatch([event], store), handleBatch };
}

/** A deterministic log: accounts opened, moved, some closed, with other categories in between. */
export async function appendAccountEvents(
  store: EventStore,
  options: { accounts: number; appends: number; seed: number },
): Promise<void> {
  let seed = options.seed;
  // mulberry32: small, seeded, evenly spread.
  const random = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
  const opened = new Set<number>();
  for (let i = 0; i < options.appends; i++) {
    const account = random(options.accounts);
    const accountId = `a${account}`;
    const events: EventToAppend[] = [];
    if (!opened.has(account)) {
      opened.add(account);
      events.push(anEvent('Opened', { accountId, owner: `owner-${account}` }));
    }
    for (let n = random(3) + 1; n > 0; n--) {
      const type = random(4) === 0 ? 'Withdrawn' : 'Deposited';
      events.push(anEvent(type, { accountId, amount: random(500) + 1 }));
    }
    if (random(40) === 0) events.push(anEvent('Closed', { accountId }));
    await store.append(`account-${accountId}`, events, { expectedRevision: 'any' });
    if (random(5) === 0) {
      await store.append('audit-log', [anEvent('Noted', { i })], { expectedRevision: 'any' });
    }
  }
}

let sequence = 0;
const anEvent = (type: string, data: unknown): EventToAppend => ({
  id: `00000000-0000-4000-8000-${(++sequence).toString().padStart(12, '0')}`,
  type,
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: 'test' },
});

/** Every document of the projection's collections with its version, in id order. */
export async function dump(store: DocumentStore): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const name of [ACCOUNTS, LEDGER]) {
    const collection = store.collection(name);
    const rows: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await collection.find({}, { limit: 1000, ...(cursor ? { cursor } : {}) });
      const versions = await Promise.all(page.items.map((doc) => collection.getVersioned(doc._id)));
      rows.push(...versions);
      cursor = page.nextCursor;
    } while (cursor);
    result[name] = rows;
  }
  return result;
}

/** The store as seen by a process that dies before saving any checkpoint: writes land, saves don't. */
export const withoutCheckpointSaves = (store: DocumentStore): DocumentStore => ({
  collection: (name) => store.collection(name),
  getCheckpoint: (name) => store.getCheckpoint(name),
  setCheckpoint: () => Promise.resolve(),
  close: () => store.close(),
});
