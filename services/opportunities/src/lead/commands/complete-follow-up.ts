import type { LeadEvent } from '../events.ts';
import { leadError } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { requireOwnerOrManager } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import { optionalText, requiredId } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

/** Marks a follow-up task done; it counts as a follow-up for the recycling clock. */
export interface CompleteFollowUp extends LeadCommandBase {
  type: 'CompleteFollowUp';
  taskId: string;
  outcome?: string;
}

export function completeFollowUp(command: CompleteFollowUp, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireOwnerOrManager(lead.ownerId, command);
  const taskId = requiredId('taskId', command.taskId);
  if (lead.doneTaskIds.includes(taskId)) return [];
  if (!lead.openTaskIds.includes(taskId)) {
    throw leadError('FOLLOW_UP_NOT_FOUND', `lead ${lead.leadId} has no follow-up ${taskId}`, {
      taskId,
    });
  }
  const outcome = optionalText('outcome', command.outcome, 500);
  return [
    {
      type: 'FollowUpCompleted',
      data: {
        leadId: lead.leadId,
        taskId,
        ...(outcome !== undefined && { outcome }),
        completedBy: command.actor,
        completedAt: command.at,
      },
    },
  ];
}
