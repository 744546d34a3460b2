// A customer's history over HTTP: the timeline in the order things happened, and the record as
// it was at any earlier time (folded from the log).
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../projections/customer-timeline.ts';
import type { CustomerView } from '../projections/customer-view.ts';
import { interactionBody, personBody } from '../testing/customers-client.ts';
import { expectProblem, useCustomersApi } from '../testing/use-customers-api.ts';

const context = useCustomersApi();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe('GET /customers/{id}/timeline', () => {
  const customerWithHistory = async () => {
    const { api } = context;
    const { id } = await api.register(personBody({ name: '李雷' }));
    await api.write('POST', `/customers/${id}/interactions`, {
      body: interactionBody({ occurredAt: hoursAgo(1), summary: '第二次来电' }),
    });
    await api.write('POST', `/customers/${id}/interactions`, {
      body: interactionBody({ occurredAt: hoursAgo(2), kind: 'visit', summary: '第一次拜访' }),
    });
    const last = await api.write('PATCH', `/customers/${id}`, { body: { name: '李雷雷' } });
    await api.settle(last.position);
    return id;
  };
  const timeline = async (url: string) => {
    const answer = await context.api.request('GET', url);
    expect(answer.status).toBe(200);
    return answer.body.items as TimelineEntry[];
  };

  it('lists every fact in the order it happened, interactions by their time', async () => {
    const id = await customerWithHistory();
    const items = await timeline(`/customers/${id}/timeline`);
    expect(items.map((item) => [item.type, item.data.summary])).toEqual([
      ['InteractionLogged', '第一次拜访'],
      ['InteractionLogged', '第二次来电'],
      ['CustomerRegistered', undefined],
      ['ProfileUpdated', undefined],
    ]);
    expect(items.every((item) => item.customerId === id)).toBe(true);
  });

  it('lists newest first with order=desc and pages with a cursor', async () => {
    const id = await customerWithHistory();
    const first = await context.api.request('GET', `/customers/${id}/timeline?order=desc&limit=3`);
    const firstItems = first.body.items as TimelineEntry[];
    expect(firstItems.map((item) => item.type)).toEqual([
      'ProfileUpdated',
      'CustomerRegistered',
      'InteractionLogged',
    ]);
    const cursor = encodeURIComponent(first.body.nextCursor as string);
    const rest = await timeline(`/customers/${id}/timeline?order=desc&limit=3&cursor=${cursor}`);
    expect(rest.map((item) => item.data.summary)).toEqual(['第一次拜访']);
  });
});

describe('GET /customers/{id}?asOf=', () => {
  it('shows the record as it was between two writes', async () => {
    const { api } = context;
    const { id } = await api.register(personBody({ name: '旧名字' }));
    await sleep(10);
    const between = new Date().toISOString();
    await sleep(10);
    const write = await api.write('PATCH', `/customers/${id}`, { body: { name: '新名字' } });

    const then = await api.request('GET', `/customers/${id}?asOf=${between}`);
    expect(then.status).toBe(200);
    expect(then.headers.etag).toBe('"0"');
    expect(then.body as unknown as CustomerView).toMatchObject({
      profile: { name: '旧名字' },
      revision: 0,
    });
    const now = await api.get(id, write.revision);
    expect((now.body as unknown as CustomerView).profile.name).toBe('新名字');
  });

  it('accepts a time with a Shanghai offset', async () => {
    const { api } = context;
    const { id } = await api.register(personBody({ name: '旧名字' }));
    await sleep(10);
    const between = new Date(Date.now() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    await sleep(10);
    await api.write('PATCH', `/customers/${id}`, { body: { name: '新名字' } });
    const then = await api.request('GET', `/customers/${id}?asOf=${encodeURIComponent(between)}`);
    expect((then.body as unknown as CustomerView).profile.name).toBe('旧名字');
  });

  it('answers 404 CUSTOMER_NOT_FOUND as of a time before the registration', async () => {
    const { api } = context;
    const before = new Date(Date.now() - 60_000).toISOString();
    const { id } = await api.register();
    expectProblem(
      await api.request('GET', `/customers/${id}?asOf=${before}`),
      404,
      'CUSTOMER_NOT_FOUND',
    );
  });

  it('answers an asOf that is no time with 400', async () => {
    const { api } = context;
    const { id } = await api.register();
    expectProblem(
      await api.request('GET', `/customers/${id}?asOf=yesterday`),
      400,
      'VALIDATION_FAILED',
    );
  });
});
