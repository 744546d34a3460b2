// Every way the order aggregate refuses a command. Codes are stable: clients, translations and tests
// rely on them. The kind says how a refusal is understood outside the domain (HTTP status).
import { DomainError, type DomainErrorKind } from '@crm/decider';

export { invalidField, type InvalidFieldReason } from '../opportunity/errors.ts';

export const orderErrors = {
  /** No order with this id was ever placed. */
  ORDER_NOT_FOUND: 'not_found',
  /** The quote has its order already (one per quote): details.orderId, orderNumber, quoteId. */
  ORDER_ALREADY_PLACED: 'conflict',
  /** Orders are placed only from an accepted quote: details.quoteId, details.status. */
  QUOTE_NOT_ACCEPTED: 'conflict',
  /** Fulfilled orders cannot be cancelled. */
  ORDER_FULFILLED: 'conflict',
  /** Cancelled orders cannot be fulfilled. */
  ORDER_CANCELLED: 'conflict',
  /** The quote's customer is not in the local customer lookup yet and no buyer name was given. */
  CUSTOMER_NOT_KNOWN: 'invalid',
  /** One field is wrong: details.field, details.reason (see InvalidFieldReason). */
  INVALID_FIELD: 'invalid',
} as const satisfies Record<string, DomainErrorKind>;

export type OrderErrorCode = keyof typeof orderErrors;

export const orderError = (
  code: OrderErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError => new DomainError(code, orderErrors[code], message, details);
