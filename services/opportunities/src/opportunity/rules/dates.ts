// Calendar dates (YYYY-MM-DD) and the business day they fall on. Days are counted in China
// Standard Time (UTC+8 all year, no daylight saving): the default zone of the platform.
import { invalidField } from '../errors.ts';

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 86_400_000;
const shanghaiOffsetMs = 8 * 3_600_000;

/** A real date in YYYY-MM-DD: 2026-02-30 is refused. */
export function normaliseDate(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidField(field, 'required');
  const date = value.trim();
  const time = calendarDate.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  // Date.parse rolls 02-30 over to 03-02; reading it back tells the two apart.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw invalidField(field, 'malformed', { value });
  }
  return date;
}

/** The day an instant falls on in Asia/Shanghai: 2026-03-01T17:00Z is 2026-03-02. */
export const shanghaiDate = (at: string): string =>
  new Date(Date.parse(at) + shanghaiOffsetMs).toISOString().slice(0, 10);

/** The first instant after the day ends in Asia/Shanghai, in epoch milliseconds. */
export const endOfShanghaiDay = (date: string): number =>
  Date.parse(`${date}T00:00:00Z`) - shanghaiOffsetMs + dayMs;

/** A date not before the day of `at` (in Asia/Shanghai). */
export function requireNotPast(field: string, date: string, at: string): void {
  const today = shanghaiDate(at);
  if (date < today) throw invalidField(field, 'in_past', { value: date, today });
}
