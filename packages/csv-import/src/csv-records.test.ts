import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { csvRecords, MalformedCsv, type CsvRecord } from './csv-records.ts';

const options = { maxRecordBytes: 1024 };

const readAll = async (chunks: (string | Buffer)[]) => {
  const records: CsvRecord[] = [];
  try {
    for await (const record of csvRecords(Readable.from(chunks), options)) records.push(record);
    return { records };
  } catch (error) {
    return { records, error };
  }
};

describe('csvRecords', () => {
  it('gives each record the line it starts on, across CRLF, LF, blank lines and quoted breaks', async () => {
    const { records, error } = await readAll(['a,b\r\n1,2\n\n"x\ny",3\r\n4,5']);
    expect(error).toBeUndefined();
    expect(records).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', '2'], line: 2 },
      { cells: ['x\ny', '3'], line: 4 },
      { cells: ['4', '5'], line: 6 },
    ]);
  });

  it('reads a BOM and Chinese characters split across chunks', async () => {
    const bytes = Buffer.from('\uFEFF名称,手机\n王小明,13800138000\n');
    const chunks = [
      bytes.subarray(0, 2),
      bytes.subarray(2, 5),
      bytes.subarray(5, 17),
      bytes.subarray(17),
    ];
    const { records } = await readAll(chunks);
    expect(records.map((record) => record.cells)).toEqual([
      ['名称', '手机'],
      ['王小明', '13800138000'],
    ]);
  });

  it('hands out the records before a syntax error, then says where the bad one starts', async () => {
    const { records, error } = await readAll(['a,b\n1,2\n\n"open,3\n4,5\n']);
    expect(records.map((record) => record.line)).toEqual([1, 2]);
    expect(error).toBeInstanceOf(MalformedCsv);
    expect(error).toMatchObject({ reason: 'CSV_QUOTE_NOT_CLOSED', line: 4 });
  });

  it('refuses a record longer than the limit instead of buffering the file', async () => {
    const { error } = await readAll([`a\n"${'x'.repeat(2000)}"\n`]);
    expect(error).toMatchObject({ reason: 'CSV_MAX_RECORD_SIZE', line: 2 });
  });

  it('leaves the input flowing, not destroyed, when the reader stops early', async () => {
    const input = new PassThrough();
    input.write('a\n1\n2\n');
    for await (const record of csvRecords(input, options)) {
      if (record.line === 1) break;
    }
    expect(input.destroyed).toBe(false);
    input.end('3\n');
    // The rest is read and dropped, so the input ends (an HTTP answer can follow the request).
    await finished(input);
  });
});
