import type { InteractionChannel, InteractionKind } from '@crm/contracts';
import type { CustomerEvent, CustomerState, Interaction } from '../customer.ts';
import { invalidField } from '../errors.ts';
import { requireActive } from '../rules/status.ts';
import { optionalText, requiredText } from '../rules/text.ts';
import type { CustomerCommandBase } from './command.ts';

/** How far ahead of the command's clock an interaction may be dated (clocks drift). */
export const interactionClockTolerance = 5 * 60_000;

export interface LogInteraction extends CustomerCommandBase {
  type: 'LogInteraction';
  /** Chosen by the client: logging the same id again changes nothing. */
  interactionId: string;
  kind: InteractionKind;
  channel: InteractionChannel;
  /** ISO-8601; not later than `at` (give or take the tolerance). */
  occurredAt: string;
  summary: string;
  outcome?: string;
  nextStep?: string;
  /** ISO-8601; not before occurredAt. */
  nextFollowUpAt?: string;
  durationMinutes?: number;
}

export function logInteraction(command: LogInteraction, state: CustomerState): CustomerEvent[] {
  const customer = requireActive(state, command.customerId);
  const interactionId = requiredText('interactionId', command.interactionId, 100);
  if (customer.interactionIds.includes(interactionId)) return [];
  const occurredAt = instant('occurredAt', command.occurredAt);
  if (Date.parse(occurredAt) > Date.parse(command.at) + interactionClockTolerance) {
    throw invalidField('occurredAt', 'in_future', { value: command.occurredAt, at: command.at });
  }
  const summary = requiredText('summary', command.summary, 2000);
  const outcome = optionalText('outcome', command.outcome, 500);
  const nextStep = optionalText('nextStep', command.nextStep, 500);
  const nextFollowUpAt = followUp(command.nextFollowUpAt, occurredAt);
  const durationMinutes = duration(command.durationMinutes);
  const interaction: Interaction = {
    interactionId,
    kind: command.kind,
    channel: command.channel,
    occurredAt,
    summary,
    ...(outcome !== undefined && { outcome }),
    ...(nextStep !== undefined && { nextStep }),
    ...(nextFollowUpAt !== undefined && { nextFollowUpAt }),
    ...(durationMinutes !== undefined && { durationMinutes }),
    loggedBy: command.actor,
  };
  return [{ type: 'InteractionLogged', data: { customerId: customer.customerId, ...interaction } }];
}

// ISO-8601 with an explicit offset: without one, the time would depend on the server's zone.
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

// Stored in UTC, so that times sort and compare as text.
function instant(field: string, value: string): string {
  const time = isoDateTime.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw invalidField(field, 'malformed', { value });
  return new Date(time).toISOString();
}

function followUp(value: string | undefined, occurredAt: string): string | undefined {
  if (value === undefined) return undefined;
  const nextFollowUpAt = instant('nextFollowUpAt', value);
  if (nextFollowUpAt < occurredAt) {
    throw invalidField('nextFollowUpAt', 'before_occurred_at', { value, occurredAt });
  }
  return nextFollowUpAt;
}

function duration(minutes: number | undefined): number | undefined {
  if (minutes === undefined) return undefined;
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    throw invalidField('durationMinutes', 'out_of_range', { value: minutes, min: 0, max: 1440 });
  }
  return minutes;
}
