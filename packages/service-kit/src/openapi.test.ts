import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, buildSampleApp } from '../test/sample-app.ts';
import type { ServiceApp } from './app.ts';
import { registerLoginRoute } from './auth/issuer.ts';
import { createUserDirectory } from './auth/users.ts';

interface Operation {
  security?: unknown[];
  requestBody?: {
    content: Record<
      string,
      { schema: { properties?: Record<string, unknown>; required?: string[] } }
    >;
  };
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
  security: unknown[];
}

let app: ServiceApp;
let doc: Document;
beforeAll(async () => {
  app = buildSampleApp({ openapi: { title: 'Sample API', description: 'for tests' } });
  registerLoginRoute(app, { users: await createUserDirectory([]), ...AUTH, ttlSeconds: 60 });
  await app.ready();
  doc = (await app.inject({ url: '/openapi.json' })).json<Document>();
});
afterAll(() => app.close());

describe('OpenAPI', () => {
  it('is OpenAPI 3.1 with the service title and version', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info).toMatchObject({ title: 'Sample API', version: '1.2.3' });
  });

  it('contains the routes with their request schemas', () => {
    const schema = doc.paths['/contacts']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {}).sort()).toEqual([
      'age',
      'email',
      'name',
      'phones',
    ]);
    expect(schema?.required?.sort()).toEqual(['email', 'name', 'phones']);
  });

  it('declares bearer auth, and no auth on public routes', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/health/live']?.get?.security).toEqual([]);
    expect(doc.paths['/contacts']?.post?.security).toBeUndefined();
  });

  it('leaves its own plumbing out', () => {
    expect(Object.keys(doc.paths).filter((path) => /docs|openapi/.test(path))).toEqual([]);
  });

  it('serves a docs page without a token', async () => {
    let response = await app.inject({ url: '/docs' });
    for (
      let hops = 0;
      response.statusCode >= 300 && response.statusCode < 400 && hops < 3;
      hops++
    ) {
      response = await app.inject({
        url: new URL(String(response.headers.location), 'http://x/docs/').pathname,
      });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toMatch(/swagger/i);
  });
});
