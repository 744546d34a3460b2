// The opportunities service as the platform wires it (same app options, routes inside a plugin so
// OpenAPI lists them), on embedded adapters: in memory, or in files under `dataDir` so a test can
// stop the service and start it again on the same data. For HTTP tests through `app.inject`.
import { join } from 'node:path';
import { openSqliteEventBus, type EventBus } from '@crm/event-bus';
import { openSqliteEventStore } from '@crm/event-store';
import { openSqliteDocumentStore, type DocumentStore } from '@crm/read-store';
import type { ServiceApp } from '@crm/service-kit';
import { createTestServiceApp, type TestServiceApp } from '@crm/service-kit/testing';
import { mapOpportunitiesError } from '../errors.ts';
import type { LeadPool } from '../pools/lead-pools.ts';
import type { SalesTeam } from '../sales-teams.ts';
import { createOpportunitiesService, type OpportunitiesService } from '../service.ts';

export interface TestAppOptions {
  clock?: () => Date;
  teams?: readonly SalesTeam[];
  pools?: readonly LeadPool[];
  /** Files here instead of memory (a restart = close, then build again with the same dir). */
  dataDir?: string;
  /** Default 0: the recycler sweeps only when a test calls service.recycler.sweep(). */
  recycleIntervalMs?: number;
  topicPrefix?: string;
  /** A read store to use instead (e.g. MongoDB on FerretDB); the caller closes it. */
  documentStore?: DocumentStore;
}

export interface TestApp {
  app: ServiceApp;
  service: OpportunitiesService;
  /** The embedded bus: publish crm.customers.v1 messages here as the customers service would. */
  bus: EventBus;
  /** Headers with a bearer token for a user with these roles (user id defaults to `u-<role>`). */
  tokenFor: TestServiceApp['tokenFor'];
  /** Projection failures the projector logged: a healthy run has none. */
  projectionErrors: object[];
  close(): Promise<void>;
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const file = (name: string) => (options.dataDir ? join(options.dataDir, name) : ':memory:');
  const eventStore = openSqliteEventStore({ path: file('events.sqlite') });
  const documentStore =
    options.documentStore ?? openSqliteDocumentStore({ path: file('read-models.sqlite') });
  const bus = openSqliteEventBus({ path: file('bus.sqlite') });
  const projectionErrors: object[] = [];
  const service = createOpportunitiesService({
    eventStore,
    documentStore,
    bus,
    logger: {
      info: () => undefined,
      error: (obj, msg) => void projectionErrors.push({ ...obj, msg }),
    },
    recycleIntervalMs: options.recycleIntervalMs ?? 0,
    ...(options.clock && { clock: options.clock }),
    ...(options.teams && { teams: options.teams }),
    ...(options.pools && { pools: options.pools }),
    ...(options.topicPrefix !== undefined && { topicPrefix: options.topicPrefix }),
  });
  const { app, tokenFor } = createTestServiceApp({
    name: 'opportunities',
    mapError: mapOpportunitiesError,
    routes: (app) => service.routes(app),
  });
  await service.start();
  await app.ready();

  return {
    app,
    service,
    bus,
    projectionErrors,
    tokenFor,
    close: async () => {
      await app.close();
      await service.stop();
      await eventStore.close();
      if (!options.documentStore) await documentStore.close();
      await bus.close();
    },
  };
}
