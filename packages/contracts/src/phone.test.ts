import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneSchema } from './phone.ts';

const accepts = (input: string, e164: string, region?: string) =>
  expect(normalizePhone(input, region)).toEqual({ ok: true, e164 });
const rejects = (input: string, reason: string, region?: string) =>
  expect(normalizePhone(input, region)).toEqual({ ok: false, reason });

describe('normalizePhone', () => {
  it.each([
    ['13812345678'],
    ['138 1234 5678'],
    ['138-1234-5678'],
    ['+86 138 1234 5678'],
    ['+86-13812345678'],
    ['0086 13812345678'],
    ['86 13812345678'],
    ['8613812345678'],
    ['(+86) 138.1234.5678'],
    ['１３８１２３４５６７８'],
    ['＋８６ １３８ １２３４ ５６７８'],
    ['013812345678'],
  ])('reads the mainland mobile %s', (input) => accepts(input, '+8613812345678'));

  it.each([
    ['010-12345678', '+861012345678'],
    ['(010) 1234 5678', '+861012345678'],
    ['020-87654321', '+862087654321'],
    ['0755-1234567', '+867551234567'],
    ['0755-12345678', '+8675512345678'],
    ['+86 (0)10 1234 5678', '+861012345678'],
    ['+86 755 1234 5678', '+8675512345678'],
    ['400-123-4567', '+864001234567'],
    ['800 123 4567', '+868001234567'],
  ])('reads the mainland landline or service number %s', (input, e164) => accepts(input, e164));

  it.each([
    ['+1 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+852 2123 4567', '+85221234567'],
    ['+65 6123 4567', '+6561234567'],
  ])('reads the international number %s', (input, e164) => accepts(input, e164));

  it('reads international numbers whatever the default region', () => {
    accepts('+1 415 555 2671', '+14155552671', 'US');
  });

  it.each([
    ['', 'empty'],
    ['  - ', 'empty'],
    ['138-1234-567x', 'invalid_characters'],
    ['13812345678 转 123', 'invalid_characters'],
    ['+86 138 1234 5678 +1', 'invalid_characters'],
    ['+1 234', 'invalid_length'],
    ['+1 2345 6789 0123 4567', 'invalid_length'],
    ['+0 123 4567 890', 'invalid_length'],
    ['1381234567', 'invalid_cn_number'],
    ['138123456789', 'invalid_cn_number'],
    ['12812345678', 'invalid_cn_number'],
    ['+86 128 1234 5678', 'invalid_cn_number'],
    ['010-123', 'invalid_cn_number'],
    ['12345', 'invalid_cn_number'],
  ])('refuses %j (%s)', (input, reason) => rejects(input, reason));

  it('needs a country code for national numbers outside mainland China', () => {
    rejects('415 555 2671', 'missing_country_code', 'US');
  });

  it('produces what the contract accepts', () => {
    const result = normalizePhone('0755-1234567');
    expect(result.ok && phoneSchema.safeParse(result.e164).success).toBe(true);
    expect(phoneSchema.safeParse('13812345678').success).toBe(false);
  });
});
