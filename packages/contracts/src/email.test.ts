import { describe, expect, it } from 'vitest';
import { emailSchema, normalizeEmail } from './email.ts';

describe('normalizeEmail', () => {
  it.each([
    [' Li.Lei@Example.COM ', 'li.lei@example.com'],
    ['sales+crm@corp.example.com.cn', 'sales+crm@corp.example.com.cn'],
    ['ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ', 'wang@example.cn'],
    ['info@例子.中国', 'info@xn--fsqu00a.xn--fiqs8s'],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ])('normalises %j', (input, email) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, email });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['no-at-sign', 'invalid_format'],
    ['@example.com', 'invalid_format'],
    ['li@', 'invalid_format'],
    ['li@localhost', 'invalid_format'],
    ['li@192.168.0.1', 'invalid_format'],
    ['li@exa mple.com', 'invalid_format'],
    ['li@example.com/path', 'invalid_format'],
    ['.li@example.com', 'invalid_format'],
    ['li..lei@example.com', 'invalid_format'],
    ['li lei@example.com', 'invalid_format'],
    ['li@-example.com', 'invalid_format'],
    [`${'a'.repeat(65)}@example.com`, 'too_long'],
    [`li@${`${'a'.repeat(60)}.`.repeat(5)}cn`, 'too_long'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(normalizeEmail(input)).toEqual({ ok: false, reason });
  });

  it('produces what the contract accepts, and the contract wants it lower-cased', () => {
    const result = normalizeEmail('Wang.Fang@Example.cn');
    expect(result.ok && emailSchema.safeParse(result.email).success).toBe(true);
    expect(emailSchema.safeParse('Wang.Fang@Example.cn').success).toBe(false);
  });
});
