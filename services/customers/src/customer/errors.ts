// Every way the customer aggregate refuses a command. Codes are stable: clients, translations and
// tests rely on them. The kind says how a refusal is understood outside the domain (HTTP status).
import { DomainError, type DomainErrorKind } from '@crm/decider';

export const customerErrors = {
  /** No customer with this id was ever registered. */
  CUSTOMER_NOT_FOUND: 'not_found',
  /** The id is taken (whatever became of that customer since). */
  CUSTOMER_ALREADY_REGISTERED: 'conflict',
  /**
   * The id is spent on a refused lead registration: details.leadId, details.reason and, for a
   * duplicate contact, details.existingCustomerId (the customer to use instead).
   */
  REGISTRATION_REJECTED: 'conflict',
  /** Archived customers accept only restore and erasure. */
  CUSTOMER_ARCHIVED: 'conflict',
  /** The customer was merged into another: details.mergedInto says which one to use. */
  CUSTOMER_MERGED: 'conflict',
  /** Personal data was erased; the record accepts nothing more. */
  CUSTOMER_ERASED: 'conflict',
  /** One field is wrong: details.field, details.reason (see InvalidFieldReason). */
  INVALID_FIELD: 'invalid',
  /** A person-only field on a company or the reverse: details.field, details.kind. */
  FIELD_NOT_APPLICABLE: 'invalid',
  /** A customer needs at least one phone number or e-mail address. */
  CONTACT_REQUIRED: 'invalid',
  /** details.value, details.index, details.reason (see PhoneRejection in the contracts). */
  INVALID_PHONE: 'invalid',
  /** details.value, details.index, details.reason (see EmailRejection in the contracts). */
  INVALID_EMAIL: 'invalid',
  /** More than maxTagsPerCustomer tags: details.limit, details.current, details.adding. */
  TOO_MANY_TAGS: 'conflict',
  /** The lifecycle stage cannot move this way: details.from, details.to. */
  ILLEGAL_LIFECYCLE_TRANSITION: 'conflict',
  /** A merge names the same customer as duplicate and survivor. */
  CANNOT_MERGE_INTO_SELF: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type CustomerErrorCode = keyof typeof customerErrors;

/** Why a single field was refused (details.reason of INVALID_FIELD). */
export type InvalidFieldReason =
  | 'required' // empty after trimming
  | 'too_long' // details.max
  | 'too_many' // details.limit
  | 'malformed' // not in the expected format
  | 'checksum' // well-formed, but its check character is wrong (credit code)
  | 'out_of_range' // a number outside details.min..details.max
  | 'in_future' // a date or time later than the command allows
  | 'before_occurred_at'; // a follow-up planned before the interaction happened

export const customerError = (
  code: CustomerErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError => new DomainError(code, customerErrors[code], message, details);

export const invalidField = (
  field: string,
  reason: InvalidFieldReason,
  details: Record<string, unknown> = {},
): DomainError =>
  customerError('INVALID_FIELD', `${field}: ${reason.replaceAll('_', ' ')}`, {
    field,
    reason,
    ...details,
  });
