// CSV records read one at a time from a byte stream, each with the file line it starts on. The
// records completed before a syntax error are still handed out; the error comes after them.
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';

export interface CsvRecord {
  cells: string[];
  /** The file line the record starts on (1 = the header). */
  line: number;
}

export class MalformedCsv extends Error {
  readonly code = 'MALFORMED_CSV';
  /** The line the unreadable record starts on. */
  readonly line: number;
  /** csv-parse's code, e.g. CSV_QUOTE_NOT_CLOSED. */
  readonly reason: string;
  constructor(reason: string, message: string, line: number) {
    super(message);
    this.name = 'MalformedCsv';
    this.reason = reason;
    this.line = line;
  }
}

export interface CsvReadOptions {
  /** A longer record is malformed (a stray quote would otherwise swallow the whole file). */
  maxRecordBytes: number;
}

/**
 * Yields records as the input arrives; stops reading it when the caller stops asking. Stopping
 * early leaves the rest of the input unread but flowing, so an HTTP answer can still be sent.
 */
export async function* csvRecords(
  input: Readable,
  options: CsvReadOptions,
): AsyncGenerator<CsvRecord, void, undefined> {
  const ready: CsvRecord[] = [];
  let endLine = 0;
  let emptyLines = 0;
  let failure: unknown;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: options.maxRecordBytes,
    // Excel writes CRLF, other tools LF; a file that mixes them is still one file.
    record_delimiter: ['\r\n', '\n', '\r'],
    // Records leave through here, not through the stream: a parse error destroys the stream
    // together with the records still buffered in it.
    on_record: (record: string[], context) => {
      const skipped = context.empty_lines - emptyLines;
      ready.push({ cells: record, line: endLine + 1 + skipped });
      endLine = context.lines;
      emptyLines = context.empty_lines;
      return null;
    },
  });
  parser.on('error', (error) => (failure ??= error));
  parser.resume();
  const malformed = (error: unknown): unknown => {
    if (!(error instanceof CsvError)) return error;
    const empty = typeof error.empty_lines === 'number' ? error.empty_lines - emptyLines : 0;
    return new MalformedCsv(error.code, error.message, endLine + 1 + Math.max(0, empty));
  };
  let finished = false;
  try {
    for await (const chunk of input.iterator({ destroyOnReturn: false })) {
      const error = await new Promise<unknown>((resolve) => {
        parser.write(chunk, resolve);
      });
      yield* ready.splice(0);
      if (error ?? failure) throw malformed(error ?? failure);
    }
    finished = true;
    const error = await new Promise<unknown>((resolve) => {
      parser.end(resolve);
    });
    yield* ready.splice(0);
    if (error ?? failure) throw malformed(error ?? failure);
  } finally {
    parser.destroy();
    // Unread input is drained, not destroyed: destroying a request would take its socket along.
    if (!finished) input.resume();
  }
}
