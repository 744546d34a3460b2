import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildSampleApp } from '../test/sample-app.ts';
import type { ServiceApp } from './app.ts';

let app: ServiceApp;
let auth: Record<string, string>;
beforeAll(async () => {
  app = buildSampleApp();
  await app.ready();
  auth = await bearer();
});
afterAll(() => app.close());

const good = {
  name: 'Wang Fang',
  email: 'wang@example.cn',
  phones: [{ number: '+8613800000000' }],
};

const expectProblem = (
  response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) => {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(body.type).toMatch(/^urn:crm:problem:/);
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
};

describe('problem+json answers', () => {
  it('accepts a valid body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/contacts',
      headers: auth,
      payload: good,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: 'c-1', by: 'u-1' });
  });

  it('names every bad field, in body and querystring alike', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/contacts?dryRun=maybe',
      headers: auth,
      payload: { name: '', email: 'not-an-email', phones: [{ number: 'abc' }] },
    });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(body.instance).toBe('/contacts');
    const errors = body.errors as { in: string; path: string; code: string }[];
    expect(errors.map((e) => `${e.in}:${e.path}`).sort()).toEqual([
      'body:email',
      'body:name',
      'body:phones.0.number',
      'querystring:dryRun',
    ]);
    expect(errors.find((e) => e.path === 'name')?.code).toBe('too_small');
  });

  it('reports a missing body at the root path', async () => {
    const response = await app.inject({ method: 'POST', url: '/contacts', headers: auth });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([expect.objectContaining({ in: 'body', path: '' })]);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/contacts',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    expectProblem(response, 400, 'MALFORMED_JSON');
  });

  it('answers a body over the limit with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/contacts',
      headers: auth,
      payload: { ...good, name: 'x'.repeat(4096) },
    });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/contacts',
      headers: { ...auth, 'content-type': 'application/xml' },
      payload: '<contact/>',
    });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND, token or not', async () => {
    expectProblem(await app.inject({ url: '/nowhere' }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await app.inject({ url: '/nowhere', headers: auth }), 404, 'ROUTE_NOT_FOUND');
  });

  it.each([
    ['invalid', 422],
    ['not_found', 404],
    ['conflict', 409],
    ['forbidden', 403],
  ])('maps a DomainError of kind %s to %i with its code and details', async (kind, status) => {
    const response = await app.inject({ url: `/fail/${kind}`, headers: auth });
    const body = expectProblem(response, status, `CUSTOMER_${kind.toUpperCase()}`);
    expect(body.details).toEqual({ customerId: 'c-9' });
  });

  it('maps WrongExpectedRevision to 409 CONCURRENCY_CONFLICT with the actual revision', async () => {
    const response = await app.inject({ url: '/fail/revision', headers: auth });
    const body = expectProblem(response, 409, 'CONCURRENCY_CONFLICT');
    expect(body.actualRevision).toBe(5);
  });

  it('sends an HttpProblem as thrown, extensions included', async () => {
    const response = await app.inject({ url: '/fail/http', headers: auth });
    const body = expectProblem(response, 429, 'SLOW_DOWN');
    expect(body.retryAfterSeconds).toBe(30);
  });

  it('answers an unexpected error with 500 and never leaks its message', async () => {
    const response = await app.inject({ url: '/fail/crash', headers: auth });
    expectProblem(response, 500, 'INTERNAL_ERROR');
    expect(response.body).not.toContain('mongodb');
    expect(response.body).not.toContain('at ');
  });

  it('lets a service map its own errors first', async () => {
    const custom = buildSampleApp({
      mapError: (error) =>
        error instanceof Error && error.message.includes('mongodb')
          ? { type: 'urn:crm:problem:db-down', title: 'DB down', status: 503, code: 'DB_DOWN' }
          : undefined,
    });
    const response = await custom.inject({ url: '/fail/crash', headers: auth });
    expectProblem(response, 503, 'DB_DOWN');
    await custom.close();
  });
});

describe('request ids', () => {
  it('echoes a sane incoming x-request-id', async () => {
    const response = await app.inject({ url: '/open', headers: { 'x-request-id': 'abc-123.X_y' } });
    expect(response.headers['x-request-id']).toBe('abc-123.X_y');
  });

  it('replaces an unsafe or missing one with a UUID', async () => {
    const uuid = /^[0-9a-f-]{36}$/;
    const unsafe = await app.inject({ url: '/open', headers: { 'x-request-id': 'a b\u0000' } });
    const tooLong = await app.inject({
      url: '/open',
      headers: { 'x-request-id': 'a'.repeat(129) },
    });
    const missing = await app.inject({ url: '/open' });
    for (const response of [unsafe, tooLong, missing]) {
      expect(response.headers['x-request-id']).toMatch(uuid);
    }
    expect(missing.headers['x-request-id']).not.toBe(unsafe.headers['x-request-id']);
  });

  it('puts the request id on error answers too', async () => {
    const response = await app.inject({ url: '/whoami', headers: { 'x-request-id': 'req-401' } });
    expect(response.headers['x-request-id']).toBe('req-401');
    expect(response.json()).toMatchObject({ requestId: 'req-401' });
  });
});
