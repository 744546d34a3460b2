// Partial updates: a change names only the fields it touches; a value sets a field, null clears it,
// a field it does not name stays as it was. Commands are diffed against the state first, so that
// an update which changes nothing records nothing.
import { isDeepStrictEqual } from 'node:util';

export type Changes<T> = { [K in keyof T]?: T[K] | null | undefined };

/** The part of `changes` that differs from `current` ({} when nothing would change). */
export function changedFields<T extends object, C extends Changes<T>>(current: T, changes: C): C {
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    const before: unknown = current[field as keyof T];
    const same = value === null ? before === undefined : isDeepStrictEqual(before, value);
    if (value !== undefined && !same) changed[field] = value;
  }
  return changed as C;
}

export function applyChanges<T extends object>(current: T, changes: Changes<T>): T {
  const next: Record<string, unknown> = Object.fromEntries(Object.entries(current));
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as T;
}

export const isEmpty = (changes: object): boolean => Object.keys(changes).length === 0;
