// Every way the quote aggregate refuses a command. Codes are stable: clients, translations and tests
// rely on them. The kind says how a refusal is understood outside the domain (HTTP status).
import { DomainError, type DomainErrorKind } from '@crm/decider';

export { invalidField, type InvalidFieldReason } from '../opportunity/errors.ts';

export const quoteErrors = {
  /** No quote with this id was ever drafted. */
  QUOTE_NOT_FOUND: 'not_found',
  /** The id is taken (whatever became of that quote since). */
  QUOTE_ALREADY_EXISTS: 'conflict',
  /** Only a draft can be changed or issued: details.status. */
  QUOTE_NOT_DRAFT: 'conflict',
  /** Only an issued quote can be accepted or rejected: details.status. */
  QUOTE_NOT_ISSUED: 'conflict',
  /** A quote with no lines cannot be issued. */
  QUOTE_LINES_REQUIRED: 'invalid',
  /** Past its validity: details.validUntil; draft a new version. */
  QUOTE_EXPIRED: 'conflict',
  /** An accepted quote stands: no newer version replaces it. */
  QUOTE_ALREADY_ACCEPTED: 'conflict',
  /** Replaced by another version already: details.supersededBy. */
  QUOTE_ALREADY_SUPERSEDED: 'conflict',
  /** A quote is superseded only by a later version: details.version, details.supersededByVersion. */
  VERSION_NOT_NEWER: 'invalid',
  /** One field is wrong: details.field, details.reason (see InvalidFieldReason). */
  INVALID_FIELD: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type QuoteErrorCode = keyof typeof quoteErrors;

export const quoteError = (
  code: QuoteErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError => new DomainError(code, quoteErrors[code], message, details);
