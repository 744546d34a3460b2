// A small service built on the kit, shared by the package's tests.
import { DomainError } from '@crm/decider';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createServiceApp, type ServiceApp, type ServiceAppOptions } from '../src/app.ts';
import { requireRoles, type AuthOptions } from '../src/auth/authenticate.ts';
import { issueToken, type TokenSubject } from '../src/auth/issuer.ts';
import { HttpProblem } from '../src/problem.ts';

export const SECRET = 'test-secret-that-is-long-enough-for-hs256!';
export const AUTH = {
  kind: 'hs256',
  secret: SECRET,
  issuer: 'crm-test',
  audience: 'crm',
} as const satisfies AuthOptions;

export const tokenFor = (
  user: Partial<TokenSubject> = {},
  overrides: { secret?: string; audience?: string; ttlSeconds?: number; now?: Date } = {},
): Promise<string> =>
  issueToken({
    secret: overrides.secret ?? SECRET,
    issuer: AUTH.issuer,
    audience: overrides.audience ?? AUTH.audience,
    ttlSeconds: overrides.ttlSeconds ?? 300,
    user: { id: 'u-1', name: 'Li Na', roles: ['sales_rep'], ...user },
    ...(overrides.now ? { now: overrides.now } : {}),
  });

export const bearer = async (user: Partial<TokenSubject> = {}) => ({
  authorization: `Bearer ${await tokenFor(user)}`,
});

/** Same shape as @crm/event-store's WrongExpectedRevision, which the kit matches by its code. */
class WrongExpectedRevision extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  readonly expected = 3;
  readonly actual = 5;
}

export const ContactBody = z.object({
  name: z.string().min(1),
  email: z.email(),
  phones: z.array(z.object({ number: z.string().regex(/^\+?\d{6,15}$/) })),
  age: z.number().int().nonnegative().optional(),
});

const sampleRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.post(
    '/contacts',
    {
      preHandler: requireRoles('sales_rep', 'sales_manager'),
      schema: {
        summary: 'Register a contact',
        body: ContactBody,
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
        response: { 201: z.object({ id: z.string(), by: z.string() }) },
      },
    },
    (request, reply) => {
      void reply.code(201);
      return { id: 'c-1', by: request.user.id };
    },
  );
  app.get('/fail/:reason', { schema: { params: z.object({ reason: z.string() }) } }, (request) => {
    const { reason } = request.params;
    if (reason === 'revision') throw new WrongExpectedRevision('stream customer-1 moved on');
    if (reason === 'http') {
      throw new HttpProblem({
        status: 429,
        code: 'SLOW_DOWN',
        detail: 'Too many imports at once.',
        extra: { retryAfterSeconds: 30 },
      });
    }
    if (reason === 'crash') throw new Error('secret connection string mongodb://admin:pw@db');
    const kind = reason as 'invalid' | 'not_found' | 'conflict' | 'forbidden';
    throw new DomainError(`CUSTOMER_${kind.toUpperCase()}`, kind, `refused: ${kind}`, {
      customerId: 'c-9',
    });
  });
  app.get('/whoami', (request) => request.user);
  app.get('/open', { config: { public: true } }, () => ({ open: true }));
  done();
};

export const buildSampleApp = (overrides: Partial<ServiceAppOptions> = {}): ServiceApp => {
  const app = createServiceApp({
    name: 'sample',
    version: '1.2.3',
    logger: false,
    auth: AUTH,
    bodyLimit: 2048,
    ...overrides,
  });
  void app.register(sampleRoutes);
  return app;
};
