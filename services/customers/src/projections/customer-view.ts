// The customer as people read it: one pure fold over the customer's events. The detail read model
// stores it, the list read model stores a summary of it, and `?asOf=` reads fold it from the log,
// so the record as it was then has the same shape as the record now.
import type { CustomerKind, CustomerProfile, CustomerSource } from '@crm/contracts';
import type { Classification, CustomerEvent, Interaction } from '../customer/customer.ts';
import { applyChanges } from '../customer/rules/changes.ts';

export type CustomerStatus = 'active' | 'archived' | 'merged' | 'erased';

export type CustomerView = {
  _id: string;
  kind: CustomerKind;
  status: CustomerStatus;
  /** Empty once personal data is erased. */
  profile: CustomerProfile | Record<string, never>;
  phones: string[];
  emails: string[];
  tags: string[];
  classification: Classification;
  source: CustomerSource | null;
  ownerId: string | null;
  interactionCount: number;
  lastInteractionAt: string | null;
  nextFollowUpAt: string | null;
  /** The latest interactions, newest first (at most RECENT). */
  recentInteractions: Interaction[];
  absorbedDuplicateIds: string[];
  mergedInto: string | null;
  archiveReason: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** The stream revision this view reflects: what a write answered, what `waitForRevision` awaits. */
  revision: number;
};

const RECENT = 10;

export interface EventContext {
  recordedAt: string;
  revision: number;
  actor: string;
}

export function evolveCustomerView(
  view: CustomerView | null,
  event: CustomerEvent,
  context: EventContext,
): CustomerView | null {
  const stamp = { updatedAt: context.recordedAt, revision: context.revision };
  if (event.type === 'CustomerRegistered') {
    const { customerId, kind, profile, phones, emails, tags, classification, ownerId } = event.data;
    return {
      _id: customerId,
      kind,
      status: 'active',
      profile,
      phones,
      emails,
      tags,
      classification,
      source: event.data.source ?? null,
      ownerId,
      interactionCount: 0,
      lastInteractionAt: null,
      nextFollowUpAt: null,
      recentInteractions: [],
      absorbedDuplicateIds: [],
      mergedInto: null,
      archiveReason: null,
      createdAt: context.recordedAt,
      createdBy: context.actor,
      ...stamp,
    };
  }
  if (view === null) return null;
  switch (event.type) {
    // Only ever the first fact of a stream: no customer, so no view (the timeline shows it).
    case 'RegistrationRejected':
      return view;
    case 'ProfileUpdated':
      return {
        ...view,
        profile: applyChanges(view.profile as CustomerProfile, event.data.changes),
        ...stamp,
      };
    case 'ContactsChanged':
      return { ...view, phones: event.data.phones, emails: event.data.emails, ...stamp };
    case 'CustomerTagged':
      return { ...view, tags: [...view.tags, ...event.data.tags], ...stamp };
    case 'CustomerUntagged':
      return { ...view, tags: view.tags.filter((tag) => !event.data.tags.includes(tag)), ...stamp };
    case 'CustomerClassified':
      return {
        ...view,
        classification: applyChanges(view.classification, event.data.changes),
        ...stamp,
      };
    case 'OwnerAssigned':
      return { ...view, ownerId: event.data.ownerId, ...stamp };
    case 'InteractionLogged': {
      const interaction = event.data;
      const recent = [interaction, ...view.recentInteractions]
        .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
        .slice(0, RECENT);
      const last = view.lastInteractionAt;
      return {
        ...view,
        interactionCount: view.interactionCount + 1,
        recentInteractions: recent,
        lastInteractionAt: last && last > interaction.occurredAt ? last : interaction.occurredAt,
        nextFollowUpAt: interaction.nextFollowUpAt ?? view.nextFollowUpAt,
        ...stamp,
      };
    }
    case 'DuplicateAbsorbed':
      return {
        ...view,
        phones: [...view.phones, ...event.data.phonesAdded],
        emails: [...view.emails, ...event.data.emailsAdded],
        tags: [...view.tags, ...event.data.tagsAdded],
        interactionCount: view.interactionCount + event.data.interactionCount,
        absorbedDuplicateIds: [...view.absorbedDuplicateIds, event.data.duplicateId],
        ...stamp,
      };
    case 'MergedInto':
      return { ...view, status: 'merged', mergedInto: event.data.mergedInto, ...stamp };
    case 'CustomerArchived':
      return { ...view, status: 'archived', archiveReason: event.data.reason, ...stamp };
    case 'CustomerRestored':
      return { ...view, status: 'active', archiveReason: null, ...stamp };
    case 'PersonalDataErased':
      return {
        ...view,
        status: 'erased',
        profile: {},
        phones: [],
        emails: [],
        tags: [],
        recentInteractions: [],
        ...stamp,
      };
  }
}

/** What the list shows and searches: no interactions, the region and industry lifted up. */
export type CustomerListItem = {
  _id: string;
  kind: CustomerKind;
  status: CustomerStatus;
  name: string | null;
  phones: string[];
  emails: string[];
  tags: string[];
  lifecycleStage: Classification['lifecycleStage'];
  size: Classification['size'] | null;
  valueTier: Classification['valueTier'] | null;
  ownerId: string | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  source: CustomerSource | null;
  interactionCount: number;
  lastInteractionAt: string | null;
  nextFollowUpAt: string | null;
  createdAt: string;
  updatedAt: string;
  revision: number;
};

export function toListItem(view: CustomerView): CustomerListItem {
  const profile = view.profile as Partial<CustomerProfile>;
  return {
    _id: view._id,
    kind: view.kind,
    status: view.status,
    name: profile.name ?? null,
    phones: view.phones,
    emails: view.emails,
    tags: view.tags,
    lifecycleStage: view.classification.lifecycleStage,
    size: view.classification.size ?? null,
    valueTier: view.classification.valueTier ?? null,
    ownerId: view.ownerId,
    industry: profile.industry ?? null,
    province: profile.address?.province ?? null,
    city: profile.address?.city ?? null,
    district: profile.address?.district ?? null,
    source: view.source,
    interactionCount: view.interactionCount,
    lastInteractionAt: view.lastInteractionAt,
    nextFollowUpAt: view.nextFollowUpAt,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    revision: view.revision,
  };
}
