import type { LeadActivityKind } from '@crm/contracts';
import type { LeadEvent } from '../events.ts';
import type { LeadState } from '../lead.ts';
import { requireOwnerOrManager } from '../rules/access.ts';
import { requireActive } from '../rules/status.ts';
import { requiredId, requiredText } from '../rules/text.ts';
import { instant, requireNotFuture } from '../rules/time.ts';
import type { LeadCommandBase } from './command.ts';

/** A follow-up that happened (跟进记录); it restarts the recycling clock. */
export interface LogLeadActivity extends LeadCommandBase {
  type: 'LogLeadActivity';
  /** Chosen by the client: logging the same id again changes nothing. */
  activityId: string;
  kind: LeadActivityKind;
  /** ISO-8601 with an offset; not later than `at` (give or take the clock tolerance). */
  occurredAt: string;
  summary: string;
}

export function logLeadActivity(command: LogLeadActivity, state: LeadState): LeadEvent[] {
  const lead = requireActive(state, command.leadId);
  requireOwnerOrManager(lead.ownerId, command);
  const activityId = requiredId('activityId', command.activityId);
  if (lead.activityIds.includes(activityId)) return [];
  const occurredAt = instant('occurredAt', command.occurredAt);
  requireNotFuture('occurredAt', occurredAt, command.at);
  const summary = requiredText('summary', command.summary, 2000);
  return [
    {
      type: 'LeadActivityLogged',
      data: {
        leadId: lead.leadId,
        activityId,
        kind: command.kind,
        occurredAt,
        summary,
        loggedBy: command.actor,
      },
    },
  ];
}
