import { describe, expect, it } from 'vitest';
import { createLogger } from './logging.ts';
import { problem } from './problem.ts';

describe('createLogger', () => {
  it('blanks credentials wherever they sit in a log line', () => {
    const lines: string[] = [];
    const log = createLogger({ name: 'test' }, { write: (line: string) => void lines.push(line) });
    log.info({
      req: { headers: { authorization: 'Bearer eyJ.token', cookie: 'sid=abc123' } },
      password: 'hunter2-top',
      body: { user: { password: 'nested-pw-1' } },
    });
    const line = lines.join('');
    for (const secret of ['eyJ.token', 'sid=abc123', 'hunter2-top', 'nested-pw-1']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({ name: 'test', password: '[redacted]' });
  });
});

describe('problem', () => {
  it('derives type and title, and keeps extensions off the standard members', () => {
    expect(
      problem({
        status: 409,
        code: 'EMAIL_TAKEN',
        extra: { status: 200, code: 'X', field: 'email' },
      }),
    ).toEqual({
      type: 'urn:crm:problem:email-taken',
      title: 'Conflict',
      status: 409,
      code: 'EMAIL_TAKEN',
      field: 'email',
    });
  });
});
