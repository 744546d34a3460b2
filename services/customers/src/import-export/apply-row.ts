// One checked row against the log: a customer that exists already is left alone (so a file can
// be imported again), a new one is registered through the same use case as POST /customers. A dry
// run decides the registration without appending it.
import { isDomainError } from '@crm/decider';
import type { CommandContext } from '@crm/event-processing';
import { ContactTaken, type Contact } from '../contacts/contact-claims.ts';
import { contactsOf, type CustomersApplication } from '../customer/application.ts';
import type { CustomerState } from '../customer/customer.ts';
import { customerDecider } from '../customer/decide.ts';
import { columnOf } from './columns.ts';
import type { PreparedRow, RowError } from './prepare-row.ts';

export type ReadyRow = Extract<PreparedRow, { ok: true }>;

export type RowOutcome =
  | { status: 'imported' | 'unchanged'; customerId: string }
  | { status: 'rejected'; customerId: string; errors: RowError[] };

export interface ApplyRowDeps {
  application: CustomersApplication;
  context: CommandContext;
  dryRun: boolean;
  /** Who holds a phone or e-mail now, as far as the read models know (dry runs only). */
  holderOf: (contact: Contact) => Promise<string | null>;
  clock?: () => Date;
}

/**
 * Rows that share an id or a contact must be applied one after the other (the caller sees to
 * it): the later one then finds what the earlier one did, in a dry run too.
 */
export function rowApplier(deps: ApplyRowDeps): (row: ReadyRow) => Promise<RowOutcome> {
  const { application, context, dryRun, holderOf } = deps;
  const clock = deps.clock ?? (() => new Date());
  // What the rows before would have registered, since a dry run leaves no trace in the log.
  const rehearsedIds = new Set<string>();
  const rehearsedContacts = new Map<string, string>();

  // A dry run cannot claim, so it asks the read models (and the rows before it) who holds what.
  const requireFreeContacts = async ({ customerId, input }: ReadyRow): Promise<Contact[]> => {
    const contacts = contactsOf(input.phones, input.emails);
    for (const contact of contacts) {
      const holder =
        rehearsedContacts.get(`${contact.kind}:${contact.value}`) ?? (await holderOf(contact));
      if (holder !== null && holder !== customerId) throw new ContactTaken(contact, holder);
    }
    return contacts;
  };

  const rehearse = (row: ReadyRow, state: CustomerState, contacts: readonly Contact[]) => {
    const { customerId, input } = row;
    const command = { ...input, customerId, at: clock().toISOString(), actor: context.actor };
    customerDecider.decide(command, state);
    rehearsedIds.add(customerId);
    for (const contact of contacts) {
      rehearsedContacts.set(`${contact.kind}:${contact.value}`, customerId);
    }
    return { status: 'imported', customerId } satisfies RowOutcome;
  };

  return async (row) => {
    const { customerId } = row;
    try {
      const { state, revision } = await application.load(customerId);
      // An id spent on a refused lead registration is no customer: registering says why.
      const exists = revision >= 0 && state.status !== 'rejected';
      if (exists || rehearsedIds.has(customerId)) return { status: 'unchanged', customerId };
      if (dryRun) return rehearse(row, state, await requireFreeContacts(row));
      await application.register(customerId, row.input, context);
      return { status: 'imported', customerId };
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal === 'unchanged') return { status: 'unchanged', customerId };
      if (refusal === undefined) throw error;
      return { status: 'rejected', customerId, errors: [refusal] };
    }
  };
}

/** A refusal the row's content caused; undefined for failures that are not the file's fault. */
function refusalOf(error: unknown): RowError | 'unchanged' | undefined {
  if (error instanceof ContactTaken) {
    return {
      field: error.contact.kind === 'phone' ? 'phones' : 'emails',
      code: 'DUPLICATE_CONTACT',
      message: `this ${error.contact.kind} belongs to customer ${error.existingCustomerId}`,
      existingCustomerId: error.existingCustomerId,
    };
  }
  if (!isDomainError(error)) return undefined;
  // Registered by someone else between our look and our write: the same outcome as a re-run.
  if (error.code === 'CUSTOMER_ALREADY_REGISTERED') return 'unchanged';
  const field = error.details.field;
  return {
    field: typeof field === 'string' ? columnOf(field) : '',
    code: error.code,
    message: error.message,
  };
}
