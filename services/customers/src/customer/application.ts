// The customers use cases as the API, the CSV import and the demo seed call them: the decider
// behind the generic command handler, plus what crosses streams (contact claims, merges).
import { normalizeEmail, normalizePhone } from '@crm/contracts';
import { fold } from '@crm/decider';
import { handleCommand, type CommandContext, type CommandResult } from '@crm/event-processing';
import type { EventMetadata, EventStore, RecordedEvent } from '@crm/event-store';
import { contactClaims, type Contact } from '../contacts/contact-claims.ts';
import { customerStreamId } from '../streams.ts';
import type { CustomerEvent, CustomerState } from './customer.ts';
import { customerDecider, type CustomerCommand } from './decide.ts';
import { customerError } from './errors.ts';
import { requireActive, requireRegistered } from './rules/status.ts';

/** Commands as callers send them: the application adds the customer id, time and actor. */
type Without<C> = C extends unknown ? Omit<C, 'customerId' | 'at' | 'actor'> : never;
export type CustomerCommandInput = Without<CustomerCommand>;
type Simple = Exclude<
  CustomerCommandInput,
  {
    type:
      | 'RegisterCustomer'
      | 'ChangeContacts'
      | 'MergeDuplicate'
      | 'AbsorbDuplicate'
      | 'ErasePersonalData';
  }
>;

export interface WriteResult {
  id: string;
  /** The stream revision after the write: pass as If-Match, or as waitForRevision to read it. */
  revision: number;
  /** Global position of the last event written (null when nothing changed). */
  position: number | null;
  changed: boolean;
}

export interface CustomersApplication {
  register(
    customerId: string,
    input: Extract<CustomerCommandInput, { type: 'RegisterCustomer' }>,
    context: CommandContext,
  ): Promise<WriteResult>;
  execute(
    customerId: string,
    input: Simple,
    context: CommandContext,
    expectedRevision?: number,
  ): Promise<WriteResult>;
  changeContacts(
    customerId: string,
    input: { phones: readonly string[]; emails: readonly string[] },
    context: CommandContext,
    expectedRevision?: number,
  ): Promise<WriteResult>;
  merge(survivorId: string, duplicateId: string, context: CommandContext): Promise<WriteResult>;
  erase(
    customerId: string,
    input: Extract<CustomerCommandInput, { type: 'ErasePersonalData' }>,
    context: CommandContext,
  ): Promise<WriteResult>;
  load(customerId: string): Promise<{ state: CustomerState; revision: number }>;
}

/** Contacts as claims know them; values that do not normalise are left to the decider to refuse. */
export const contactsOf = (phones: readonly string[], emails: readonly string[]): Contact[] => [
  ...phones.flatMap((raw) => {
    const phone = normalizePhone(raw);
    return phone.ok ? [{ kind: 'phone' as const, value: phone.e164 }] : [];
  }),
  ...emails.flatMap((raw) => {
    const email = normalizeEmail(raw);
    return email.ok ? [{ kind: 'email' as const, value: email.email }] : [];
  }),
];

const contactsOfState = (state: CustomerState): Contact[] =>
  state.status === 'active' || state.status === 'archived'
    ? contactsOf(state.phones, state.emails)
    : [];

const metadataOf = (context: CommandContext): EventMetadata => ({
  actor: context.actor,
  correlationId: context.correlationId,
  causationId: context.causationId,
  ...(context.traceparent === undefined ? {} : { traceparent: context.traceparent }),
});

