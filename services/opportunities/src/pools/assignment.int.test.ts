// Round robin within a team carries on across a restart: the rotation is read from the log's read
// model, not kept in memory. By region, a lead goes to the team covering its province.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leadClient } from '../lead/lead-api-client.ts';
import { movableClock, people, POOLS, TEAMS } from '../lead/lead-test-support.ts';
import { buildTestApp, type TestApp } from '../testing/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'opportunities-rotation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const time = movableClock();
const start = () => buildTestApp({ teams: TEAMS, pools: POOLS, clock: time.clock, dataDir: dir });

async function assignNext(t: TestApp, overrides: Record<string, unknown> = {}) {
  const api = leadClient(t);
  const manager = await api.as('sales_manager', people.manager);
  const response = await api.post('/leads', manager, {
    name: '客户',
    phones: ['13800138000'],
    source: 'website',
    assign: 'round_robin',
    ...overrides,
  });
  expect(response.statusCode).toBe(201);
  const { id, revision } = response.json<{ id: string; revision: number }>();
  const lead = await api.get(await api.as('admin', 'u-admin'), id, revision);
  return lead.json<{ ownerId: string | null }>().ownerId;
}

describe('round robin assignment', () => {
  it('takes turns within the team, and carries on after a restart', async () => {
    let t = await start();
    // The team's order is li-lei, han-meimei: an odd number of turns before the restart, so
    // starting the rotation over would hand out li-lei again.
    expect(await assignNext(t)).toBe(people.rep);
    expect(await assignNext(t)).toBe(people.otherRep);
    expect(await assignNext(t)).toBe(people.rep);
    await t.close();

    t = await start();
    try {
      expect(await assignNext(t)).toBe(people.otherRep);
      expect(await assignNext(t)).toBe(people.rep);
    } finally {
      await t.close();
    }
  });

  it('by region: a lead from a province no team covers stays in its pool', async () => {
    const t = await start();
    try {
      const api = leadClient(t);
      const manager = await api.as('sales_manager', people.manager);
      const north = await api.post('/leads', manager, {
        name: '北京客户',
        phones: ['13900139000'],
        source: 'website',
        region: { province: '北京', city: '北京' },
        assign: 'region',
      });
      const { id, revision } = north.json<{ id: string; revision: number }>();
      const lead = await api.get(await api.as('admin', 'u-admin'), id, revision);
      expect(lead.json()).toMatchObject({ ownerId: people.outsider, poolId: 'pool-north' });
      const nowhere = await api.post('/leads', manager, {
        name: '拉萨客户',
        phones: ['13700137000'],
        source: 'website',
        region: { province: '西藏', city: '拉萨' },
        assign: 'region',
      });
      expect(nowhere.json()).toMatchObject({ revision: 0 });
    } finally {
      await t.close();
    }
  });
});
