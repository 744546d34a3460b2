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

/** A list of short labels, trimmed, each 1..max characters, duplicates collapsed, order kept. */
export function labels(field: string, values: readonly string[], max: number): string[] {
  return [...new Set(values.map((value) => label(field, value, max)))];
}

function label(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text === '') throw invalidField(field, 'required', { value });
  if (text.length > max) throw invalidField(field, 'too_long', { value, max });
  return text;
}
