// The opportunities app (buildTestApp: in-memory embedded adapters) as the import tests drive it:
// upload a file as a role, tell the service about a customer through crm.customers.v1 as the
// customers service would, look at the log's head to tell whether it moved.
import { topics } from '@crm/contracts';
import type { Role } from '@crm/service-kit';
import { aRegistration, customerMessage } from '../customers-feed/feed-fixtures.ts';
import { buildTestApp, type TestApp } from '../testing/test-app.ts';
import type { LeadImportReport } from './import-csv.ts';

export interface Answer<T> {
  status: number;
  body: T;
}

export interface ImportTestApp extends TestApp {
  /** POST /leads/import with a text/csv body (default role: sales_manager). */
  upload(
    csv: string,
    options?: { as?: Role; userId?: string; query?: string; contentType?: string },
  ): Promise<Answer<LeadImportReport & { code?: string; errors?: unknown[] }>>;
  /** A customer holding this phone, published on crm.customers.v1 and seen by the feed. */
  knownCustomer(customerId: string, phone: string): Promise<void>;
  logHead(): Promise<number>;
}

async function waitUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function openImportTestApp(): Promise<ImportTestApp> {
  const testApp = await buildTestApp();
  const { app, service, bus } = testApp;
  return {
    ...testApp,
    upload: async (csv, options = {}) => {
      const headers = {
        ...(await testApp.tokenFor(options.as ?? 'sales_manager', options.userId)),
        'content-type': options.contentType ?? 'text/csv',
      };
      const url = `/leads/import${options.query ?? ''}`;
      const response = await app.inject({ method: 'POST', url, headers, payload: csv });
      return { status: response.statusCode, body: response.json() };
    },
    knownCustomer: async (customerId, phone) => {
      const registered = aRegistration({ customerId, phones: [phone], emails: [] });
      await bus.publish(topics.customers, [customerMessage(registered, 0)]);
      await waitUntil(
        async () => (await service.deps.customers.get(customerId)) !== null,
        'the customer in the lookup',
      );
    },
    logHead: () => service.deps.eventStore.headPosition(),
  };
}
