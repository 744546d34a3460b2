// Times arrive as ISO-8601 text with an explicit offset and are stored in UTC, so they sort and
// compare as text. Clocks of browsers and servers drift, hence a small tolerance around `at`.
import { invalidField } from '../errors.ts';

/** How far a time may stray from the command's clock before it counts as future or past. */
export const clockTolerance = 5 * 60_000;

// Without an offset, the time would depend on the server's zone.
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function instant(field: string, value: string): string {
  const time = isoDateTime.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw invalidField(field, 'malformed', { value });
  return new Date(time).toISOString();
}

/** Refuses a time later than the command's clock allows (things that already happened). */
export function requireNotFuture(field: string, time: string, at: string): void {
  if (Date.parse(time) > Date.parse(at) + clockTolerance) {
    throw invalidField(field, 'in_future', { value: time, at });
  }
}

/** Refuses a time earlier than the command's clock allows (things still to do). */
export function requireNotPast(field: string, time: string, at: string): void {
  if (Date.parse(time) < Date.parse(at) - clockTolerance) {
    throw invalidField(field, 'in_past', { value: time, at });
  }
}
