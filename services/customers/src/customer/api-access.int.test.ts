// Who may do what through the API, and the OpenAPI document that describes it.
import type { Role } from '@crm/service-kit';
import { describe, expect, it } from 'vitest';
import type { CustomerView } from '../projections/customer-view.ts';
import { personBody } from '../testing/customers-client.ts';
import { expectProblem, useCustomersApi } from '../testing/use-customers-api.ts';

const context = useCustomersApi();

describe('roles', () => {
  it('answers a request without a token with 401 UNAUTHENTICATED', async () => {
    const { api } = context;
    expectProblem(await api.request('GET', '/customers', { as: null }), 401, 'UNAUTHENTICATED');
    const post = await api.request('POST', '/customers', { as: null, body: personBody() });
    expectProblem(post, 401, 'UNAUTHENTICATED');
  });

  it('lets an analyst read but not register (403 FORBIDDEN)', async () => {
    const { api } = context;
    const { id } = await api.register();
    expect((await api.request('GET', '/customers', { as: 'analyst' })).status).toBe(200);
    const one = await api.request('GET', `/customers/${id}?waitForRevision=0`, { as: 'analyst' });
    expect(one.status).toBe(200);
    const post = await api.request('POST', '/customers', { as: 'analyst', body: personBody() });
    expectProblem(post, 403, 'FORBIDDEN');
  });

  it.each<Role>(['sales_rep', 'sales_manager', 'marketer', 'support_agent', 'admin'])(
    'lets a %s register a customer',
    async (role) => {
      const answer = await context.api.request('POST', '/customers', {
        as: role,
        body: personBody(),
      });
      expect(answer.status).toBe(201);
    },
  );

  it.each<[string, string, Record<string, unknown>]>([
    ['PUT', 'owner', { ownerId: 'u-rep' }],
    ['POST', 'merge', { duplicateId: 'x' }],
    ['POST', 'archive', { reason: '重复' }],
    ['POST', 'restore', {}],
  ])('refuses a sales_rep %s /customers/{id}/%s with 403 FORBIDDEN', async (method, path, body) => {
    const { api } = context;
    const { id } = await api.register();
    const answer = await api.request(method as 'PUT' | 'POST', `/customers/${id}/${path}`, {
      as: 'sales_rep',
      body,
    });
    expectProblem(answer, 403, 'FORBIDDEN');
  });

  it('lets only an admin erase: a sales_manager gets 403 FORBIDDEN', async () => {
    const { api } = context;
    const { id } = await api.register();
    const body = { reason: 'data_subject_request' };
    const manager = await api.request('POST', `/customers/${id}/erase`, {
      as: 'sales_manager',
      body,
    });
    expectProblem(manager, 403, 'FORBIDDEN');
    expect(
      (await api.request('POST', `/customers/${id}/erase`, { as: 'admin', body })).status,
    ).toBe(200);
  });

  it('makes a sales_rep who registers without an owner the owner', async () => {
    const { api } = context;
    const { id } = await api.register(personBody(), { as: 'sales_rep', userId: 'u-rep-1' });
    expect((await api.get(id, 0)).body as unknown as CustomerView).toMatchObject({
      ownerId: 'u-rep-1',
      createdBy: 'u-rep-1',
    });
  });

  it('puts a customer in the pool when a sales_rep registers with ownerId null', async () => {
    const { api } = context;
    const { id } = await api.register(personBody({ ownerId: null }), { as: 'sales_rep' });
    expect(((await api.get(id, 0)).body as unknown as CustomerView).ownerId).toBeNull();
  });

  it('puts a customer a manager registers without an owner in the pool', async () => {
    const { api } = context;
    const { id } = await api.register(personBody(), { as: 'sales_manager' });
    expect(((await api.get(id, 0)).body as unknown as CustomerView).ownerId).toBeNull();
  });
});

describe('GET /openapi.json', () => {
  it('lists the customers routes', async () => {
    const answer = await context.api.request('GET', '/openapi.json', { as: null });
    expect(answer.status).toBe(200);
    const paths = answer.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/customers',
        '/customers/{id}',
        '/customers/{id}/contacts',
        '/customers/{id}/tags',
        '/customers/{id}/tags/remove',
        '/customers/{id}/classification',
        '/customers/{id}/owner',
        '/customers/{id}/interactions',
        '/customers/{id}/merge',
        '/customers/{id}/archive',
        '/customers/{id}/restore',
        '/customers/{id}/erase',
        '/customers/{id}/timeline',
        '/customers/stats',
      ]),
    );
    expect(Object.keys(paths['/customers'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
  });
});
