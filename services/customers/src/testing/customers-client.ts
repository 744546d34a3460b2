// A small HTTP client over `app.inject` for the customers API tests: who is asking, what came
// back (status, JSON body, headers), and builders for valid bodies with fresh contacts.
import type { Role } from '@crm/service-kit';
import type { TestApp } from './test-app.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface RequestOptions {
  /** Who asks: a role or roles (default sales_manager), a user id, or null for no token. */
  as?: Role | readonly Role[] | null;
  userId?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface WriteAnswer extends Answer {
  id: string;
  revision: number;
  position: number;
}

let counter = 0;
/** A mainland mobile number nobody else in this process has used. */
export const freshPhone = (): string => `139${String(10_000_000 + ++counter).slice(-8)}`;
export const freshEmail = (): string => `user${++counter}@example.com`;

export const personBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'person',
  name: '王小明',
  phones: [freshPhone()],
  ...overrides,
});

export const companyBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'company',
  name: '深圳市星河科技有限公司',
  phones: [freshPhone()],
  industry: 'information_technology',
  address: { country: 'CN', province: '广东省', city: '深圳市', district: '南山区' },
  ...overrides,
});

export const interactionBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'call',
  channel: 'phone',
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  summary: '电话沟通需求',
  ...overrides,
});

export interface CustomersClient {
  request(method: Method, url: string, options?: RequestOptions): Promise<Answer>;
  /** Registers and expects 201. */
  register(body?: Record<string, unknown>, options?: RequestOptions): Promise<WriteAnswer>;
  /** A write that must succeed (2xx); answers its result. */
  write(method: Method, url: string, options?: RequestOptions): Promise<WriteAnswer>;
  /** GET /customers/{id} once the given revision is readable. */
  get(id: string, revision: number): Promise<Answer>;
  /** GET /customers with a query, once the write at `position` is readable. */
  search(query: Record<string, string | number>, position?: number): Promise<Answer>;
  /** Waits until every projection (timeline included) has the write at `position`. */
  settle(position: number): Promise<void>;
}

export function customersClient(testApp: TestApp): CustomersClient {
  const request: CustomersClient['request'] = async (method, url, options = {}) => {
    const as = options.as === undefined ? 'sales_manager' : options.as;
    const auth = as === null ? {} : await testApp.tokenFor(as, options.userId);
    const response = await testApp.app.inject({
      method,
      url,
      headers: { ...auth, ...options.headers },
      ...(options.body === undefined ? {} : { payload: options.body as object }),
    });
    const text = response.body;
    return {
      status: response.statusCode,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      headers: response.headers,
    };
  };

  const write: CustomersClient['write'] = async (method, url, options) => {
    const answer = await request(method, url, options);
    if (answer.status >= 300) {
      throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return {
      ...answer,
      id: answer.body.id as string,
      revision: answer.body.revision as number,
      position: answer.body.position as number,
    };
  };

  return {
    request,
    write,
    register: (body = personBody(), options = {}) =>
      write('POST', '/customers', { ...options, body }),
    get: (id, revision) => request('GET', `/customers/${id}?waitForRevision=${revision}`),
    search: (query, position) => {
      const params = new URLSearchParams(
        Object.entries({
          ...query,
          ...(position === undefined ? {} : { waitForPosition: position }),
        }).map(([key, value]): [string, string] => [key, String(value)]),
      );
      return request('GET', `/customers?${params.toString()}`);
    },
    settle: async (position) => {
      const answer = await request('GET', `/customers?limit=1&waitForPosition=${position}`);
      if (answer.status !== 200)
        throw new Error(`position ${position} not readable: ${answer.status}`);
    },
  };
}
