// Merge, archive, restore and erasure over HTTP: what each leaves behind on the read side.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../projections/customer-timeline.ts';
import type { CustomerListItem, CustomerView } from '../projections/customer-view.ts';
import { interactionBody, personBody } from '../testing/customers-client.ts';
import { useCustomersApi } from '../testing/use-customers-api.ts';

const context = useCustomersApi();
const view = (body: Record<string, unknown>) => body as unknown as CustomerView;
const entries = (body: Record<string, unknown>) => body.items as TimelineEntry[];

describe('POST /customers/{id}/merge', () => {
  const mergedPair = async () => {
    const { api } = context;
    const survivor = await api.register(personBody({ phones: ['13800138001'], tags: ['VIP'] }));
    const duplicate = await api.register(
      personBody({ phones: ['13800138002'], emails: ['dup@example.com'], tags: ['展会'] }),
    );
    await api.write('POST', `/customers/${duplicate.id}/interactions`, {
      body: interactionBody({ summary: '重复客户的来电' }),
    });
    const merge = await api.write('POST', `/customers/${survivor.id}/merge`, {
      body: { duplicateId: duplicate.id },
    });
    return { survivor: survivor.id, duplicate: duplicate.id, merge };
  };

  it("gives the survivor the duplicate's phones, e-mails, tags and interaction count", async () => {
    const { survivor, duplicate, merge } = await mergedPair();
    expect(merge.status).toBe(200);
    expect(merge.body).toMatchObject({ id: survivor, revision: 1, changed: true });
    expect(view((await context.api.get(survivor, merge.revision)).body)).toMatchObject({
      status: 'active',
      phones: ['+8613800138001', '+8613800138002'],
      emails: ['dup@example.com'],
      tags: ['VIP', '展会'],
      interactionCount: 1,
      absorbedDuplicateIds: [duplicate],
    });
  });

  it('shows the duplicate as merged into the survivor', async () => {
    const { survivor, duplicate } = await mergedPair();
    // The duplicate: registered (0), interaction (1), merged (2).
    expect(view((await context.api.get(duplicate, 2)).body)).toMatchObject({
      status: 'merged',
      mergedInto: survivor,
    });
  });

  it("includes the duplicate's interactions in the survivor's timeline", async () => {
    const { api } = context;
    const { survivor, duplicate, merge } = await mergedPair();
    await api.settle(merge.position);
    const timeline = entries((await api.request('GET', `/customers/${survivor}/timeline`)).body);
    expect(timeline).toContainEqual(
      expect.objectContaining({
        customerId: duplicate,
        type: 'InteractionLogged',
        data: expect.objectContaining({ summary: '重复客户的来电' }) as unknown,
      }),
    );
  });

  it('changes nothing when the same merge is sent again', async () => {
    const { survivor, duplicate, merge } = await mergedPair();
    const again = await context.api.request('POST', `/customers/${survivor}/merge`, {
      body: { duplicateId: duplicate },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ revision: merge.revision, changed: false });
  });
});

describe('archive and restore', () => {
  it('POST /customers/{id}/archive archives with the reason', async () => {
    const { api } = context;
    const { id } = await api.register();
    const write = await api.write('POST', `/customers/${id}/archive`, {
      body: { reason: '已停业' },
    });
    expect(view((await api.get(id, write.revision)).body)).toMatchObject({
      status: 'archived',
      archiveReason: '已停业',
    });
  });

  it('POST /customers/{id}/restore makes an archived customer active again', async () => {
    const { api } = context;
    const { id } = await api.register();
    await api.write('POST', `/customers/${id}/archive`, { body: { reason: '已停业' } });
    const write = await api.write('POST', `/customers/${id}/restore`);
    expect(write.revision).toBe(2);
    expect(view((await api.get(id, 2)).body)).toMatchObject({
      status: 'active',
      archiveReason: null,
    });
  });
});

describe('POST /customers/{id}/erase', () => {
  const NAME = '隐私保护测试人';
  const PHONE = '13700137000';
  const EMAIL = 'private.person@example.com';

  const erasedCustomer = async () => {
    const { api } = context;
    const { id } = await api.register(
      personBody({
        name: NAME,
        phones: [PHONE],
        emails: [EMAIL],
        tags: ['敏感'],
        birthday: '1985-03-12',
        address: { country: 'CN', province: '浙江省', city: '杭州市', street: '文三路 1 号' },
      }),
    );
    await api.write('POST', `/customers/${id}/interactions`, {
      body: interactionBody({ summary: `${NAME} 来电咨询，回拨 ${PHONE}` }),
    });
    await api.write('PATCH', `/customers/${id}`, { body: { interests: ['高尔夫'] } });
    await sleep(5);
    const beforeErasure = new Date().toISOString();
    await sleep(5);
    const erase = await api.write('POST', `/customers/${id}/erase`, {
      as: 'admin',
      body: { reason: 'data_subject_request' },
    });
    return { id, erase, beforeErasure };
  };
  const personal = [NAME, '8613700137000', EMAIL, '敏感', '1985-03-12', '文三路', '高尔夫'];
  const expectNoPersonalData = (value: unknown) => {
    const text = JSON.stringify(value);
    for (const item of personal) expect(text).not.toContain(item);
  };

  it('leaves a record with status erased and no personal data', async () => {
    const { id, erase } = await erasedCustomer();
    const customer = view((await context.api.get(id, erase.revision)).body);
    expect(customer).toMatchObject({
      status: 'erased',
      profile: {},
      phones: [],
      emails: [],
      tags: [],
      recentInteractions: [],
    });
    expectNoPersonalData(customer);
  });

  it('leaves timeline entries without personal data', async () => {
    const { api } = context;
    const { id, erase } = await erasedCustomer();
    await api.settle(erase.position);
    const timeline = entries((await api.request('GET', `/customers/${id}/timeline`)).body);
    expect(timeline.map((entry) => entry.type)).toContain('PersonalDataErased');
    expectNoPersonalData(timeline);
  });

  it('leaves no personal data in search results', async () => {
    const { api } = context;
    const { erase } = await erasedCustomer();
    const found = (await api.search({ status: 'all' }, erase.position)).body;
    expectNoPersonalData(found);
    expect((found.items as CustomerListItem[])[0]).toMatchObject({ status: 'erased', name: null });
  });

  it("redacts the absorbed duplicates' entries in an erased survivor's timeline", async () => {
    const { api } = context;
    const survivor = await api.register(personBody({ name: NAME }));
    const duplicate = await api.register(personBody({ name: NAME, phones: [PHONE] }));
    await api.write('POST', `/customers/${duplicate.id}/interactions`, {
      body: interactionBody({ summary: `${NAME} 来电，回拨 ${PHONE}` }),
    });
    await api.write('POST', `/customers/${survivor.id}/merge`, {
      body: { duplicateId: duplicate.id },
    });
    const erase = await api.write('POST', `/customers/${survivor.id}/erase`, {
      as: 'admin',
      body: { reason: 'data_subject_request' },
    });
    await api.settle(erase.position);
    const timeline = await api.request('GET', `/customers/${survivor.id}/timeline`);
    expect(entries(timeline.body).map((entry) => entry.customerId)).toContain(duplicate.id);
    expectNoPersonalData(timeline.body);
  });

  it('shows no personal data as of a time before the erasure either', async () => {
    const { api } = context;
    const { id, beforeErasure } = await erasedCustomer();
    const before = await api.request('GET', `/customers/${id}?asOf=${beforeErasure}`);
    // Refused or redacted, but never the erased data read back from the log.
    expectNoPersonalData(before.body);
  });
});
