// A decided batch as the one JSON document the write statement reads with jsonb_to_recordset,
// escaped as a literal (the write goes in a multi-statement message, which takes no parameters).
import { escapeLiteral } from 'pg';
import type { DecidedBatch } from './append-batch.ts';

export function batchDocument({ rows, moved, unwritten }: DecidedBatch): string {
  // data and metadata are JSON already: spliced in as they are, not stringified twice.
  const events = rows.map(
    (row, index) =>
      `{"id":${JSON.stringify(row.id)},"stream_id":${JSON.stringify(row.streamId)},` +
      `"revision":${row.revision},"category":${JSON.stringify(row.category)},` +
      `"type":${JSON.stringify(row.type)},"data":${row.data},"metadata":${row.metadata},` +
      `"ord":${index + 1}}`,
  );
  const streams = [...moved].map(([streamId, { revision, position }]) => ({
    stream_id: streamId,
    revision,
    ord: 'ordinal' in position ? position.ordinal : 0,
  }));
  const document =
    `{"events":[${events.join(',')}],"moved":${JSON.stringify(streams)},` +
    `"unwritten":${JSON.stringify(unwritten)},"count":${rows.length}}`;
  return escapeLiteral(document);
}
