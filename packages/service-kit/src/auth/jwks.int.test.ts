// Production mode: tokens from an external identity provider, checked against its JWKS over HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleApp } from '../../test/sample-app.ts';
import type { ServiceApp } from '../app.ts';

const issuer = 'https://idp.example.cn/';
const audience = 'crm';
let server: Server;
let app: ServiceApp;
let privateKey: CryptoKey;

const sign = (claims: { iss?: string } = {}) =>
  new SignJWT({ roles: ['analyst'], name: 'Chen Jie' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setSubject('u-42')
    .setIssuer(claims.iss ?? issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  app = buildSampleApp({
    auth: { kind: 'jwks', url: `http://127.0.0.1:${port}/jwks`, issuer, audience },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('JWKS verification', () => {
  it('accepts a token signed by a key in the set', async () => {
    const response = await app.inject({
      url: '/whoami',
      headers: { authorization: `Bearer ${await sign()}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'u-42', name: 'Chen Jie', roles: ['analyst'] });
  });

  it('refuses a token from another issuer', async () => {
    const token = await sign({ iss: 'https://evil.example/' });
    const response = await app.inject({
      url: '/whoami',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(401);
  });

  it('answers 503, not 401, when the key set cannot be fetched', async () => {
    const unreachable = buildSampleApp({
      auth: { kind: 'jwks', url: 'http://127.0.0.1:1/jwks', issuer, audience },
    });
    const response = await unreachable.inject({
      url: '/whoami',
      headers: { authorization: `Bearer ${await sign()}` },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'AUTH_UNAVAILABLE' });
    await unreachable.close();
  });
});
