// The facts the Lead aggregate records (internal events). The public events other systems read are
// mapped from these in public-events.ts. Times the decider needs later (the follow-up clock) are in
// the data, because evolve never sees the envelope.
import type {
  CustomerRegistrationRequest,
  LeadActivityKind,
  LeadAssignmentRule,
  LeadDisqualificationReason,
  LeadFollowUpStatus,
  LeadRegion,
  LeadReturnReason,
  LeadSource,
} from '@crm/contracts';
import type { DomainEvent } from '@crm/decider';

type Fact<Type extends string, Data> = DomainEvent<Type, { leadId: string } & Data>;

export type LeadCaptured = Fact<
  'LeadCaptured',
  {
    name: string;
    company?: string;
    /** E.164, primary first. */
    phones: string[];
    /** Lower-cased, primary first. */
    emails: string[];
    source: LeadSource;
    campaignId?: string;
    notes?: string;
    region?: LeadRegion;
    industry?: string;
    /** The pool it belongs to and returns to. */
    poolId: string;
    /** null: waiting in its pool. */
    ownerId: string | null;
    /** A customer that already has one of its phones or e-mails: a flag, never a refusal. */
    matchingCustomerId?: string;
    capturedBy: string;
    capturedAt: string;
  }
>;
export type LeadAssigned = Fact<
  'LeadAssigned',
  {
    ownerId: string;
    rule: LeadAssignmentRule;
    poolId: string;
    assignedBy: string;
    assignedAt: string;
  }
>;
export type LeadReassigned = Fact<
  'LeadReassigned',
  {
    ownerId: string;
    previousOwnerId: string;
    reason?: string;
    reassignedBy: string;
    reassignedAt: string;
  }
>;
export type LeadClaimed = Fact<
  'LeadClaimed',
  { ownerId: string; poolId: string; openClaims: number; claimLimit: number; claimedAt: string }
>;
export type LeadReleased = Fact<
  'LeadReleased',
  { poolId: string; previousOwnerId: string; reason: string; releasedBy: string }
>;
export type LeadReturnedToPool = Fact<
  'LeadReturnedToPool',
  {
    poolId: string;
    previousOwnerId: string;
    reason: LeadReturnReason;
    deadline: string;
    lastFollowUpAt: string;
  }
>;
export type LeadMovedToPool = Fact<
  'LeadMovedToPool',
  {
    poolId: string;
    previousPoolId: string;
    previousOwnerId: string | null;
    reason?: string;
    movedBy: string;
  }
>;
export type FollowUpStatusChanged = Fact<
  'FollowUpStatusChanged',
  { status: LeadFollowUpStatus; previousStatus: LeadFollowUpStatus; changedBy: string }
>;
export type FollowUpScheduled = Fact<
  'FollowUpScheduled',
  { taskId: string; dueAt: string; remindAt?: string; note?: string; scheduledBy: string }
>;
export type FollowUpCompleted = Fact<
  'FollowUpCompleted',
  { taskId: string; outcome?: string; completedBy: string; completedAt: string }
>;
export type LeadActivityLogged = Fact<
  'LeadActivityLogged',
  {
    activityId: string;
    kind: LeadActivityKind;
    occurredAt: string;
    summary: string;
    loggedBy: string;
  }
>;
export type LeadQualified = Fact<'LeadQualified', { note?: string; qualifiedBy: string }>;
export type LeadDisqualified = Fact<
  'LeadDisqualified',
  { reason: LeadDisqualificationReason; note?: string; disqualifiedBy: string }
>;
export type LeadConverted = Fact<
  'LeadConverted',
  {
    opportunityId: string;
    customerId: string;
    /** null: customerId is an existing customer; otherwise what to ask the customers service. */
    customerRegistration: CustomerRegistrationRequest | null;
    ownerId: string;
    campaignId?: string;
    convertedBy: string;
  }
>;
export type LeadConversionCompleted = Fact<
  'LeadConversionCompleted',
  { customerId: string; opportunityId: string }
>;
export type LeadConversionBlocked = Fact<
  'LeadConversionBlocked',
  { customerId: string; reason: string; existingCustomerId?: string }
>;
export type LeadLinkedToCustomer = Fact<
  'LeadLinkedToCustomer',
  { customerId: string; previousCustomerId: string; opportunityId: string; linkedBy: string }
>;

export type LeadEvent =
  | LeadCaptured
  | LeadAssigned
  | LeadReassigned
  | LeadClaimed
  | LeadReleased
  | LeadReturnedToPool
  | LeadMovedToPool
  | FollowUpStatusChanged
  | FollowUpScheduled
  | FollowUpCompleted
  | LeadActivityLogged
  | LeadQualified
  | LeadDisqualified
  | LeadConverted
  | LeadConversionCompleted
  | LeadConversionBlocked
  | LeadLinkedToCustomer;
