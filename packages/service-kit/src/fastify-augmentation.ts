// What service-kit adds to Fastify's types: the caller on each request, readiness on the app,
// and the `public` flag a route sets to skip authentication.
import type { AuthenticatedUser } from './auth/authenticate.ts';
import type { Readiness } from './health.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller. Set on every non-public route; null on public ones. */
    user: AuthenticatedUser;
  }
  interface FastifyInstance {
    readiness: Readiness;
  }
  interface FastifyContextConfig {
    /** true: no bearer token needed (health, docs, OpenAPI, login). */
    public?: boolean;
  }
}
