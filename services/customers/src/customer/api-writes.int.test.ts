// The write API over HTTP on the embedded adapters: registration, optimistic concurrency and
// every command route, each checked through the read side.
import { describe, expect, it } from 'vitest';
import type { CustomerView } from '../projections/customer-view.ts';
import { interactionBody, personBody } from '../testing/customers-client.ts';
import { expectProblem, useCustomersApi } from '../testing/use-customers-api.ts';

const context = useCustomersApi();
const view = (body: Record<string, unknown>) => body as unknown as CustomerView;

describe('POST /customers', () => {
  it('answers 201 with the id, revision 0, Location and ETag', async () => {
    const answer = await context.api.request('POST', '/customers', { body: personBody() });
    expect(answer.status).toBe(201);
    const { id, revision, position, changed } = answer.body;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect({ revision, changed, position: typeof position }).toEqual({
      revision: 0,
      changed: true,
      position: 'number',
    });
    expect(answer.headers.location).toBe(`/customers/${String(answer.body.id)}`);
    expect(answer.headers.etag).toBe('"0"');
  });

  it('stores the phone in E.164 and the e-mail lower-cased, readable at revision 0', async () => {
    const { api } = context;
    const { id } = await api.register(
      personBody({ phones: ['138 0013 8000'], emails: [' Li.Lei@Example.COM '], name: ' 李雷 ' }),
    );
    const answer = await api.get(id, 0);
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBe('"0"');
    expect(view(answer.body)).toMatchObject({
      _id: id,
      kind: 'person',
      status: 'active',
      profile: { name: '李雷' },
      phones: ['+8613800138000'],
      emails: ['li.lei@example.com'],
      classification: { lifecycleStage: 'lead' },
      revision: 0,
    });
  });

  it('uses the id the client chose, so a retried POST is refused, not doubled', async () => {
    const { api } = context;
    const id = '5f0c6a3e-2f1d-4f7e-9a53-1b2c3d4e5f60';
    const body = personBody({ id });
    expect((await api.register(body)).id).toBe(id);
    const again = await api.request('POST', '/customers', { body });
    expect(expectProblem(again, 409, 'CUSTOMER_ALREADY_REGISTERED')).toBeDefined();
  });
});

describe('optimistic concurrency', () => {
  it('refuses a PATCH whose If-Match names a stale revision with 409 CONCURRENCY_CONFLICT', async () => {
    const { api } = context;
    const { id } = await api.register();
    await api.write('PATCH', `/customers/${id}`, { body: { name: '张三' } });
    const stale = await api.request('PATCH', `/customers/${id}`, {
      body: { name: '李四' },
      headers: { 'if-match': '"0"' },
    });
    expect(expectProblem(stale, 409, 'CONCURRENCY_CONFLICT')).toMatchObject({
      actualRevision: 1,
      expectedRevision: 0,
    });
  });

  it('accepts a PATCH with the current revision: 200, revision + 1, new ETag', async () => {
    const { api } = context;
    const { id } = await api.register();
    const answer = await api.request('PATCH', `/customers/${id}`, {
      body: { name: '张三' },
      headers: { 'if-match': '"0"' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id, revision: 1, changed: true });
    expect(answer.headers.etag).toBe('"1"');
  });

  it('answers a command that changes nothing with 200, changed: false and the same revision', async () => {
    const { api } = context;
    const { id } = await api.register(personBody({ tags: ['VIP'] }));
    const answer = await api.request('POST', `/customers/${id}/tags`, { body: { tags: ['VIP'] } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id, revision: 0, position: null, changed: false });
  });
});

describe('command routes', () => {
  it('PATCH /customers/{id} sets and clears profile fields', async () => {
    const { api } = context;
    const { id } = await api.register(
      personBody({ address: { country: 'CN', province: '北京市', city: '北京市' } }),
    );
    const write = await api.write('PATCH', `/customers/${id}`, {
      body: { name: '王大明', birthday: '1990-05-01', address: null },
    });
    expect(view((await api.get(id, write.revision)).body).profile).toEqual({
      name: '王大明',
      birthday: '1990-05-01',
    });
  });

  it('PUT /customers/{id}/contacts replaces phones and e-mails, normalised', async () => {
    const { api } = context;
    const { id } = await api.register();
    const write = await api.write('PUT', `/customers/${id}/contacts`, {
      body: { phones: ['+86 139-0000-1111', '010-12345678'], emails: ['Wang@Example.cn'] },
    });
    expect(view((await api.get(id, write.revision)).body)).toMatchObject({
      phones: ['+8613900001111', '+861012345678'],
      emails: ['wang@example.cn'],
    });
  });

  it('POST /customers/{id}/tags adds and POST .../tags/remove removes tags', async () => {
    const { api } = context;
    const { id } = await api.register(personBody({ tags: ['VIP'] }));
    await api.write('POST', `/customers/${id}/tags`, { body: { tags: ['华南', '展会'] } });
    const write = await api.write('POST', `/customers/${id}/tags/remove`, {
      body: { tags: ['VIP'] },
    });
    expect(view((await api.get(id, write.revision)).body).tags).toEqual(['华南', '展会']);
  });

  it('PUT /customers/{id}/classification sets stage, size and value tier', async () => {
    const { api } = context;
    const { id } = await api.register();
    const write = await api.write('PUT', `/customers/${id}/classification`, {
      body: { lifecycleStage: 'prospect', size: 'small', valueTier: 'A' },
    });
    expect(view((await api.get(id, write.revision)).body).classification).toEqual({
      lifecycleStage: 'prospect',
      size: 'small',
      valueTier: 'A',
    });
  });

  it('PUT /customers/{id}/owner assigns an owner and null returns the customer to the pool', async () => {
    const { api } = context;
    const { id } = await api.register();
    const assigned = await api.write('PUT', `/customers/${id}/owner`, {
      body: { ownerId: 'u-42' },
    });
    expect(view((await api.get(id, assigned.revision)).body).ownerId).toBe('u-42');
    const pooled = await api.write('PUT', `/customers/${id}/owner`, { body: { ownerId: null } });
    expect(view((await api.get(id, pooled.revision)).body).ownerId).toBeNull();
  });

  it('POST /customers/{id}/interactions logs an interaction with 201', async () => {
    const { api } = context;
    const { id } = await api.register();
    const answer = await api.request('POST', `/customers/${id}/interactions`, {
      body: interactionBody({ summary: '首次电话', durationMinutes: 15 }),
      userId: 'u-9',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ id, revision: 1, changed: true });
    const customer = view((await api.get(id, 1)).body);
    expect(customer.interactionCount).toBe(1);
    expect(customer.recentInteractions[0]).toMatchObject({
      kind: 'call',
      channel: 'phone',
      summary: '首次电话',
      durationMinutes: 15,
      loggedBy: 'u-9',
    });
  });

  it('logs an interaction once when its interactionId is sent twice', async () => {
    const { api } = context;
    const { id } = await api.register();
    const body = interactionBody({ interactionId: '0e5d2c4b-8a31-4c9e-b1f0-7d6e5a4b3c2d' });
    const first = await api.request('POST', `/customers/${id}/interactions`, { body });
    const second = await api.request('POST', `/customers/${id}/interactions`, { body });
    expect(first.body).toMatchObject({ revision: 1, changed: true });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ revision: 1, changed: false, position: null });
    expect(view((await api.get(id, 1)).body).interactionCount).toBe(1);
  });
});
