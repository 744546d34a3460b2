// Free text arrives as people typed it: trimmed here, and refused when empty or too long.
import { invalidField } from '../errors.ts';

export function requiredText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text === '') throw invalidField(field, 'required');
  if (text.length > max) throw invalidField(field, 'too_long', { max });
  return text;
}

/** Optional text: empty after trimming counts as absent. */
export function optionalText(field: string, value: string | undefined, max: number) {
  const text = value?.trim() ?? '';
  return text === '' ? undefined : requiredText(field, text, max);
}

/** Ids of users, pools, tasks and other aggregates: 1-100 characters. */
export const requiredId = (field: string, value: string): string => requiredText(field, value, 100);
