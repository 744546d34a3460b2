// The lead decider: which events a command causes in a given state, or why it is refused.
// Each command lives in its own file under commands/; this switch is the one place that lists them.
import type { Decider } from '@crm/decider';
import { assignLead, type AssignLead } from './commands/assign-lead.ts';
import { captureLead, type CaptureLead } from './commands/capture-lead.ts';
import { claimLead, type ClaimLead } from './commands/claim-lead.ts';
import { completeFollowUp, type CompleteFollowUp } from './commands/complete-follow-up.ts';
import { convertLead, type ConvertLead } from './commands/convert-lead.ts';
import { disqualifyLead, type DisqualifyLead } from './commands/disqualify-lead.ts';
import {
  linkLeadToExistingCustomer,
  type LinkLeadToExistingCustomer,
} from './commands/link-lead-to-existing-customer.ts';
import { logLeadActivity, type LogLeadActivity } from './commands/log-lead-activity.ts';
import { moveLeadToPool, type MoveLeadToPool } from './commands/move-lead-to-pool.ts';
import { qualifyLead, type QualifyLead } from './commands/qualify-lead.ts';
import { reassignLead, type ReassignLead } from './commands/reassign-lead.ts';
import {
  recordCustomerRegistrationOutcome,
  type RecordCustomerRegistrationOutcome,
} from './commands/record-customer-registration-outcome.ts';
import { releaseLead, type ReleaseLead } from './commands/release-lead.ts';
import { returnLeadToPool, type ReturnLeadToPool } from './commands/return-lead-to-pool.ts';
import { scheduleFollowUp, type ScheduleFollowUp } from './commands/schedule-follow-up.ts';
import {
  updateFollowUpStatus,
  type UpdateFollowUpStatus,
} from './commands/update-follow-up-status.ts';
import type { LeadEvent } from './events.ts';
import { evolve, initialState, type LeadState } from './lead.ts';

export type LeadCommand =
  | CaptureLead
  | AssignLead
  | ReassignLead
  | ClaimLead
  | ReleaseLead
  | ReturnLeadToPool
  | MoveLeadToPool
  | UpdateFollowUpStatus
  | ScheduleFollowUp
  | CompleteFollowUp
  | LogLeadActivity
  | QualifyLead
  | DisqualifyLead
  | ConvertLead
  | RecordCustomerRegistrationOutcome
  | LinkLeadToExistingCustomer;

/** The events the command causes ([] = nothing to do), or a thrown DomainError (errors.ts). */
export function decide(command: LeadCommand, state: LeadState): LeadEvent[] {
  switch (command.type) {
    case 'CaptureLead':
      return captureLead(command, state);
    case 'AssignLead':
      return assignLead(command, state);
    case 'ReassignLead':
      return reassignLead(command, state);
    case 'ClaimLead':
      return claimLead(command, state);
    case 'ReleaseLead':
      return releaseLead(command, state);
    case 'ReturnLeadToPool':
      return returnLeadToPool(command, state);
    case 'MoveLeadToPool':
      return moveLeadToPool(command, state);
    case 'UpdateFollowUpStatus':
      return updateFollowUpStatus(command, state);
    case 'ScheduleFollowUp':
      return scheduleFollowUp(command, state);
    case 'CompleteFollowUp':
      return completeFollowUp(command, state);
    case 'LogLeadActivity':
      return logLeadActivity(command, state);
    case 'QualifyLead':
      return qualifyLead(command, state);
    case 'DisqualifyLead':
      return disqualifyLead(command, state);
    case 'ConvertLead':
      return convertLead(command, state);
    case 'RecordCustomerRegistrationOutcome':
      return recordCustomerRegistrationOutcome(command, state);
    case 'LinkLeadToExistingCustomer':
      return linkLeadToExistingCustomer(command, state);
    default:
      return unknownCommand(command);
  }
}

// Types rule this out; a command built from untyped input at runtime still gets a clear answer.
function unknownCommand(command: never): never {
  throw new TypeError(`unknown lead command: ${String((command as { type: unknown }).type)}`);
}

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  initialState,
  decide,
  evolve,
};
