// Tags are free labels, compared exactly after trimming. The limit guards what people add; a
// merge may exceed it, because a merge must not lose data.
import { customerError } from '../errors.ts';
import { labels } from './text.ts';

export const maxTagsPerCustomer = 50;
export const maxTagLength = 32;

export const normaliseTags = (tags: readonly string[]): string[] =>
  labels('tags', tags, maxTagLength);

export function requireRoomForTags(current: readonly string[], adding: readonly string[]): void {
  if (current.length + adding.length <= maxTagsPerCustomer) return;
  throw customerError('TOO_MANY_TAGS', `a customer has at most ${maxTagsPerCustomer} tags`, {
    limit: maxTagsPerCustomer,
    current: current.length,
    adding: adding.length,
  });
}
