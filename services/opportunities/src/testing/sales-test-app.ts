// Only the sales routes (opportunities, quotes, orders, pipeline) and their projections, on
// in-memory embedded adapters, with the customer lookup as an in-memory CustomerDirectory (the
// service's port) and a clock the test sets: for HTTP tests of the sales slice through app.inject.
import { Projector } from '@crm/event-processing';
import { openSqliteEventStore, type EventStore } from '@crm/event-store';
import { openSqliteDocumentStore, type DocumentStore } from '@crm/read-store';
import type { Role, ServiceApp } from '@crm/service-kit';
import { createTestServiceApp, testToken, useFixture } from '@crm/service-kit/testing';
import { expect } from 'vitest';
import type { Pipeline } from '../opportunity/opportunity.ts';
import { salesProjections } from '../projections/sales-projections.ts';
import type { CustomerDirectory, CustomerSummary } from '../sales-deps.ts';
import { registerSalesRoutes } from '../sales-routes.ts';
import { salesTeams, type SalesTeam } from '../sales-teams.ts';

/** Two teams: A (manager u-mgr-a; reps u-rep-1, u-rep-2) and B (manager u-mgr-b; rep u-rep-3). */
export const TEST_TEAMS: SalesTeam[] = [
  {
    id: 'team-a',
    name: 'Team A',
    managerIds: ['u-mgr-a'],
    memberIds: ['u-rep-1', 'u-rep-2'],
    regions: [],
    industries: [],
  },
  {
    id: 'team-b',
    name: 'Team B',
    managerIds: ['u-mgr-b'],
    memberIds: ['u-rep-3'],
    regions: [],
    industries: [],
  },
];

/** Who a test acts as: a role and a user id. */
export const as = {
  rep1: { role: 'sales_rep', userId: 'u-rep-1' },
  rep2: { role: 'sales_rep', userId: 'u-rep-2' },
  rep3: { role: 'sales_rep', userId: 'u-rep-3' },
  managerA: { role: 'sales_manager', userId: 'u-mgr-a' },
  managerB: { role: 'sales_manager', userId: 'u-mgr-b' },
  admin: { role: 'admin', userId: 'u-admin' },
  analyst: { role: 'analyst', userId: 'u-analyst' },
  marketer: { role: 'marketer', userId: 'u-marketer' },
} as const satisfies Record<string, { role: Role; userId: string }>;
export type Caller = (typeof as)[keyof typeof as];

export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: Record<string, unknown>;
}

export interface SalesTestApp {
  app: ServiceApp;
  eventStore: EventStore;
  /** The local customer lookup: put customers here as crm.customers.v1 would. */
  customers: Map<string, CustomerSummary>;
  /** Moves the clock every command and query reads. */
  setNow(iso: string): void;
  request(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    options?: { as?: Caller; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>;
  projectionErrors: object[];
  close(): Promise<void>;
}

export const aCustomer = (overrides: Partial<CustomerSummary> = {}): CustomerSummary => ({
  customerId: 'cus-1',
  name: '上海华东机械有限公司',
  kind: 'company',
  ownerId: 'u-rep-1',
  status: 'active',
  phones: [],
  emails: [],
  revision: 0,
  ...overrides,
});

export interface SalesTestAppOptions {
  now?: string;
  pipeline?: Pipeline;
  documentStore?: DocumentStore;
}

/** A fresh app per test (or one per file), failing the test if a projection broke on the way. */
export const useSalesTestApp = (
  options: SalesTestAppOptions = {},
  scope: 'each' | 'all' = 'each',
): SalesTestApp =>
  useFixture(
    () => buildSalesTestApp(options),
    async (api) => {
      const errors = api.projectionErrors;
      await api.close();
      expect(errors).toEqual([]);
    },
    scope,
  );

export async function buildSalesTestApp(options: SalesTestAppOptions = {}): Promise<SalesTestApp> {
  let now = options.now ?? '2026-05-20T02:00:00.000Z';
  const clock = () => new Date(now);
  const eventStore = openSqliteEventStore({ path: ':memory:' });
  // Read models on another engine when given (closed by the caller, not here).
  const documentStore = options.documentStore ?? openSqliteDocumentStore({ path: ':memory:' });
  const projectionErrors: object[] = [];
  const projector = new Projector({
    eventStore,
    documentStore,
    projections: salesProjections,
    logger: { info: () => undefined, error: (obj) => void projectionErrors.push(obj) },
  });
  const customers = new Map<string, CustomerSummary>([['cus-1', aCustomer()]]);
  const directory: CustomerDirectory = {
    get: (customerId) => Promise.resolve(customers.get(customerId) ?? null),
    getMany: (customerIds) =>
      Promise.resolve(
        new Map(customerIds.flatMap((id) => (customers.has(id) ? [[id, customers.get(id)!]] : []))),
      ),
    findByContact: () => Promise.resolve(null),
  };
  const deps = {
    eventStore,
    documentStore,
    projector,
    teams: salesTeams(TEST_TEAMS),
    customers: directory,
    clock,
    ...(options.pipeline && { pipeline: options.pipeline }),
  };
  const { app } = createTestServiceApp({
    name: 'opportunities',
    routes: (scope) => registerSalesRoutes(scope, deps),
  });
  await projector.start();
  await app.ready();

  return {
    app,
    eventStore,
    customers,
    projectionErrors,
    setNow: (iso) => {
      now = iso;
    },
    request: async (method, url, { as: caller = as.rep1, body, headers = {} } = {}) => {
      const token = await testToken({ id: caller.userId, roles: [caller.role] });
      const answer = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return {
        status: answer.statusCode,
        headers: answer.headers,
        body: answer.body === '' ? {} : answer.json<Record<string, unknown>>(),
      };
    },
    close: async () => {
      await app.close();
      await projector.stop();
      await eventStore.close();
      if (!options.documentStore) await documentStore.close();
    },
  };
}

/** The answer is a problem+json with this status and code; answers its body. */
export function expectProblem(answer: Answer, status: number, code: string): Answer['body'] {
  expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
  expect(String(answer.headers['content-type'])).toMatch(/^application\/problem\+json/);
  return answer.body;
}
