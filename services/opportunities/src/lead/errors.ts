// Every way the Lead aggregate refuses a command. Codes are stable: clients, translations and tests
// rely on them. The kind says how a refusal is understood outside the domain (HTTP status).
import { DomainError, type DomainErrorKind } from '@crm/decider';

export const leadErrors = {
  /** No lead with this id was ever captured. */
  LEAD_NOT_FOUND: 'not_found',
  /** The id is taken (whatever became of that lead since). */
  LEAD_ALREADY_CAPTURED: 'conflict',
  /** The lead was converted: details.opportunityId, details.customerId. */
  LEAD_CONVERTED: 'conflict',
  /** The lead was disqualified: details.reason. */
  LEAD_DISQUALIFIED: 'conflict',
  /** The actor's role may not issue this command: details.role, details.allowed. */
  ROLE_NOT_ALLOWED: 'forbidden',
  /** A sales rep acting on a lead someone else owns, or that waits in a pool: details.ownerId. */
  NOT_LEAD_OWNER: 'forbidden',
  /** Someone else claimed the lead first: details.ownerId. */
  LEAD_ALREADY_CLAIMED: 'conflict',
  /** Assigning a lead that has an owner (reassign it instead): details.ownerId. */
  LEAD_ALREADY_ASSIGNED: 'conflict',
  /** The command needs an owned lead, and this one waits in a pool: details.poolId. */
  LEAD_IN_POOL: 'conflict',
  /** The rep holds as many open claims as the pool allows: details.limit, details.openClaims. */
  CLAIM_LIMIT_REACHED: 'conflict',
  /** Taking a lead back before its follow-up deadline: details.deadline, details.lastFollowUpAt. */
  FOLLOW_UP_NOT_OVERDUE: 'conflict',
  /** The follow-up status cannot move this way: details.from, details.to. */
  ILLEGAL_FOLLOW_UP_TRANSITION: 'conflict',
  /** No follow-up task with this id on the lead: details.taskId. */
  FOLLOW_UP_NOT_FOUND: 'not_found',
  /** Only a qualified lead can be converted. */
  LEAD_NOT_QUALIFIED: 'conflict',
  /** The lead is not converted, so there is no registration to learn the outcome of. */
  LEAD_NOT_CONVERTED: 'conflict',
  /** An outcome about another customer than the one requested: details.expected, details.actual. */
  UNEXPECTED_CUSTOMER: 'conflict',
  /** Linking is for a conversion whose registration was refused: details.progress. */
  CONVERSION_NOT_BLOCKED: 'conflict',
  /** One field is wrong: details.field, details.reason (see InvalidFieldReason). */
  INVALID_FIELD: 'invalid',
  /** A lead needs at least one phone number or e-mail address. */
  CONTACT_REQUIRED: 'invalid',
  /** details.value, details.index, details.reason (see PhoneRejection in the contracts). */
  INVALID_PHONE: 'invalid',
  /** details.value, details.index, details.reason (see EmailRejection in the contracts). */
  INVALID_EMAIL: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type LeadErrorCode = keyof typeof leadErrors;

/** Why a single field was refused (details.reason of INVALID_FIELD). */
export type InvalidFieldReason =
  | 'required' // empty after trimming, or missing where the rest of the command needs it
  | 'too_long' // details.max
  | 'too_many' // details.limit
  | 'malformed' // not in the expected format
  | 'out_of_range' // a number outside details.min..details.max
  | 'in_future' // a time later than the command allows
  | 'in_past' // a time earlier than the command allows
  | 'after_due_at'; // a reminder planned after the follow-up is due

export const leadError = (
  code: LeadErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError => new DomainError(code, leadErrors[code], message, details);

export const invalidField = (
  field: string,
  reason: InvalidFieldReason,
  details: Record<string, unknown> = {},
): DomainError =>
  leadError('INVALID_FIELD', `${field}: ${reason.replaceAll('_', ' ')}`, {
    ...details,
    field,
    reason,
  });
