import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkRow } from './check-row.ts';

const schema = z.object({
  name: z.string().min(1),
  address: z.object({ city: z.string().max(3) }),
});
const options = {
  columnCount: 2,
  schema,
  columnOf: (path: string) => (path.startsWith('address.') ? path.slice(8) : path),
};

describe('checkRow', () => {
  it('hands out the parsed body of a good row', () => {
    const row = {
      body: { name: '李雷', address: { city: '北京' } },
      externalId: 'E1',
      unnamed: [],
    };
    expect(checkRow(row, ['李雷', '北京'], options)).toEqual({
      ok: true,
      data: { name: '李雷', address: { city: '北京' } },
      externalId: 'E1',
    });
  });

  it('names every error of a bad row by its column', () => {
    const row = {
      body: { name: '', address: { city: '乌鲁木齐市' } },
      externalId: undefined,
      unnamed: [],
    };
    const checked = checkRow(row, ['', '乌鲁木齐市', 'extra\uFFFD'], options);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: '', code: 'TOO_MANY_CELLS' },
      { field: '', code: 'NOT_UTF8' },
      { field: 'name', code: 'too_small' },
      { field: 'city', code: 'too_big' },
    ]);
  });

  it('refuses values in columns without a header', () => {
    const row = {
      body: { name: '李雷', address: { city: '北京' } },
      externalId: undefined,
      unnamed: [2],
    };
    const checked = checkRow(row, ['李雷', 'x'], options);
    expect(!checked.ok && checked.errors.map((error) => error.code)).toEqual(['UNNAMED_COLUMN']);
  });
});
