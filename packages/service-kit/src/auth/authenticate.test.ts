import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, bearer, buildSampleApp, tokenFor } from '../../test/sample-app.ts';
import type { ServiceApp } from '../app.ts';
import { createServiceApp } from '../app.ts';
import { requireRoles } from './authenticate.ts';

let app: ServiceApp;
beforeAll(async () => {
  app = buildSampleApp();
  app.get('/reports', { preHandler: requireRoles('analyst', 'sales_manager') }, () => ({
    ok: true,
  }));
  await app.ready();
});
afterAll(() => app.close());

const expect401 = (response: Awaited<ReturnType<ServiceApp['inject']>>) => {
  expect(response.statusCode).toBe(401);
  expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
};

describe('authentication', () => {
  it('refuses a request without a token', async () => {
    expect401(await app.inject({ url: '/whoami' }));
  });

  it('refuses a malformed Authorization header', async () => {
    expect401(await app.inject({ url: '/whoami', headers: { authorization: 'Basic dTpw' } }));
  });

  it('refuses a token signed with another secret', async () => {
    const token = await tokenFor({}, { secret: 'another-secret-that-is-also-long-enough!!' });
    expect401(await app.inject({ url: '/whoami', headers: { authorization: `Bearer ${token}` } }));
  });

  it('refuses an expired token', async () => {
    const token = await tokenFor({}, { now: new Date(Date.now() - 3_600_000), ttlSeconds: 60 });
    const response = await app.inject({
      url: '/whoami',
      headers: { authorization: `Bearer ${token}` },
    });
    expect401(response);
    expect(response.headers['www-authenticate']).toContain('invalid_token');
  });

  it('stops accepting a token it has already verified once it expires', async () => {
    // Issued 58 s ago with a 60 s life (iat is whole seconds): valid now, expired within 2 s.
    const token = await tokenFor({}, { now: new Date(Date.now() - 58_000), ttlSeconds: 60 });
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: '/whoami', headers })).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect401(await app.inject({ url: '/whoami', headers }));
  });

  it('refuses a token for another audience', async () => {
    const token = await tokenFor({}, { audience: 'someone-else' });
    expect401(await app.inject({ url: '/whoami', headers: { authorization: `Bearer ${token}` } }));
  });

  it('refuses a token without a subject', async () => {
    const token = await tokenFor({ id: '' });
    expect401(await app.inject({ url: '/whoami', headers: { authorization: `Bearer ${token}` } }));
  });

  it('lets a good token through and exposes the user', async () => {
    const response = await app.inject({
      url: '/whoami',
      headers: await bearer({ id: 'u-7', name: 'Zhang Wei', roles: ['marketer'] }),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'u-7', name: 'Zhang Wei', roles: ['marketer'] });
  });

  it('needs no token on public routes', async () => {
    for (const url of ['/open', '/health/live', '/health/ready', '/openapi.json']) {
      expect((await app.inject({ url })).statusCode, url).toBe(200);
    }
  });

  it('refuses a secret too short to be safe', () => {
    expect(() =>
      createServiceApp({
        name: 'x',
        version: '1',
        logger: false,
        auth: { ...AUTH, secret: 'short' },
      }),
    ).toThrow(/at least 32/);
  });
});

describe('requireRoles', () => {
  it('answers 403 FORBIDDEN when the user has none of the roles', async () => {
    const response = await app.inject({
      url: '/reports',
      headers: await bearer({ roles: ['sales_rep'] }),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a user with one of the roles through', async () => {
    const response = await app.inject({
      url: '/reports',
      headers: await bearer({ roles: ['analyst'] }),
    });
    expect(response.statusCode).toBe(200);
  });

  it('always lets admin through', async () => {
    const response = await app.inject({
      url: '/reports',
      headers: await bearer({ roles: ['admin'] }),
    });
    expect(response.statusCode).toBe(200);
  });

  it('still answers 401 before 403 without a token', async () => {
    expect401(await app.inject({ url: '/reports' }));
  });
});
