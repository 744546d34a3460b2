// Read model `lead_follow_ups`: one document per follow-up task with the lead's current owner, for
// "my due follow-ups" (a rep's open tasks, earliest due first, so overdue ones lead). Tasks are
// never deleted, only marked done or closed, so a replayed schedule cannot bring one back; each
// write is guarded by the lead stream revision. `lead_follow_up_owners` remembers each lead's owner.
import type { Projection } from '@crm/event-processing';
import type { RecordedEvent } from '@crm/event-store';
import type { Document, DocumentStore } from '@crm/read-store';
import type { LeadEvent } from '../lead/events.ts';
import { LEAD_CATEGORY } from '../streams.ts';

export const FOLLOW_UPS = 'lead_follow_ups';
const OWNERS = 'lead_follow_up_owners';

export interface FollowUpTask extends Document {
  /** `<leadId>:<taskId>` */
  _id: string;
  leadId: string;
  leadName: string;
  taskId: string;
  ownerId: string | null;
  dueAt: string;
  remindAt?: string;
  note?: string;
  /** done: completed; closed: the lead was converted or disqualified first. */
  status: 'open' | 'done' | 'closed';
}

interface LeadOwner extends Document {
  _id: string;
  name: string;
  ownerId: string | null;
}

export const leadFollowUps: Projection = {
  name: 'lead-follow-ups',
  version: 1,
  categories: [LEAD_CATEGORY],
  collections: [FOLLOW_UPS, OWNERS],
  setup: async (store) => {
    await store
      .collection(FOLLOW_UPS)
      .ensureIndexes([{ fields: ['ownerId', 'status', 'dueAt'] }, { fields: ['leadId'] }]);
  },
  handle: (event, store) => apply(event, store),
};

const ownerAfter = (event: LeadEvent): string | null | undefined => {
  switch (event.type) {
    case 'LeadAssigned':
    case 'LeadReassigned':
    case 'LeadClaimed':
    case 'LeadConverted':
      return event.data.ownerId;
    case 'LeadReleased':
    case 'LeadReturnedToPool':
    case 'LeadMovedToPool':
      return null;
    default:
      return undefined;
  }
};

async function apply(recorded: RecordedEvent, store: DocumentStore): Promise<void> {
  const event = recorded as unknown as LeadEvent;
  const version = recorded.revision;
  const tasks = store.collection<FollowUpTask>(FOLLOW_UPS);
  const owners = store.collection<LeadOwner>(OWNERS);
  const { leadId } = event.data;
  if (event.type === 'LeadCaptured') {
    await owners.put({ _id: leadId, name: event.data.name, ownerId: event.data.ownerId }, version);
    return;
  }
  const owner = await owners.get(leadId);
  if (!owner) return;
  const ownerId = ownerAfter(event);
  if (ownerId !== undefined) await owners.put({ ...owner, ownerId }, version);
  if (event.type === 'FollowUpScheduled') {
    const { taskId, dueAt, remindAt, note } = event.data;
    const task = {
      _id: `${leadId}:${taskId}`,
      leadId,
      leadName: owner.name,
      taskId,
      ownerId: owner.ownerId,
      dueAt,
      ...(remindAt !== undefined && { remindAt }),
      ...(note !== undefined && { note }),
      status: 'open' as const,
    };
    await tasks.put(task, version);
    return;
  }
  if (event.type === 'FollowUpCompleted') {
    const task = await tasks.get(`${leadId}:${event.data.taskId}`);
    if (task) await tasks.put({ ...task, status: 'done' }, version);
    return;
  }
  const closing = event.type === 'LeadConverted' || event.type === 'LeadDisqualified';
  if (ownerId === undefined && !closing) return;
  const open = await tasks.find({ leadId, status: 'open' }, { limit: 1000 });
  for (const task of open.items) {
    const next = closing ? { ...task, status: 'closed' as const } : { ...task, ownerId: ownerId! };
    await tasks.put(next, version);
  }
}

/** A rep's open follow-ups, earliest due first (the overdue ones lead), up to `before` if given. */
export async function dueFollowUps(
  store: DocumentStore,
  ownerId: string,
  options: { before?: string; limit: number; cursor?: string },
) {
  return store.collection<FollowUpTask>(FOLLOW_UPS).find(
    {
      ownerId,
      status: 'open',
      ...(options.before !== undefined && { dueAt: { $lte: options.before } }),
    },
    {
      sort: { field: 'dueAt', direction: 'asc' },
      limit: options.limit,
      ...(options.cursor !== undefined && { cursor: options.cursor }),
    },
  );
}
