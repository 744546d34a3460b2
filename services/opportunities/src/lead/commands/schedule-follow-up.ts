import type { LeadEvent } from '../events.ts';
import { invalidField } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { requireOwnerOrManager } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import { optionalText, requiredId } from '../rules/text.ts';
import { instant, requireNotPast } from '../rules/time.ts';
import type { LeadCommandBase } from './command.ts';

/** A follow-up task (跟进任务) with a due time and, optionally, a reminder before it. */
export interface ScheduleFollowUp extends LeadCommandBase {
  type: 'ScheduleFollowUp';
  /** Chosen by the client: scheduling the same id again changes nothing. */
  taskId: string;
  /** ISO-8601 with an offset; not in the past. */
  dueAt: string;
  /** ISO-8601 with an offset; not in the past, not after dueAt. */
  remindAt?: string;
  note?: string;
}

export function scheduleFollowUp(command: ScheduleFollowUp, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireOwnerOrManager(lead.ownerId, command);
  const taskId = requiredId('taskId', command.taskId);
  if (lead.openTaskIds.includes(taskId) || lead.doneTaskIds.includes(taskId)) return [];
  const dueAt = instant('dueAt', command.dueAt);
  requireNotPast('dueAt', dueAt, command.at);
  const remindAt = reminder(command.remindAt, dueAt, command.at);
  const note = optionalText('note', command.note, 500);
  return [
    {
      type: 'FollowUpScheduled',
      data: {
        leadId: lead.leadId,
        taskId,
        dueAt,
        ...(remindAt !== undefined && { remindAt }),
        ...(note !== undefined && { note }),
        scheduledBy: command.actor,
      },
    },
  ];
}

function reminder(value: string | undefined, dueAt: string, at: string): string | undefined {
  if (value === undefined) return undefined;
  const remindAt = instant('remindAt', value);
  requireNotPast('remindAt', remindAt, at);
  if (remindAt > dueAt) throw invalidField('remindAt', 'after_due_at', { value, dueAt });
  return remindAt;
}
