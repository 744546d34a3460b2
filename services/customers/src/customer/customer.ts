// The Customer aggregate: the facts it records (internal events), what it remembers of them (state,
// one shape per status) and how each fact changes that memory (evolve). The public events that
// other systems read are mapped from these in public-events.ts.
import type {
  CustomerKind,
  CustomerProfile,
  CustomerProfileChanges,
  CustomerSize,
  CustomerSource,
  ErasureReason,
  InteractionChannel,
  InteractionKind,
  LifecycleStage,
  ValueTier,
} from '@crm/contracts';
import type { DomainEvent } from '@crm/decider';
import { applyChanges } from './rules/changes.ts';

export interface Classification {
  lifecycleStage: LifecycleStage;
  size?: CustomerSize;
  valueTier?: ValueTier;
}

/** Only what changed: a value = the new value, null = cleared. */
export interface ClassificationChanges {
  lifecycleStage?: LifecycleStage;
  size?: CustomerSize | null;
  valueTier?: ValueTier | null;
}

export interface Interaction {
  interactionId: string;
  kind: InteractionKind;
  channel: InteractionChannel;
  /** ISO-8601 UTC. */
  occurredAt: string;
  summary: string;
  outcome?: string;
  nextStep?: string;
  /** ISO-8601 UTC. */
  nextFollowUpAt?: string;
  durationMinutes?: number;
  loggedBy: string;
}

type Fact<Type extends string, Data> = DomainEvent<Type, { customerId: string } & Data>;

export type CustomerRegistered = Fact<
  'CustomerRegistered',
  {
    kind: CustomerKind;
    profile: CustomerProfile;
    /** Primary first. */
    phones: string[];
    /** Primary first. */
    emails: string[];
    tags: string[];
    classification: Classification;
    source?: CustomerSource;
    /** null: in the shared pool (公海). */
    ownerId: string | null;
    /** The converted sales lead it was registered for (source lead_conversion). */
    leadId?: string;
  }
>;
/**
 * A registration asked for by a converted lead was refused: the id is spent, so the refusal
 * is the stream's one fact and the lead learns why (crm.customer.registration_rejected.v1).
 */
export type RegistrationRejected = Fact<
  'RegistrationRejected',
  {
    leadId: string;
    /** A stable UPPER_SNAKE code, e.g. DUPLICATE_CONTACT. */
    reason: string;
    /** For a duplicate contact: the customer that holds it. */
    existingCustomerId?: string;
    /** For people; never personal data (the stream has no customer to erase). */
    detail?: string;
    /** ISO-8601 UTC. */
    rejectedAt: string;
  }
>;
export type ProfileUpdated = Fact<'ProfileUpdated', { changes: CustomerProfileChanges }>;
export type ContactsChanged = Fact<'ContactsChanged', { phones: string[]; emails: string[] }>;
export type CustomerTagged = Fact<'CustomerTagged', { tags: string[] }>;
export type CustomerUntagged = Fact<'CustomerUntagged', { tags: string[] }>;
export type CustomerClassified = Fact<'CustomerClassified', { changes: ClassificationChanges }>;
export type OwnerAssigned = Fact<
  'OwnerAssigned',
  { ownerId: string | null; previousOwnerId: string | null }
>;
export type InteractionLogged = Fact<'InteractionLogged', Interaction>;
/** On the duplicate: it is closed and lives on in the survivor. */
export type MergedInto = Fact<'MergedInto', { mergedInto: string }>;
/** On the survivor: what it took over from the duplicate. */
export type DuplicateAbsorbed = Fact<
  'DuplicateAbsorbed',
  {
    duplicateId: string;
    phonesAdded: string[];
    emailsAdded: string[];
    tagsAdded: string[];
    interactionCount: number;
  }
>;
export type CustomerArchived = Fact<'CustomerArchived', { reason: string }>;
export type CustomerRestored = Fact<'CustomerRestored', object>;
/** Carries no personal data: only that it was erased, and why. */
export type PersonalDataErased = Fact<'PersonalDataErased', { reason: ErasureReason }>;

export type CustomerEvent =
  | CustomerRegistered
  | RegistrationRejected
  | ProfileUpdated
  | ContactsChanged
  | CustomerTagged
  | CustomerUntagged
  | CustomerClassified
  | OwnerAssigned
  | InteractionLogged
  | MergedInto
  | DuplicateAbsorbed
  | CustomerArchived
  | CustomerRestored
  | PersonalDataErased;

