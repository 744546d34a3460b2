// Free text arrives as people typed it: trimmed here, and refused when empty or too long.
import { invalidField } from '../errors.ts';

export function requiredText(field: string, value: unknown, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw invalidField(field, 'required');
  if (text.length > max) throw invalidField(field, 'too_long', { max });
  return text;
}

/** Optional text: empty after trimming counts as absent. */
export function optionalText(field: string, value: string | undefined, max: number) {
  const text = value?.trim() ?? '';
  return text === '' ? undefined : requiredText(field, text, max);
}
