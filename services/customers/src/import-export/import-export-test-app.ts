// The customers app on in-memory embedded adapters, as the import and export tests drive it:
// upload a file as a role, download the export, and see the log's head to tell whether it moved.
import { openSqliteEventBus } from '@crm/event-bus';
import { openSqliteEventStore, type EventStore } from '@crm/event-store';
import { openSqliteDocumentStore } from '@crm/read-store';
import type { Role, ServiceApp } from '@crm/service-kit';
import { createTestServiceApp, testToken } from '@crm/service-kit/testing';
import { mapCustomersError } from '../errors.ts';
import { createCustomersService } from '../service.ts';
import type { ImportReport } from './import-csv.ts';

export interface Answer<T> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  text: string;
}

interface Request {
  method?: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  payload?: string | object;
}

export interface ImportExportTestApp {
  app: ServiceApp;
  eventStore: EventStore;
  /** What the projector logged as failures: a healthy run has none. */
  projectionErrors: object[];
  /** POST /customers/import with a text/csv body (default role: sales_manager). */
  upload(csv: string, options?: { as?: Role; query?: string }): Promise<Answer<ImportReport>>;
  /** GET /customers/export.csv once the read models hold every write so far (default: analyst). */
  download(query?: string, as?: Role): Promise<Answer<unknown>>;
  /** Registers a person through POST /customers; answers the id. */
  registerByApi(phone: string): Promise<string>;
  close(): Promise<void>;
}

export const headersFor = (role: Role): Promise<{ authorization: string }> =>
  testToken({ id: `u-${role}`, roles: [role] }).then((token) => ({
    authorization: `Bearer ${token}`,
  }));

export async function openImportExportTestApp(): Promise<ImportExportTestApp> {
  const eventStore = openSqliteEventStore({ path: ':memory:' });
  const documentStore = openSqliteDocumentStore({ path: ':memory:' });
  const bus = openSqliteEventBus({ path: ':memory:' });
  const projectionErrors: object[] = [];
  const service = createCustomersService({
    eventStore,
    documentStore,
    bus,
    logger: { info: () => undefined, error: (obj) => void projectionErrors.push(obj) },
  });
  const { app } = createTestServiceApp({
    name: 'customers',
    mapError: mapCustomersError,
    routes: (scope) => service.routes(scope),
  });
  await service.start();
  await app.ready();

  const send = async <T>(request: Request, as: Role): Promise<Answer<T>> => {
    const headers = { ...(await headersFor(as)), ...request.headers };
    const response = await app.inject({ ...request, headers });
    const text = response.body;
    const json = response.headers['content-type']?.toString().includes('json') === true;
    return {
      status: response.statusCode,
      body: (json ? JSON.parse(text) : text) as T,
      headers: response.headers,
      text,
    };
  };

  return {
    app,
    eventStore,
    projectionErrors,
    upload: (csv, options = {}) =>
      send(
        {
          method: 'POST',
          url: `/customers/import${options.query ?? ''}`,
          headers: { 'content-type': 'text/csv' },
          payload: csv,
        },
        options.as ?? 'sales_manager',
      ),
    download: async (query = '', as = 'analyst') => {
      const head = await eventStore.headPosition();
      const settled = await send({ url: `/customers?limit=1&waitForPosition=${head}` }, 'analyst');
      if (settled.status !== 200) throw new Error(`position ${head} not readable`);
      return send({ url: `/customers/export.csv${query}` }, as);
    },
    registerByApi: async (phone) => {
      const answer = await send<{ id: string }>(
        {
          method: 'POST',
          url: '/customers',
          payload: { kind: 'person', name: '已有客户', phones: [phone] },
        },
        'sales_manager',
      );
      if (answer.status !== 201) throw new Error(`registration answered ${answer.status}`);
      return answer.body.id;
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
