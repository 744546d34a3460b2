// The Lead aggregate's memory: one shape per status, and how each fact (events.ts) changes it.
// It remembers only what decisions need; the full history is the log.
import type { LeadFollowUpStatus, LeadRegion, LeadSource } from '@crm/contracts';
import type { LeadEvent } from './events.ts';

export interface LeadRecord {
  leadId: string;
  name: string;
  company?: string;
  phones: readonly string[];
  emails: readonly string[];
  source: LeadSource;
  campaignId?: string;
  region?: LeadRegion;
  industry?: string;
  /** The pool it belongs to: where it waits while unowned, and where it returns. */
  poolId: string;
  /** null: waiting in its pool. */
  ownerId: string | null;
  followUpStatus: LeadFollowUpStatus;
  /** When the current owner got it or last followed it up, whichever is later (recycling clock). */
  lastFollowUpAt: string;
  openTaskIds: readonly string[];
  doneTaskIds: readonly string[];
  activityIds: readonly string[];
  matchingCustomerId?: string;
}

export type UncapturedLead = { status: 'uncaptured' };
export type OpenLead = LeadRecord & { status: 'open' };
export type QualifiedLead = LeadRecord & { status: 'qualified' };
/** Open or qualified: a lead still being worked. */
export type ActiveLead = OpenLead | QualifiedLead;

/** awaiting_customer: the customers service has not answered the registration request yet. */
export type ConversionProgress = 'awaiting_customer' | 'completed' | 'blocked';

export interface ConvertedLead {
  status: 'converted';
  leadId: string;
  ownerId: string;
  opportunityId: string;
  /** The customer of the opportunity as it stands (the linked one after a block). */
  customerId: string;
  /** The customer the customers service was asked to register; null: an existing one was linked. */
  requestedCustomerId: string | null;
  progress: ConversionProgress;
  blockedReason?: string;
  existingCustomerId?: string;
}

export type DisqualifiedLead = { status: 'disqualified'; leadId: string; reason: string };

export type LeadState =
  UncapturedLead | OpenLead | QualifiedLead | ConvertedLead | DisqualifiedLead;

export const initialState: LeadState = { status: 'uncaptured' };

export function evolve(state: LeadState, event: LeadEvent): LeadState {
  switch (event.type) {
    case 'LeadCaptured': {
      const { capturedBy: _by, capturedAt, notes: _notes, ...record } = event.data;
      const work = { openTaskIds: [], doneTaskIds: [], activityIds: [] };
      return {
        status: 'open',
        ...record,
        followUpStatus: 'new',
        lastFollowUpAt: capturedAt,
        ...work,
      };
    }
    case 'LeadConverted': {
      const { leadId, ownerId, opportunityId, customerId, customerRegistration } = event.data;
      const requestedCustomerId = customerRegistration?.customerId ?? null;
      const progress = requestedCustomerId === null ? 'completed' : 'awaiting_customer';
      const conversion = { opportunityId, customerId, requestedCustomerId, progress } as const;
      return { status: 'converted', leadId, ownerId, ...conversion };
    }
    case 'LeadDisqualified':
      return { status: 'disqualified', leadId: event.data.leadId, reason: event.data.reason };
    case 'LeadConversionCompleted':
    case 'LeadConversionBlocked':
    case 'LeadLinkedToCustomer':
      return state.status === 'converted' ? evolveConversion(state, event) : state;
    default:
      return isActive(state) ? evolveActive(state, event) : state;
  }
}

export const isActive = (state: LeadState): state is ActiveLead =>
  state.status === 'open' || state.status === 'qualified';

type ActiveEvent = Exclude<
  LeadEvent,
  { type: 'LeadCaptured' | 'LeadConverted' | 'LeadDisqualified' | ConversionEvent['type'] }
>;

function evolveActive(lead: ActiveLead, event: ActiveEvent): LeadState {
  switch (event.type) {
    case 'LeadAssigned':
      return owned(lead, event.data.ownerId, event.data.assignedAt);
    case 'LeadReassigned':
      return owned(lead, event.data.ownerId, event.data.reassignedAt);
    case 'LeadClaimed':
      return owned(lead, event.data.ownerId, event.data.claimedAt);
    case 'LeadReleased':
    case 'LeadReturnedToPool':
    case 'LeadMovedToPool':
      return { ...lead, poolId: event.data.poolId, ownerId: null };
    case 'FollowUpStatusChanged':
      return { ...lead, followUpStatus: event.data.status };
    case 'FollowUpScheduled':
      return { ...lead, openTaskIds: [...lead.openTaskIds, event.data.taskId] };
    case 'FollowUpCompleted':
      return {
        ...lead,
        openTaskIds: lead.openTaskIds.filter((taskId) => taskId !== event.data.taskId),
        doneTaskIds: [...lead.doneTaskIds, event.data.taskId],
        lastFollowUpAt: later(lead.lastFollowUpAt, event.data.completedAt),
      };
    case 'LeadActivityLogged':
      return {
        ...lead,
        activityIds: [...lead.activityIds, event.data.activityId],
        lastFollowUpAt: later(lead.lastFollowUpAt, event.data.occurredAt),
      };
    case 'LeadQualified':
      return { ...lead, status: 'qualified' };
  }
}

type ConversionEvent = Extract<
  LeadEvent,
  { type: 'LeadConversionCompleted' | 'LeadConversionBlocked' | 'LeadLinkedToCustomer' }
>;

function evolveConversion(lead: ConvertedLead, event: ConversionEvent): ConvertedLead {
  const { blockedReason: _reason, existingCustomerId: _existing, ...unblocked } = lead;
  switch (event.type) {
    case 'LeadConversionCompleted':
      return { ...unblocked, customerId: event.data.customerId, progress: 'completed' };
    case 'LeadConversionBlocked': {
      const { reason, existingCustomerId } = event.data;
      return {
        ...unblocked,
        progress: 'blocked',
        blockedReason: reason,
        ...(existingCustomerId !== undefined && { existingCustomerId }),
      };
    }
    case 'LeadLinkedToCustomer':
      return { ...unblocked, customerId: event.data.customerId, progress: 'completed' };
  }
}

// A new owner gets a fresh follow-up clock.
const owned = (lead: ActiveLead, ownerId: string, since: string): ActiveLead => ({
  ...lead,
  ownerId,
  lastFollowUpAt: since,
});

const later = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a);
