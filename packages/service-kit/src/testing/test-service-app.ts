// A service's app as the platform builds it (its routes inside a plugin, so OpenAPI lists them),
// with an HS256 issuer of its own: tests call `app.inject` with a token for any roles.
import { createServiceApp, type ServiceApp } from '../app.ts';
import type { Role } from '../auth/authenticate.ts';
import { issueToken } from '../auth/issuer.ts';
import type { MapError } from '../error-handler.ts';
import { registerServiceRoutes } from '../service-routes.ts';

export const TEST_SECRET = 'service-kit-test-secret-at-least-32-characters';
export const TEST_ISSUER = 'crm-test';
export const TEST_AUDIENCE = 'crm';

export interface TestServiceAppOptions {
  name: string;
  mapError?: MapError;
  /** Adds the service's routes (called inside a plugin, as the platform does). */
  routes: (app: ServiceApp) => void;
}

export interface TestServiceApp {
  app: ServiceApp;
  /** Headers with a bearer token for a user with these roles (user id defaults to `u-<role>`). */
  tokenFor: (roles: Role | readonly Role[], userId?: string) => Promise<{ authorization: string }>;
}

/** The app with its routes registered; the caller starts its service, then awaits `app.ready()`. */
export function createTestServiceApp(options: TestServiceAppOptions): TestServiceApp {
  const app = createServiceApp({
    name: options.name,
    version: '0.0.0-test',
    logger: false,
    auth: { kind: 'hs256', secret: TEST_SECRET, issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
    ...(options.mapError && { mapError: options.mapError }),
  });
  registerServiceRoutes(app, options.routes);
  return {
    app,
    tokenFor: async (roles, userId) => {
      const list: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
      const id = userId ?? `u-${list.join('-')}`;
      return { authorization: `Bearer ${await testToken({ id, roles: list })}` };
    },
  };
}

/** A token the test app accepts. */
export const testToken = (user: { id: string; roles: readonly Role[] }): Promise<string> =>
  issueToken({
    secret: TEST_SECRET,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    ttlSeconds: 600,
    user: { id: user.id, name: user.id, roles: user.roles },
  });
