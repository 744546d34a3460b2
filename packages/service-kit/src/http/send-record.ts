// GET one record: as it was at a time (`?asOf=`, folded from the log: the log is the history),
// once a write is readable (`?waitForRevision=`, else 503), or now; its revision as the ETag.
import type { FastifyReply } from 'fastify';
import { behind, sendWithEtag } from './read-queries.ts';

export interface RecordRead<View extends { revision: number }> {
  /** The record in a message, e.g. `order o-1`. */
  what: string;
  notFound: () => Error;
  /** The record as it was at this time (null: it did not exist yet). */
  asOf: (asOf: string) => Promise<View | null>;
  /** Resolves true once the read model holds this revision, false when it gave up waiting. */
  readable: (revision: number) => Promise<boolean>;
  /** The record as the read model holds it (null: none, or none the caller may see). */
  current: () => Promise<View | null>;
  /** The body for a view (names looked up, say); the view itself by default. */
  present?: (view: View) => Promise<object>;
}

export async function sendRecord<View extends { revision: number }>(
  reply: FastifyReply,
  query: { asOf?: string | undefined; waitForRevision?: number | undefined },
  read: RecordRead<View>,
): Promise<FastifyReply> {
  const present = read.present ?? ((view: View) => Promise.resolve(view));
  const { asOf, waitForRevision } = query;
  if (asOf !== undefined) {
    const view = await read.asOf(asOf);
    if (!view) throw read.notFound();
    return sendWithEtag(reply, view, { ...(await present(view)), asOf });
  }
  if (waitForRevision !== undefined && !(await read.readable(waitForRevision))) {
    throw behind(`Revision ${waitForRevision} of ${read.what}`);
  }
  const view = await read.current();
  if (!view) throw read.notFound();
  return sendWithEtag(reply, view, await present(view));
}