export function customersApplication(
  store: EventStore,
  clock: () => Date = () => new Date(),
): CustomersApplication {
  const load = async (customerId: string) => {
    const events = await store.readStream(customerStreamId(customerId));
    const state = fold(
      customerDecider,
      events.map((event) => ({ type: event.type, data: event.data }) as CustomerEvent),
    );
    return { state, revision: events.length - 1, events };
  };
  const claims = contactClaims(store, async (customerId) => (await load(customerId)).revision >= 0);

  const run = async (
    customerId: string,
    input: CustomerCommandInput,
    context: CommandContext,
    expectedRevision?: number,
    history?: readonly RecordedEvent[],
  ): Promise<WriteResult & { result: CommandResult<CustomerState> }> => {
    const command = {
      ...input,
      customerId,
      at: clock().toISOString(),
      actor: context.actor,
    };
    const result = await handleCommand({
      store,
      decider: customerDecider,
      streamId: customerStreamId(customerId),
      command,
      context,
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
      ...(history && { history }),
    });
    const changed = result.events.length > 0;
    return {
      id: customerId,
      revision: result.revision,
      position: result.position,
      changed,
      result,
    };
  };
  const strip = ({ result: _result, ...write }: WriteResult & { result: unknown }): WriteResult =>
    write;

  return {
    load,
    register: async (customerId, input, context) => {
      const existing = await load(customerId);
      if (existing.revision >= 0) {
        // Decided before any contact is claimed: a taken id is refused (CUSTOMER_ALREADY_REGISTERED,
        // REGISTRATION_REJECTED); a lead asking again for its own customer changes nothing.
        const command = { ...input, customerId, at: clock().toISOString(), actor: context.actor };
        if (customerDecider.decide(command, existing.state).length === 0) {
          return { id: customerId, revision: existing.revision, position: null, changed: false };
        }
      }
      // Claims first: if the registration then fails, its claims point at a customer that does not
      // exist, and the next claimant takes them over (see contact-claims.ts).
      const claimed = await claims.claim(
        customerId,
        contactsOf(input.phones, input.emails),
        metadataOf(context),
      );
      try {
        // The stream as read above: a write since then fails the append, which then reads again.
        return strip(await run(customerId, input, context, undefined, existing.events));
      } catch (error) {
        // Only what this call claimed: a racing registration of the same id may hold the rest.
        await claims.release(customerId, claimed, metadataOf(context));
        throw error;
      }
    },
    execute: async (customerId, input, context, expectedRevision) =>
      strip(await run(customerId, input, context, expectedRevision)),
    changeContacts: async (customerId, input, context, expectedRevision) => {
      const before = contactsOfState((await load(customerId)).state);
      const after = contactsOf(input.phones, input.emails);
      const same = (a: Contact) => (b: Contact) => a.kind === b.kind && a.value === b.value;
      const added = after.filter((contact) => !before.some(same(contact)));
      const removed = before.filter((contact) => !after.some(same(contact)));
      const claimed = await claims.claim(customerId, added, metadataOf(context));
      let write;
      try {
        write = await run(
          customerId,
          { type: 'ChangeContacts', ...input },
          context,
          expectedRevision,
        );
      } catch (error) {
        await claims.release(customerId, claimed, metadataOf(context));
        throw error;
      }
      await claims.release(customerId, removed, metadataOf(context));
      return strip(write);
    },
    merge: async (survivorId, duplicateId, context) => {
      if (survivorId === duplicateId) {
        throw customerError('CANNOT_MERGE_INTO_SELF', 'a customer cannot be merged into itself', {
          customerId: survivorId,
        });
      }
      requireActive((await load(survivorId)).state, survivorId);
      const duplicate = (await load(duplicateId)).state;
      if (duplicate.status === 'merged' && duplicate.mergedInto === survivorId) {
        const { revision } = await load(survivorId);
        return { id: survivorId, revision, position: null, changed: false };
      }
      const live = requireRegistered(duplicate, duplicateId);
      const snapshot = {
        phones: live.phones,
        emails: live.emails,
        tags: live.tags,
        interactionCount: live.interactionCount,
      };
      // The survivor takes the duplicate's data while it is still readable, then the duplicate is
      // closed: both steps are idempotent, so a retry after a crash between them completes it.
      const write = await run(
        survivorId,
        { type: 'AbsorbDuplicate', duplicateId, duplicate: snapshot },
        context,
      );
      await run(duplicateId, { type: 'MergeDuplicate', survivorId }, context);
      await claims.transfer(
        survivorId,
        contactsOf(snapshot.phones, snapshot.emails),
        metadataOf(context),
      );
      return strip(write);
    },
    erase: async (customerId, input, context) => {
      const contacts = contactsOfState((await load(customerId)).state);
      const write = await run(customerId, input, context);
      await claims.release(customerId, contacts, metadataOf(context));
      return strip(write);
    },
  };
}
