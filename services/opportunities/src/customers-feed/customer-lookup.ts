// The local customer lookup: one document per customer crm.customers.v1 told us about, written
// only through the customer's stream revision, so a duplicate or older delivery changes nothing.
// It answers CustomerDirectory, which is all the opportunities service knows of customers.
import { normalizeEmail, normalizePhone } from '@crm/contracts';
import type { Collection, Document, DocumentStore, Filter, IndexSpec } from '@crm/read-store';
import type { CustomerDirectory, CustomerSummary } from '../sales-deps.ts';
import type { CustomerFeedEvent } from './customer-event.ts';
import { nextSummary } from './customer-summary.ts';

export const CUSTOMER_LOOKUP = 'customer_lookup';

export type CustomerLookupDocument = CustomerSummary & Document;

/** Multikey on phones and e-mails (equality on any element), status to keep only active ones. */
export const CUSTOMER_LOOKUP_INDEXES: readonly IndexSpec[] = [
  { fields: ['phones'] },
  { fields: ['emails'] },
  { fields: ['status'] },
];

export const customerLookupCollection = (
  store: DocumentStore,
): Collection<CustomerLookupDocument> => store.collection<CustomerLookupDocument>(CUSTOMER_LOOKUP);

const toSummary = ({ _id: _, ...summary }: CustomerLookupDocument): CustomerSummary => summary;

/** Applies one event; answers whether the lookup changed. */
export async function applyToLookup(
  lookup: Collection<CustomerLookupDocument>,
  event: CustomerFeedEvent,
): Promise<boolean> {
  const { customerId } = event.data;
  const stored = await lookup.getVersioned(customerId);
  if (stored !== null && stored.version >= event.revision) return false;
  const next = nextSummary(stored === null ? null : toSummary(stored.doc), event);
  if (next === null) return false;
  // put checks the version again, so a concurrent writer of a later revision still wins.
  return lookup.put({ _id: customerId, ...next }, event.revision);
}

/** Raw phones and e-mails, as typed, in their normalised forms; unreadable ones are dropped. */
export function normalisedContacts(
  phones: readonly string[],
  emails: readonly string[],
): { phones: string[]; emails: string[] } {
  return {
    phones: [
      ...new Set(
        phones.flatMap((raw) => {
          const phone = normalizePhone(raw);
          return phone.ok ? [phone.e164] : [];
        }),
      ),
    ],
    emails: [
      ...new Set(
        emails.flatMap((raw) => {
          const email = normalizeEmail(raw);
          return email.ok ? [email.email] : [];
        }),
      ),
    ],
  };
}

/** The directory over the lookup, for wiring it before the feed that fills it exists. */
export const customerLookupDirectory = (store: DocumentStore): CustomerDirectory =>
  customerDirectory(customerLookupCollection(store));

export function customerDirectory(lookup: Collection<CustomerLookupDocument>): CustomerDirectory {
  return {
    get: async (customerId) => {
      const doc = await lookup.get(customerId);
      return doc === null ? null : toSummary(doc);
    },
    getMany: async (customerIds) => {
      const found = await lookup.getManyVersioned([...new Set(customerIds)]);
      return new Map([...found].map(([id, { doc }]) => [id, toSummary(doc)]));
    },
    findByContact: async (rawPhones, rawEmails) => {
      const { phones, emails } = normalisedContacts(rawPhones, rawEmails);
      const anyContact: Filter[] = [
        ...phones.map((phone) => ({ phones: phone })),
        ...emails.map((email) => ({ emails: email })),
      ];
      if (anyContact.length === 0) return null;
      // Phones first: a shared company mailbox says less about who someone is than a mobile.
      for (const contact of anyContact) {
        const page = await lookup.find({ ...contact, status: 'active' }, { limit: 1 });
        const match = page.items[0];
        if (match !== undefined) return match._id;
      }
      return null;
    },
  };
}
