// The demo data of the one-command run: seeded through the API on the first start, in seconds, as
// the demo people would have entered it (so each sees what their role lets them see), and only
// once: a restart on the same folder seeds nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '@crm/service-kit';
import { seedSalesDemo } from '../src/demo/sales-seed.ts';
import { AUDIENCE, ISSUER } from '../src/platform.ts';
import { startEmbedded, type EmbeddedPlatform } from './embedded-platform.ts';
import { eventually } from './eventually.ts';

type Lead = {
  ownerId: string | null;
  status: string;
  company?: string;
  conversion?: { progress: string; customerId: string };
  disqualification?: { reason: string };
};

const dataDir = mkdtempSync(join(tmpdir(), 'crm-demo-'));
let run: EmbeddedPlatform;
let seedMs: number;
beforeAll(async () => {
  const started = Date.now();
  run = await startEmbedded({ CRM_SEED_DEMO: 'true' }, dataDir);
  seedMs = Date.now() - started;
});
afterAll(async () => {
  await run?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const leadsAs = async (userId: string): Promise<Lead[]> =>
  (await run.as(userId)('GET', '/leads?status=all&limit=200')).json.items as unknown as Lead[];

describe('the demo data', () => {
  it('is seeded on the first start, within seconds', () => {
    expect(run.platform.seeded).toEqual({ customers: 15, leads: 12, opportunities: 10 });
    expect(seedMs).toBeLessThan(20_000);
  });

  it('shows a rep their own leads and the pool’s, the manager the whole team’s', async () => {
    const li = await leadsAs('u-li-lei');
    expect(new Set(li.map((lead) => lead.ownerId))).toEqual(new Set(['u-li-lei', null]));
    const han = await leadsAs('u-han-meimei');
    expect(new Set(han.map((lead) => lead.ownerId))).toEqual(new Set(['u-han-meimei', null]));
    const team = await leadsAs('u-wang-fang');
    expect(new Set(team.map((lead) => lead.ownerId))).toEqual(
      new Set(['u-li-lei', 'u-han-meimei', null]),
    );
    expect(team).toHaveLength(12);
    expect(team.filter((lead) => lead.status === 'qualified')).toHaveLength(1);
    expect(team.filter((lead) => lead.disqualification?.reason === 'no_budget')).toHaveLength(1);
    expect(team.filter((lead) => lead.status === 'converted')).toHaveLength(2);

    const due = await run.as('u-li-lei')('GET', '/lead-follow-ups/due');
    expect(due.json.items[0]).toMatchObject({ ownerId: 'u-li-lei', overdue: true });
  });

  it('converted one lead into a new customer and one onto an existing demo customer', async () => {
    const converted = (await leadsAs('u-wang-fang')).filter((lead) => lead.conversion);
    for (const lead of converted) {
      await eventually(`the conversion of ${lead.company} to complete`, async () => {
        const now = await leadsAs('u-wang-fang');
        const same = now.find((other) => other.company === lead.company && other.conversion);
        return same?.conversion?.progress === 'completed' ? same : undefined;
      });
    }
    const customers = await Promise.all(
      converted.map(async (lead) => {
        const customer = await run.as('u-admin')(
          'GET',
          `/customers/${lead.conversion!.customerId}`,
        );
        return { name: customer.json.profile?.name, source: customer.json.source };
      }),
    );
    expect(customers).toEqual(
      expect.arrayContaining([
        { name: '上海臻远医疗器械有限公司', source: 'lead_conversion' },
        { name: '南京金陵教育科技有限公司', source: 'website' },
      ]),
    );
  });

  it('has opportunities in every state, one won through an accepted quote and its order', async () => {
    const all = await run.as('u-admin')('GET', '/opportunities?limit=200');
    const items = all.json.items as unknown as { status: string; stage: string }[];
    expect(items).toHaveLength(10);
    expect(items.filter((item) => item.status === 'won')).toHaveLength(1);
    expect(items.filter((item) => item.status === 'lost')).toEqual([
      expect.objectContaining({ lossReason: 'competitor', lossCompetitor: '销售易' }),
    ]);
    const stages = new Set(items.filter((i) => i.status === 'open').map((i) => i.stage));
    expect(stages).toEqual(new Set(['qualification', 'needs_analysis', 'proposal', 'negotiation']));
    const orders = await run.as('u-li-lei')('GET', '/orders');
    expect(orders.json.items).toEqual([
      expect.objectContaining({ status: 'placed', currency: 'CNY' }),
    ]);
  });

  it('is not seeded again on a restart', async () => {
    await run.close();
    run = await startEmbedded({ CRM_SEED_DEMO: 'true' }, dataDir);
    expect(run.platform.seeded).toEqual({ customers: 0, leads: 0, opportunities: 0 });
    expect(await leadsAs('u-wang-fang')).toHaveLength(12);
  });

  it('stops at a refused step with the refusal, method, path and user', async () => {
    // Every step sent as the support agent, whom the sales API refuses.
    const asSupportAgent = () =>
      issueToken({
        secret: run.platform.secret,
        issuer: ISSUER,
        audience: AUDIENCE,
        ttlSeconds: 60,
        user: { id: 'u-chen-jie', name: 'Chen Jie', roles: ['support_agent'] },
      });
    await expect(seedSalesDemo(run.platform.app, asSupportAgent)).rejects.toThrow(
      /demo data refused: POST \/leads as u-zhao-min -> 403 .*"code":"FORBIDDEN"/,
    );
  });
});
