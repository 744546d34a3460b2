// Every way the opportunity aggregate refuses a command. Codes are stable: clients, translations and
// tests rely on them. The kind says how a refusal is understood outside the domain (HTTP status).
import { DomainError, type DomainErrorKind } from '@crm/decider';

export const opportunityErrors = {
  /** No opportunity with this id was ever opened. */
  OPPORTUNITY_NOT_FOUND: 'not_found',
  /** The id is taken (whatever became of that opportunity since). */
  OPPORTUNITY_ALREADY_OPENED: 'conflict',
  /** Won or lost: only a manager's reopen changes it now. details.status. */
  OPPORTUNITY_CLOSED: 'conflict',
  /** The stage is not one of the opportunity's pipeline: details.stage, details.stages. */
  UNKNOWN_STAGE: 'invalid',
  /** won/lost are reached only by WinOpportunity/LoseOpportunity: details.stage. */
  CLOSING_STAGE_NOT_ALLOWED: 'invalid',
  /** A win needs the actual amount, greater than 0. */
  AMOUNT_REQUIRED: 'invalid',
  /** With line items the amount is their sum: change the line items instead. */
  AMOUNT_SET_BY_LINE_ITEMS: 'conflict',
  /** Only a sales manager (or admin) may reopen a closed opportunity. */
  REOPEN_REQUIRES_MANAGER: 'forbidden',
  /** Only the system, completing a lead's conversion, moves a deal to another customer. */
  CUSTOMER_CHANGE_NOT_ALLOWED: 'forbidden',
  /** One field is wrong: details.field, details.reason (see InvalidFieldReason). */
  INVALID_FIELD: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type OpportunityErrorCode = keyof typeof opportunityErrors;

/** Why a single field was refused (details.reason of INVALID_FIELD), in every sales aggregate. */
export type InvalidFieldReason =
  | 'required' // empty after trimming, or absent
  | 'too_long' // details.max
  | 'too_many' // details.limit
  | 'malformed' // not in the expected format
  | 'too_precise' // more decimals than allowed: details.maxDecimals
  | 'out_of_range' // a number outside details.min..details.max
  | 'duplicate' // a value that must be unique appears twice: details.value
  | 'reserved' // a name the system keeps for itself (won, lost): details.value
  | 'mismatch' // disagrees with what it must equal: details.expected
  | 'in_past'; // a date before the day of the command: details.today

export const opportunityError = (
  code: OpportunityErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError => new DomainError(code, opportunityErrors[code], message, details);

/** INVALID_FIELD: the same code and kind in the opportunity, quote and order aggregates. */
export const invalidField = (
  field: string,
  reason: InvalidFieldReason,
  details: Record<string, unknown> = {},
): DomainError =>
  new DomainError('INVALID_FIELD', 'invalid', `${field}: ${reason.replaceAll('_', ' ')}`, {
    field,
    reason,
    ...details,
  });
