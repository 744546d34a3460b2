// What the opportunities service's use cases, routes and reactions are given: ports, the teams
// configuration, a clock, and what it knows of customers (only from crm.customers.v1).
import type { Projector } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import type { SalesTeams } from './sales-teams.ts';

/** A customer as crm.customers.v1 described it last: the local lookup's document. */
export interface CustomerSummary {
  customerId: string;
  name: string;
  kind: 'person' | 'company';
  ownerId: string | null;
  /** active, archived, merged (into mergedInto), erased, or rejected (registration refused). */
  status: 'active' | 'archived' | 'merged' | 'erased' | 'rejected';
  mergedInto?: string;
  /** Normalised (E.164 / lower-case), for flagging leads that match an existing customer. */
  phones: string[];
  emails: string[];
  /** The customer stream revision of the last event applied (guards against replays). */
  revision: number;
}

/** The local customer lookup, fed from crm.customers.v1 by src/customers-feed. */
export interface CustomerDirectory {
  get(customerId: string): Promise<CustomerSummary | null>;
  getMany(customerIds: readonly string[]): Promise<Map<string, CustomerSummary>>;
  /** The active customer holding one of these (raw, as typed) phones or e-mails, if any. */
  findByContact(phones: readonly string[], emails: readonly string[]): Promise<string | null>;
}

export interface SalesDeps {
  eventStore: EventStore;
  documentStore: DocumentStore;
  /** Runs every projection of the service; routes wait on it for read-your-writes. */
  projector: Projector;
  teams: SalesTeams;
  customers: CustomerDirectory;
  clock: () => Date;
}