/** What a registered customer remembers: only what decisions (and merge snapshots) need. */
export interface CustomerRecord {
  customerId: string;
  kind: CustomerKind;
  profile: CustomerProfile;
  phones: readonly string[];
  emails: readonly string[];
  tags: readonly string[];
  classification: Classification;
  ownerId: string | null;
  /** Set when it was registered for a converted lead: registering it again for it is a no-op. */
  leadId?: string;
  /** Ids already logged, so that logging one again changes nothing. */
  interactionIds: readonly string[];
  /** Its own interactions plus those of the duplicates it absorbed. */
  interactionCount: number;
  absorbedDuplicateIds: readonly string[];
}

export type UnregisteredCustomer = { status: 'unregistered' };
export type ActiveCustomer = CustomerRecord & { status: 'active' };
export type ArchivedCustomer = CustomerRecord & { status: 'archived'; archiveReason: string };
export type MergedCustomer = { status: 'merged'; customerId: string; mergedInto: string };
/** Forgets everything personal: nothing is left to decide on. */
export type ErasedCustomer = { status: 'erased'; customerId: string };
/** No customer, and none will be: the registration the lead asked for was refused. */
export type RejectedRegistration = {
  status: 'rejected';
  customerId: string;
  leadId: string;
  reason: string;
  existingCustomerId?: string;
};

export type CustomerState =
  | UnregisteredCustomer
  | ActiveCustomer
  | ArchivedCustomer
  | MergedCustomer
  | ErasedCustomer
  | RejectedRegistration;

export type RegisteredCustomer = ActiveCustomer | ArchivedCustomer;

export const initialState: CustomerState = { status: 'unregistered' };

export function evolve(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered': {
      const { source: _source, ...record } = event.data;
      const extra = { interactionIds: [], interactionCount: 0, absorbedDuplicateIds: [] };
      return { status: 'active', ...record, ...extra };
    }
    case 'RegistrationRejected': {
      const { customerId, leadId, reason, existingCustomerId } = event.data;
      const existing = existingCustomerId === undefined ? {} : { existingCustomerId };
      return { status: 'rejected', customerId, leadId, reason, ...existing };
    }
    case 'MergedInto':
      return { status: 'merged', ...event.data };
    case 'PersonalDataErased':
      return { status: 'erased', customerId: event.data.customerId };
    default:
      return isRegistered(state) ? evolveRegistered(state, event) : state;
  }
}

const isRegistered = (state: CustomerState): state is RegisteredCustomer =>
  state.status === 'active' || state.status === 'archived';

type RecordEvent = Exclude<
  CustomerEvent,
  CustomerRegistered | RegistrationRejected | MergedInto | PersonalDataErased
>;

function evolveRegistered(customer: RegisteredCustomer, event: RecordEvent): CustomerState {
  switch (event.type) {
    case 'ProfileUpdated':
      return { ...customer, profile: applyChanges(customer.profile, event.data.changes) };
    case 'ContactsChanged':
      return { ...customer, phones: event.data.phones, emails: event.data.emails };
    case 'CustomerTagged':
      return { ...customer, tags: [...customer.tags, ...event.data.tags] };
    case 'CustomerUntagged':
      return { ...customer, tags: customer.tags.filter((tag) => !event.data.tags.includes(tag)) };
    case 'CustomerClassified': {
      const classification = applyChanges(customer.classification, event.data.changes);
      return { ...customer, classification };
    }
    case 'OwnerAssigned':
      return { ...customer, ownerId: event.data.ownerId };
    case 'InteractionLogged':
      return {
        ...customer,
        interactionIds: [...customer.interactionIds, event.data.interactionId],
        interactionCount: customer.interactionCount + 1,
      };
    case 'DuplicateAbsorbed':
      return {
        ...customer,
        phones: [...customer.phones, ...event.data.phonesAdded],
        emails: [...customer.emails, ...event.data.emailsAdded],
        tags: [...customer.tags, ...event.data.tagsAdded],
        interactionCount: customer.interactionCount + event.data.interactionCount,
        absorbedDuplicateIds: [...customer.absorbedDuplicateIds, event.data.duplicateId],
      };
    case 'CustomerArchived':
      return { ...recordOf(customer), status: 'archived', archiveReason: event.data.reason };
    case 'CustomerRestored':
      return { ...recordOf(customer), status: 'active' };
  }
}

function recordOf(customer: RegisteredCustomer): CustomerRecord {
  if (customer.status === 'active') {
    const { status: _status, ...record } = customer;
    return record;
  }
  const { status: _status, archiveReason: _reason, ...record } = customer;
  return record;
}
