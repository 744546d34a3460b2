// The embedded run's token issuer: POST /auth/login trades a password for an HS256 JWT that
// every service verifies with the same shared secret. In production an external IdP does this.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { HttpProblem, ProblemSchema } from '../problem.ts';
import { hmacKey, MIN_SECRET_LENGTH } from './authenticate.ts';
import type { UserDirectory } from './users.ts';

export interface TokenSubject {
  id: string;
  name: string;
  roles: readonly string[];
  username?: string;
}

export interface IssueTokenOptions {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  user: TokenSubject;
  /** When the token is issued; defaults to now (tests pass a past time to get an expired token). */
  now?: Date;
}

export const issueToken = async (options: IssueTokenOptions): Promise<string> => {
  const { user } = options;
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({
    roles: [...user.roles],
    name: user.name,
    ...(user.username === undefined ? {} : { preferred_username: user.username }),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.ttlSeconds)
    .sign(hmacKey(options.secret));
};

export interface LoginRouteOptions {
  users: UserDirectory;
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

const LoginBody = z.object({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
});

const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});

const LoginAnswer = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  user: UserView,
});

const invalidCredentials = (): HttpProblem =>
  new HttpProblem({
    status: 401,
    code: 'INVALID_CREDENTIALS',
    detail: 'The username or password is wrong.',
  });

/** Adds POST /auth/login (public) and GET /auth/me; registered as a plugin so OpenAPI lists them. */
export const registerLoginRoute = (app: FastifyInstance, options: LoginRouteOptions): void => {
  if (options.secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the HS256 secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  void app.register((scope, _opts, done) => {
    const routes = scope.withTypeProvider<ZodTypeProvider>();
    routes.post(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Trade a username and password for an access token',
          body: LoginBody,
          response: { 200: LoginAnswer, 401: ProblemSchema },
        },
      },
      async (request) => {
        const user = await options.users.authenticate(request.body.username, request.body.password);
        if (!user) throw invalidCredentials();
        const accessToken = await issueToken({
          ...options,
          user: { id: user.id, name: user.displayName, roles: user.roles, username: user.username },
        });
        return {
          accessToken,
          tokenType: 'Bearer' as const,
          expiresIn: options.ttlSeconds,
          user: { ...user, roles: [...user.roles] },
        };
      },
    );
    routes.get(
      '/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The user the access token belongs to',
          response: { 200: UserView },
        },
      },
      (request) => {
        const user = options.users.byId(request.user.id);
        if (!user) {
          throw new HttpProblem({
            status: 404,
            code: 'USER_NOT_FOUND',
            detail: 'The token names a user this directory does not know.',
          });
        }
        return { ...user, roles: [...user.roles] };
      },
    );
    done();
  });
};
