// Every route needs a verified bearer JWT unless it says `config: { public: true }`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyResult } from 'jose';
import { z } from 'zod';
import { HttpProblem } from '../problem.ts';

export type AuthOptions =
  | { kind: 'hs256'; secret: string; issuer: string; audience: string }
  | { kind: 'jwks'; url: string; issuer: string; audience: string };

export interface AuthenticatedUser {
  id: string;
  roles: readonly string[];
  name: string;
}

export const ROLES = [
  'admin',
  'sales_manager',
  'sales_rep',
  'marketer',
  'support_agent',
  'analyst',
] as const;
export type Role = (typeof ROLES)[number];

/** Shorter HMAC secrets can be brute-forced offline from any token. */
export const MIN_SECRET_LENGTH = 32;

const Claims = z.object({
  sub: z.string().min(1),
  roles: z.array(z.string()).default([]),
  name: z.string().optional(),
});

export type TokenVerifier = (token: string) => Promise<AuthenticatedUser>;

const unauthenticated = (detail: string, error?: string): HttpProblem =>
  new HttpProblem({
    status: 401,
    code: 'UNAUTHENTICATED',
    detail,
    headers: {
      'www-authenticate': error ? `Bearer realm="crm", error="${error}"` : 'Bearer realm="crm"',
    },
  });

/** Errors that mean the key source could not be consulted, which is our fault, not the caller's. */
const KEY_SOURCE_FAILURES = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID']);

export const hmacKey = (secret: string): Uint8Array => new TextEncoder().encode(secret);

const verifierFor = (options: AuthOptions): ((token: string) => Promise<JWTVerifyResult>) => {
  const claims = { issuer: options.issuer, audience: options.audience };
  if (options.kind === 'jwks') {
    const keys = createRemoteJWKSet(new URL(options.url));
    return (token) => jwtVerify(token, keys, claims);
  }
  if (options.secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the HS256 secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const key = hmacKey(options.secret);
  // Pinning HS256 for a shared secret stops algorithm-confusion tokens.
  return (token) => jwtVerify(token, key, { ...claims, algorithms: ['HS256'] });
};

/** How many verified tokens are remembered; a client sends the same token on every request. */
const VERIFIED_CACHE_SIZE = 10_000;

export const createTokenVerifier = (options: AuthOptions): TokenVerifier => {
  const verify = uncachedVerifier(verifierFor(options));
  // Verified tokens are remembered until they expire, so a signature is checked once per token
  // rather than once per request. A Map keeps insertion order: the oldest entry is evicted first.
  const verified = new Map<string, { user: AuthenticatedUser; expiresAt: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.user;
    verified.delete(token);
    const { user, expiresAt } = await verify(token);
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, { user, expiresAt });
    return user;
  };
};

const uncachedVerifier =
  (verifyJwt: (token: string) => Promise<JWTVerifyResult>) =>
  async (token: string): Promise<{ user: AuthenticatedUser; expiresAt: number }> => {
    let payload: unknown;
    try {
      payload = (await verifyJwt(token)).payload;
    } catch (error) {
      if (!(error instanceof errors.JOSEError) || KEY_SOURCE_FAILURES.has(error.code)) {
        throw new HttpProblem({
          status: 503,
          code: 'AUTH_UNAVAILABLE',
          detail: 'The token could not be checked right now; try again shortly.',
          cause: error,
        });
      }
      if (error instanceof errors.JWTExpired) {
        throw unauthenticated('The access token has expired.', 'invalid_token');
      }
      throw unauthenticated('The access token is not valid.', 'invalid_token');
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success)
      throw unauthenticated('The access token lacks required claims.', 'invalid_token');
    const { sub, roles, name } = claims.data;
    const exp = (payload as { exp?: unknown }).exp;
    return {
      user: { id: sub, roles, name: name ?? sub },
      // A token without exp is still re-checked every minute.
      expiresAt: typeof exp === 'number' ? exp * 1000 : Date.now() + 60_000,
    };
  };

const bearerToken = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  return match?.[1];
};

export const isPublicRoute = (request: FastifyRequest): boolean =>
  // Unknown routes answer 404 whoever asks; there is nothing behind them to protect.
  request.is404 || request.routeOptions.config.public === true;

export const installAuthentication = (app: FastifyInstance, verify: TokenVerifier): void => {
  // null until the hook sets it; public routes never get one.
  app.decorateRequest('user', null as unknown as AuthenticatedUser);
  app.addHook('onRequest', async (request) => {
    if (isPublicRoute(request)) return;
    const token = bearerToken(request);
    if (token === undefined) throw unauthenticated('An Authorization: Bearer token is required.');
    request.user = await verify(token);
  });
};

/** A preHandler that lets the request through when the user has any of the roles (or is admin). */
export const requireRoles =
  (...roles: readonly Role[]) =>
  (request: FastifyRequest): Promise<void> => {
    const user = request.user as AuthenticatedUser | null;
    if (!user)
      return Promise.reject(unauthenticated('An Authorization: Bearer token is required.'));
    if (user.roles.includes('admin') || roles.some((role) => user.roles.includes(role))) {
      return Promise.resolve();
    }
    return Promise.reject(
      new HttpProblem({
        status: 403,
        code: 'FORBIDDEN',
        detail: `This needs one of the roles: ${roles.join(', ')}.`,
        extra: { requiredRoles: roles },
      }),
    );
  };
