// What a reader sees of a lead: the whole record with its open tasks and conversion, folded from
// its events. One fold serves the read model (lead-list.ts) and asOf reads from the log.
import type { LeadFollowUpStatus, LeadRegion, LeadSource } from '@crm/contracts';
import type { Document } from '@crm/read-store';
import type { LeadEvent } from '../lead/events.ts';

export const LEADS = 'lead_list';

export interface LeadTask {
  taskId: string;
  dueAt: string;
  remindAt?: string;
  note?: string;
}

export interface LeadView extends Document {
  /** The lead id. */
  _id: string;
  leadId: string;
  status: 'open' | 'qualified' | 'converted' | 'disqualified';
  name: string;
  company?: string;
  phones: string[];
  emails: string[];
  source: LeadSource;
  campaignId?: string;
  notes?: string;
  region?: LeadRegion;
  province?: string;
  industry?: string;
  poolId: string;
  /** null: waiting in its pool. */
  ownerId: string | null;
  followUpStatus: LeadFollowUpStatus;
  /** When the owner got it or last followed it up: the recycler's clock. */
  lastFollowUpAt: string;
  openTasks: LeadTask[];
  /** Earliest due time of the open tasks (absent: none). */
  nextDueAt?: string;
  activityCount: number;
  matchingCustomerId?: string;
  disqualification?: { reason: string; note?: string };
  conversion?: {
    opportunityId: string;
    customerId: string;
    requestedCustomerId: string | null;
    progress: 'awaiting_customer' | 'completed' | 'blocked';
    blockedReason?: string;
    existingCustomerId?: string;
  };
  capturedAt: string;
  capturedBy: string;
  updatedAt: string;
  /** The lead stream's revision this view reflects (its ETag). */
  revision: number;
}

export interface EventMeta {
  recordedAt: string;
  revision: number;
}

const later = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a);

const withTasks = (view: LeadView, openTasks: LeadTask[]): LeadView => {
  const { nextDueAt: _next, ...rest } = view;
  const next = openTasks.map((task) => task.dueAt).sort()[0];
  return { ...rest, openTasks, ...(next !== undefined && { nextDueAt: next }) };
};

/** The next view, or null while nothing was captured (an event without its capture is ignored). */
export function evolveLeadView(
  current: LeadView | null,
  event: LeadEvent,
  meta: EventMeta,
): LeadView | null {
  const stamp = { updatedAt: meta.recordedAt, revision: meta.revision };
  if (event.type === 'LeadCaptured') {
    const { capturedAt, capturedBy, ...data } = event.data;
    return {
      _id: data.leadId,
      status: 'open',
      ...data,
      ...(data.region && { province: data.region.province }),
      followUpStatus: 'new',
      lastFollowUpAt: capturedAt,
      openTasks: [],
      activityCount: 0,
      capturedAt,
      capturedBy,
      ...stamp,
    };
  }
  if (current === null) return null;
  const view = { ...current, ...stamp };
  switch (event.type) {
    case 'LeadAssigned':
      return { ...view, ownerId: event.data.ownerId, lastFollowUpAt: event.data.assignedAt };
    case 'LeadReassigned':
      return { ...view, ownerId: event.data.ownerId, lastFollowUpAt: event.data.reassignedAt };
    case 'LeadClaimed':
      return { ...view, ownerId: event.data.ownerId, lastFollowUpAt: event.data.claimedAt };
    case 'LeadReleased':
    case 'LeadReturnedToPool':
    case 'LeadMovedToPool':
      return { ...view, ownerId: null, poolId: event.data.poolId };
    case 'FollowUpStatusChanged':
      return { ...view, followUpStatus: event.data.status };
    case 'FollowUpScheduled': {
      const { taskId, dueAt, remindAt, note } = event.data;
      const task = { taskId, dueAt, ...(remindAt && { remindAt }), ...(note && { note }) };
      return withTasks(view, [...view.openTasks, task]);
    }
    case 'FollowUpCompleted':
      return withTasks(
        { ...view, lastFollowUpAt: later(view.lastFollowUpAt, event.data.completedAt) },
        view.openTasks.filter((task) => task.taskId !== event.data.taskId),
      );
    case 'LeadActivityLogged':
      return {
        ...view,
        activityCount: view.activityCount + 1,
        lastFollowUpAt: later(view.lastFollowUpAt, event.data.occurredAt),
      };
    case 'LeadQualified':
      return { ...view, status: 'qualified' };
    case 'LeadDisqualified': {
      const { reason, note } = event.data;
      return {
        ...view,
        status: 'disqualified',
        disqualification: { reason, ...(note && { note }) },
      };
    }
    case 'LeadConverted': {
      const { opportunityId, customerId, customerRegistration, ownerId } = event.data;
      const requestedCustomerId = customerRegistration?.customerId ?? null;
      const progress = requestedCustomerId === null ? 'completed' : 'awaiting_customer';
      const conversion = { opportunityId, customerId, requestedCustomerId, progress } as const;
      return { ...view, status: 'converted', ownerId, conversion };
    }
    case 'LeadConversionCompleted':
    case 'LeadConversionBlocked':
    case 'LeadLinkedToCustomer':
      return view.conversion
        ? { ...view, conversion: nextConversion(view.conversion, event) }
        : view;
  }
}

function nextConversion(
  conversion: NonNullable<LeadView['conversion']>,
  event: Extract<
    LeadEvent,
    { type: 'LeadConversionCompleted' | 'LeadConversionBlocked' | 'LeadLinkedToCustomer' }
  >,
): NonNullable<LeadView['conversion']> {
  const { blockedReason: _reason, existingCustomerId: _existing, ...rest } = conversion;
  if (event.type === 'LeadConversionBlocked') {
    const { reason, existingCustomerId } = event.data;
    return {
      ...rest,
      progress: 'blocked',
      blockedReason: reason,
      ...(existingCustomerId !== undefined && { existingCustomerId }),
    };
  }
  return { ...rest, customerId: event.data.customerId, progress: 'completed' };
}
