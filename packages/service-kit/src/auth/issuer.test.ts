import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, buildSampleApp } from '../../test/sample-app.ts';
import type { ServiceApp } from '../app.ts';
import { registerLoginRoute } from './issuer.ts';
import { createUserDirectory } from './users.ts';

let app: ServiceApp;
beforeAll(async () => {
  const users = await createUserDirectory([
    {
      id: 'u-1',
      username: 'lina',
      displayName: '李娜',
      roles: ['sales_rep'],
      password: 'pa55word!',
    },
    { id: 'u-2', username: 'admin', displayName: 'Admin', roles: ['admin'], password: 'r00t-pw' },
  ]);
  app = buildSampleApp();
  registerLoginRoute(app, { users, ...AUTH, ttlSeconds: 900 });
  await app.ready();
});
afterAll(() => app.close());

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });

describe('embedded issuer', () => {
  it('trades good credentials for a bearer token the services accept', async () => {
    const response = await login('lina', 'pa55word!');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ accessToken: string }>();
    expect(body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: 'u-1', username: 'lina', displayName: '李娜', roles: ['sales_rep'] },
    });
    const whoami = await app.inject({
      url: '/whoami',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(whoami.json()).toEqual({ id: 'u-1', name: '李娜', roles: ['sales_rep'] });
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await login('lina', 'nope');
    const unknown = await login('nobody', 'pa55word!');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('validates the login body', async () => {
    const response = await app.inject({ method: 'POST', url: '/auth/login', payload: {} });
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths.sort()).toEqual(['password', 'username']);
  });

  it('answers /auth/me with the token holder', async () => {
    const { accessToken } = (await login('ADMIN', 'r00t-pw')).json<{ accessToken: string }>();
    const me = await app.inject({
      url: '/auth/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: 'u-2',
      username: 'admin',
      displayName: 'Admin',
      roles: ['admin'],
    });
  });

  it('needs a token for /auth/me', async () => {
    expect((await app.inject({ url: '/auth/me' })).statusCode).toBe(401);
  });
});

describe('user directory', () => {
  it('refuses duplicate usernames', async () => {
    const account = { id: 'a', username: 'x', displayName: 'X', roles: [], password: 'p' };
    await expect(
      createUserDirectory([account, { ...account, id: 'b', username: ' X ' }]),
    ).rejects.toThrow(/duplicate username/);
  });

  it('keeps no password in what it returns', async () => {
    const users = await createUserDirectory([
      { id: 'a', username: 'x', displayName: 'X', roles: [], password: 'secret-pw' },
    ]);
    const user = await users.authenticate('x', 'secret-pw');
    expect(user).toEqual({ id: 'a', username: 'x', displayName: 'X', roles: [] });
    expect(users.byId('a')).toEqual(user);
  });
});
