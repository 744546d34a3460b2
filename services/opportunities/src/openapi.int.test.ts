// The whole service's OpenAPI document: every route of every slice, public, generated from zod.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /openapi.json', () => {
  it('lists the lead, pool, import and sales routes', async () => {
    const response = await t.app.inject({ url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: object }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/leads',
        '/leads/{id}',
        '/leads/{id}/claim',
        '/leads/{id}/convert',
        '/leads/{id}/timeline',
        '/leads/{id}/follow-ups/{taskId}/complete',
        '/lead-follow-ups/due',
        '/lead-pools/{poolId}/leads',
        '/leads/import',
        '/opportunities',
      ]),
    );
  });
});
