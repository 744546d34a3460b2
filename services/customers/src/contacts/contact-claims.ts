// Uniqueness of phones and emails across customers, kept in the log itself: each normalised
// contact has a claim stream (`customercontact-phone:+8613800138000`) whose last event says which
// customer holds it. Claims are appended with an expected revision, so two registrations racing for
// one phone cannot both win, on any event store adapter, without a unique index anywhere.
import { randomUUID } from 'node:crypto';
import { isWrongExpectedRevision, type EventMetadata, type EventStore } from '@crm/event-store';

export type Contact = { kind: 'phone' | 'email'; value: string };

type ClaimEvent =
  | { type: 'ContactClaimed'; data: { customerId: string } }
  | { type: 'ContactReleased'; data: { customerId: string } };

export const ORPHAN_CLAIM_AFTER_MS = 60_000;
export const CONTACT_CLAIM_CATEGORY = 'customercontact';
export const claimStreamOf = (contact: Contact): string =>
  `${CONTACT_CLAIM_CATEGORY}-${contact.kind}:${contact.value}`;

export class ContactTaken extends Error {
  readonly code = 'DUPLICATE_CONTACT';
  readonly contact: Contact;
  readonly existingCustomerId: string;
  constructor(contact: Contact, existingCustomerId: string) {
    super(`${contact.kind} ${contact.value} already belongs to customer ${existingCustomerId}`);
    this.name = 'ContactTaken';
    this.contact = contact;
    this.existingCustomerId = existingCustomerId;
  }
}

export interface ContactClaims {
  /** Who holds the contact now (null when free). */
  holderOf(contact: Contact): Promise<string | null>;
  /**
   * Claims every contact for the customer, all or nothing: on a conflict the claims made by this
   * call are released again and ContactTaken names the holder. Answers the contacts this call
   * newly claimed (not those the customer already held): only those are its to release.
   */
  claim(
    customerId: string,
    contacts: readonly Contact[],
    metadata: EventMetadata,
  ): Promise<Contact[]>;
  release(customerId: string, contacts: readonly Contact[], metadata: EventMetadata): Promise<void>;
  /** Moves contacts to another customer whatever holds them (a merge). */
  transfer(
    toCustomerId: string,
    contacts: readonly Contact[],
    metadata: EventMetadata,
  ): Promise<void>;
}

const always = (): Promise<boolean> => Promise.resolve(true);

export function contactClaims(
  store: EventStore,
  /** A claim by a customer whose stream does not exist is left over from a crash: take it over. */
  customerExists: (customerId: string) => Promise<boolean>,
): ContactClaims {
  const read = async (contact: Contact) => {
    const events = await store.readStream(claimStreamOf(contact));
    const last = events.at(-1);
    return {
      revision: events.length - 1,
      claimedAt: last ? Date.parse(last.recordedAt) : 0,
      holder:
        last?.type === 'ContactClaimed' ? (last.data as { customerId: string }).customerId : null,
    };
  };

  const write = async (
    contact: Contact,
    event: ClaimEvent,
    metadata: EventMetadata,
    mayTake: (holder: string | null, claimedAt: number) => Promise<boolean>,
  ): Promise<'done' | 'unchanged'> => {
    for (;;) {
      const { revision, holder, claimedAt } = await read(contact);
      if (event.type === 'ContactClaimed' && holder === event.data.customerId) return 'unchanged';
      if (event.type === 'ContactReleased' && holder !== event.data.customerId) return 'unchanged';
      if (!(await mayTake(holder, claimedAt))) throw new ContactTaken(contact, holder!);
      try {
        await store.append(claimStreamOf(contact), [{ id: randomUUID(), ...event, metadata }], {
          expectedRevision: revision === -1 ? 'no_stream' : revision,
        });
        return 'done';
      } catch (error) {
        if (!isWrongExpectedRevision(error)) throw error;
      }
    }
  };

  const release: ContactClaims['release'] = async (customerId, contacts, metadata) => {
    for (const contact of contacts) {
      await write(contact, { type: 'ContactReleased', data: { customerId } }, metadata, always);
    }
  };

  return {
    holderOf: async (contact) => (await read(contact)).holder,
    release,
    claim: async (customerId, contacts, metadata) => {
      const claimed: Contact[] = [];
      // A registration in flight holds its claims before its stream exists: only a claim older
      // than any request can take is left over from a crash.
      const mayTake = async (holder: string | null, claimedAt: number) =>
        holder === null ||
        (Date.now() - claimedAt > ORPHAN_CLAIM_AFTER_MS && !(await customerExists(holder)));
      try {
        for (const contact of contacts) {
          const outcome = await write(
            contact,
            { type: 'ContactClaimed', data: { customerId } },
            metadata,
            mayTake,
          );
          if (outcome === 'done') claimed.push(contact);
        }
      } catch (error) {
        await release(customerId, claimed, metadata);
        throw error;
      }
      return claimed;
    },
    transfer: async (toCustomerId, contacts, metadata) => {
      for (const contact of contacts) {
        await write(
          contact,
          { type: 'ContactClaimed', data: { customerId: toCustomerId } },
          metadata,
          always,
        );
      }
    },
  };
}
