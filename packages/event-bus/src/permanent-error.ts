// Errors that no retry can fix: the message goes straight to the dead-letter topic.
import { UnreadableMessage } from '@crm/contracts';

/** Throw from a handler when the message can never be handled (bad data, unknown reference...). */
export class PermanentError extends Error {
  readonly permanent = true;
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentError';
    this.code = code;
  }
}

const zodErrorNames = new Set(['ZodError', '$ZodError']);

/** Unreadable messages, schema (zod) failures and anything marked `permanent: true`. */
export function isPermanentError(error: unknown): boolean {
  if (error instanceof UnreadableMessage) return true;
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as {
    permanent?: unknown;
    code?: unknown;
    name?: unknown;
    issues?: unknown;
  };
  return (
    candidate.permanent === true ||
    candidate.code === 'UNREADABLE_MESSAGE' ||
    (typeof candidate.name === 'string' &&
      zodErrorNames.has(candidate.name) &&
      Array.isArray(candidate.issues))
  );
}
