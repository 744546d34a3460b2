// The customers service as the platform wires it (same app options, routes inside a plugin so
// OpenAPI lists them), on in-memory embedded adapters: for HTTP tests through `app.inject`.
import { openSqliteEventBus } from '@crm/event-bus';
import { openSqliteEventStore } from '@crm/event-store';
import { openSqliteDocumentStore } from '@crm/read-store';
import type { ServiceApp } from '@crm/service-kit';
import { createTestServiceApp, type TestServiceApp } from '@crm/service-kit/testing';
import { mapCustomersError } from '../errors.ts';
import { createCustomersService, type CustomersService } from '../service.ts';

export interface TestApp {
  app: ServiceApp;
  service: CustomersService;
  /** Headers with a bearer token for a user with these roles (user id defaults to `u-<role>`). */
  tokenFor: TestServiceApp['tokenFor'];
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
  const { app, tokenFor } = createTestServiceApp({
    name: 'customers',
    mapError: mapCustomersError,
    routes: (app) => service.routes(app),
  });
  await service.start();
  await app.ready();

  return {
    app,
    service,
    projectionErrors,
    tokenFor,
    close: async () => {
      await app.close();
      await service.stop();
      await eventStore.close();
      await documentStore.close();
      await bus.close();
    },
  };
}
