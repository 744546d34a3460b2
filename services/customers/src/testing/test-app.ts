// The customers service as the platform wires it (same app options, routes inside a plugin so
// OpenAPI lists them), on in-memory embedded adapters: for HTTP tests through `app.inject`.
import { openSqliteEventBus } from '@crm/event-bus';
import { openSqliteEventStore } from '@crm/event-store';
import { openSqliteDocumentStore } from '@crm/read-store';
import { createServiceApp, issueToken, type Role, type ServiceApp } from '@crm/service-kit';
import type { FastifyInstance } from 'fastify';
import { mapCustomersError } from '../errors.ts';
import { createCustomersService, type CustomersService } from '../service.ts';

export const TEST_SECRET = 'customers-test-secret-at-least-32-characters';
export const TEST_ISSUER = 'crm-test';
export const TEST_AUDIENCE = 'crm';

/** The type provider the service kit's app carries (zod), without importing its package here. */
type ServiceTypeProvider =
  ServiceApp extends FastifyInstance<never, never, never, never, infer P> ? P : never;

export interface TestApp {
  app: ServiceApp;
  service: CustomersService;
  /** Headers with a bearer token for a user with these roles (user id defaults to `u-<role>`). */
  tokenFor(roles: Role | readonly Role[], userId?: string): Promise<{ authorization: string }>;
  /** Projection failures the projector logged: a healthy run has none. */
  projectionErrors: object[];
  close(): Promise<void>;
}

export async function buildTestApp(options: { clock?: () => Date } = {}): Promise<TestApp> {
  const eventStore = openSqliteEventStore({ path: ':memory:' });
  const documentStore = openSqliteDocumentStore({ path: ':memory:' });
  const bus = openSqliteEventBus({ path: ':memory:' });
  const projectionErrors: object[] = [];
  const service = createCustomersService({
    eventStore,
    documentStore,
    bus,
    logger: { info: () => undefined, error: (obj) => void projectionErrors.push(obj) },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = createServiceApp({
    name: 'customers',
    version: '0.0.0-test',
    logger: false,
    auth: { kind: 'hs256', secret: TEST_SECRET, issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
    mapError: mapCustomersError,
  });
  // As the platform does: inside a plugin, so the routes come after the OpenAPI plugin.
  void app.register((scope, _options, done) => {
    service.routes(scope.withTypeProvider<ServiceTypeProvider>());
    done();
  });
  await service.start();
  await app.ready();

  return {
    app,
    service,
    projectionErrors,
    tokenFor: async (roles, userId) => {
      const list: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
      const id = userId ?? `u-${list.join('-')}`;
      const token = await issueToken({
        secret: TEST_SECRET,
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
        ttlSeconds: 600,
        user: { id, name: id, roles: list },
      });
      return { authorization: `Bearer ${token}` };
    },
    close: async () => {
      await app.close();
      await service.stop();
      await eventStore.close();
      await documentStore.close();
      await bus.close();
    },
  };
}
