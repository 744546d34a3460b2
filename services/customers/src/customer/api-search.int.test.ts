// GET /customers and GET /customers/stats over one set of customers: every filter, paging and
// the status switch. Read-only, so the file shares one app.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerListItem } from '../projections/customer-view.ts';
import { companyBody, personBody } from '../testing/customers-client.ts';
import { useCustomersApi } from '../testing/use-customers-api.ts';

const context = useCustomersApi('all');
const ids: Record<string, string> = {};
let position = 0;

beforeAll(async () => {
  const { api } = context;
  const register = async (key: string, body: Record<string, unknown>, userId?: string) => {
    const write = await api.register(body, userId ? { as: 'sales_rep', userId } : {});
    ids[key] = write.id;
    position = Math.max(position, write.position);
  };
  await register(
    'lilei',
    personBody({
      name: '李雷',
      phones: ['13800138000'],
      emails: ['li.lei@example.com'],
      tags: ['VIP'],
      address: { country: 'CN', province: '北京市', city: '北京市', district: '朝阳区' },
    }),
    'u-7',
  );
  await register(
    'hanmeimei',
    personBody({
      name: '韩梅梅',
      address: { country: 'CN', province: '上海市', city: '上海市' },
    }),
  );
  await register(
    'xinghe',
    companyBody({
      name: '深圳市星河科技有限公司',
      industry: 'information_technology',
      lifecycleStage: 'customer',
      address: { country: 'CN', province: '广东省', city: '深圳市' },
    }),
  );
  await register(
    'factory',
    companyBody({
      name: '广州宏达制造厂',
      industry: 'manufacturing',
      address: { country: 'CN', province: '广东省', city: '广州市' },
    }),
  );
  await register('archived', personBody({ name: 'Archived Person' }));
  const archive = await api.write('POST', `/customers/${ids.archived}/archive`, {
    body: { reason: '测试' },
  });
  position = Math.max(position, archive.position);
  await api.settle(position);
});

const found = async (query: Record<string, string | number>) => {
  const answer = await context.api.search(query, position);
  expect(answer.status).toBe(200);
  return (answer.body.items as CustomerListItem[]).map((item) => item._id).sort();
};
const only = (...keys: string[]) => keys.map((key) => ids[key]).sort();

describe('GET /customers', () => {
  it('finds by a part of the name, in Chinese', async () => {
    expect(await found({ name: '星河' })).toEqual(only('xinghe'));
    expect(await found({ name: '梅' })).toEqual(only('hanmeimei'));
  });

  it('finds by phone however it is typed', async () => {
    expect(await found({ phone: '+86 138-0013-8000' })).toEqual(only('lilei'));
    expect(await found({ phone: '138 0013 8000' })).toEqual(only('lilei'));
  });

  it('finds by e-mail in any case', async () => {
    expect(await found({ email: 'LI.LEI@Example.com' })).toEqual(only('lilei'));
  });

  it('finds by tag', async () => {
    expect(await found({ tag: 'VIP' })).toEqual(only('lilei'));
  });

  it('finds by owner, and ownerId=none finds the pool', async () => {
    expect(await found({ ownerId: 'u-7' })).toEqual(only('lilei'));
    expect(await found({ ownerId: 'none' })).toEqual(only('hanmeimei', 'xinghe', 'factory'));
  });

  it('finds by industry, province, city and lifecycle stage', async () => {
    expect(await found({ industry: 'manufacturing' })).toEqual(only('factory'));
    expect(await found({ province: '广东省' })).toEqual(only('xinghe', 'factory'));
    expect(await found({ city: '深圳市' })).toEqual(only('xinghe'));
    expect(await found({ lifecycleStage: 'customer' })).toEqual(only('xinghe'));
    expect(await found({ province: '广东省', lifecycleStage: 'lead' })).toEqual(only('factory'));
  });

  it('finds by q in the name, the phone or the e-mail', async () => {
    expect(await found({ q: '韩' })).toEqual(only('hanmeimei'));
    expect(await found({ q: '0013800' })).toEqual(only('lilei'));
    expect(await found({ q: 'li.lei' })).toEqual(only('lilei'));
    expect(await found({ q: '%' })).toEqual([]);
  });

  it('lists active customers by default and every customer with status=all', async () => {
    expect(await found({})).toEqual(only('lilei', 'hanmeimei', 'xinghe', 'factory'));
    expect(await found({ status: 'archived' })).toEqual(only('archived'));
    expect(await found({ status: 'all' })).toEqual(Object.values(ids).sort());
  });

  it.each(['-createdAt', 'name', '-name', 'updatedAt'])(
    'walks every page with limit=2 sorted by %s, each customer exactly once',
    async (sort) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: Record<string, string | number> = { status: 'all', limit: 2, sort };
        if (cursor) query.cursor = cursor;
        const page = (await context.api.search(query, position)).body;
        const items = page.items as CustomerListItem[];
        expect(items.length).toBeLessThanOrEqual(2);
        seen.push(...items.map((item) => item._id));
        cursor = page.nextCursor as string | null;
        pages++;
      } while (cursor && pages < 10);
      expect(seen.sort()).toEqual(Object.values(ids).sort());
    },
  );

  it('sorts by name', async () => {
    const answer = await context.api.search({ sort: 'name', kind: 'company' }, position);
    const names = (answer.body.items as CustomerListItem[]).map((item) => item.name);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(2);
  });
});

describe('GET /customers/stats', () => {
  it('counts active customers by province', async () => {
    const answer = await context.api.request('GET', '/customers/stats?by=province');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ by: 'province', total: 4 });
    const groups = answer.body.groups as { value: string | null; count: number }[];
    expect(groups[0]).toEqual({ value: '广东省', count: 2 });
    expect(groups.slice(1)).toEqual(
      expect.arrayContaining([
        { value: '上海市', count: 1 },
        { value: '北京市', count: 1 },
      ]),
    );
    expect(groups).toHaveLength(3);
  });

  it('counts by industry', async () => {
    const answer = await context.api.request('GET', '/customers/stats?by=industry');
    expect(answer.body.groups).toEqual(
      expect.arrayContaining([
        { value: 'information_technology', count: 1 },
        { value: 'manufacturing', count: 1 },
      ]),
    );
  });

  it('counts archived customers too with status=all', async () => {
    const answer = await context.api.request('GET', '/customers/stats?by=province&status=all');
    expect(answer.body).toMatchObject({ total: 5 });
  });

  it('answers an unknown grouping with 400', async () => {
    const answer = await context.api.request('GET', '/customers/stats?by=phone');
    expect(answer.status).toBe(400);
  });
});
