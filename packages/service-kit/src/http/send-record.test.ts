import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isHttpProblem } from '../problem.ts';
import { sendRecord, type RecordRead } from './send-record.ts';

interface View {
  id: string;
  revision: number;
}

/** Enough of a reply to see the ETag and the body. */
const replyStub = () => {
  const sent: { etag?: string; body?: unknown } = {};
  const reply = {
    header: (name: string, value: string) => {
      if (name === 'etag') sent.etag = value;
      return reply;
    },
    send: (body: unknown) => {
      sent.body = body;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, sent };
};

const read = (overrides: Partial<RecordRead<View>> = {}): RecordRead<View> => ({
  what: 'order o-1',
  notFound: () => new Error('not found'),
  asOf: () => Promise.resolve({ id: 'o-1', revision: 1 }),
  readable: () => Promise.resolve(true),
  current: () => Promise.resolve({ id: 'o-1', revision: 4 }),
  ...overrides,
});

describe('sendRecord', () => {
  it('sends the record now with its revision as the ETag', async () => {
    const { reply, sent } = replyStub();
    await sendRecord(reply, {}, read());
    expect(sent).toEqual({ etag: '"4"', body: { id: 'o-1', revision: 4 } });
  });

  it('sends the record as of a time, saying which', async () => {
    const { reply, sent } = replyStub();
    await sendRecord(reply, { asOf: '2026-01-01T00:00:00Z' }, read());
    expect(sent).toEqual({
      etag: '"1"',
      body: { id: 'o-1', revision: 1, asOf: '2026-01-01T00:00:00Z' },
    });
  });

  it('answers 503 PROJECTION_BEHIND when the revision asked for is not readable', async () => {
    const { reply } = replyStub();
    const error: unknown = await sendRecord(
      reply,
      { waitForRevision: 9 },
      {
        ...read(),
        readable: () => Promise.resolve(false),
      },
    ).catch((caught: unknown) => caught);
    expect(isHttpProblem(error) && error.toProblem()).toMatchObject({
      status: 503,
      code: 'PROJECTION_BEHIND',
    });
  });

  it('throws the not-found of a record that is missing, now or then', async () => {
    const { reply } = replyStub();
    const missing = read({
      current: () => Promise.resolve(null),
      asOf: () => Promise.resolve(null),
    });
    await expect(sendRecord(reply, {}, missing)).rejects.toThrow('not found');
    await expect(sendRecord(reply, { asOf: '2026-01-01T00:00:00Z' }, missing)).rejects.toThrow(
      'not found',
    );
  });
});
