// Role scoping: a rep sees and changes what they own, a manager the team's, admins and analysts
// everything (analysts only read). What a caller may not see is a 404, in lists it is absent.
import { beforeAll, describe, expect, it } from 'vitest';
import { openOpportunity } from '../testing/sales-client.ts';
import { as, expectProblem, useSalesTestApp, type Caller } from '../testing/sales-test-app.ts';

const api = useSalesTestApp({}, 'all');
let ofRep1: string;
let ofRep3: string;
let position: number;
beforeAll(async () => {
  ofRep1 = (await openOpportunity(api, { name: 'rep 1 deal' }, as.rep1)).id;
  const last = await openOpportunity(api, { name: 'rep 3 deal' }, as.rep3);
  ofRep3 = last.id;
  position = last.position;
});

const names = async (caller: Caller, url = '/opportunities') => {
  const answer = await api.request('GET', `${url}?waitForPosition=${position}`, { as: caller });
  expect(answer.status).toBe(200);
  return (answer.body.items as { name: string }[]).map((item) => item.name).sort();
};

describe('reading', () => {
  it.each<[string, Caller, string[]]>([
    ['rep 1', as.rep1, ['rep 1 deal']],
    ['rep 2 (same team)', as.rep2, []],
    ['rep 3', as.rep3, ['rep 3 deal']],
    ['manager A', as.managerA, ['rep 1 deal']],
    ['manager B', as.managerB, ['rep 3 deal']],
    ['admin', as.admin, ['rep 1 deal', 'rep 3 deal']],
    ['analyst', as.analyst, ['rep 1 deal', 'rep 3 deal']],
    ['marketer', as.marketer, []],
  ])('lists for %s only what they may see', async (_who, caller, expected) => {
    expect(await names(caller)).toEqual(expected);
  });

  it('lists my opportunities', async () => {
    expect(await names(as.rep3, '/opportunities/mine')).toEqual(['rep 3 deal']);
    expect(await names(as.managerA, '/opportunities/mine')).toEqual([]);
  });

  it('answers 404 for an opportunity out of reach, as for one that does not exist', async () => {
    for (const caller of [as.rep2, as.rep3, as.managerB]) {
      const answer = await api.request('GET', `/opportunities/${ofRep1}?waitForRevision=0`, {
        as: caller,
      });
      expectProblem(answer, 404, 'OPPORTUNITY_NOT_FOUND');
      const history = await api.request('GET', `/opportunities/${ofRep1}/history`, { as: caller });
      expectProblem(history, 404, 'OPPORTUNITY_NOT_FOUND');
    }
    expectProblem(await api.request('GET', '/opportunities/nope'), 404, 'OPPORTUNITY_NOT_FOUND');
    for (const caller of [as.rep1, as.managerA, as.admin, as.analyst]) {
      const answer = await api.request('GET', `/opportunities/${ofRep1}?waitForRevision=0`, {
        as: caller,
      });
      expect(answer.status).toBe(200);
    }
  });
});

describe('writing', () => {
  it('answers 404 to a change of what the caller may not see', async () => {
    for (const caller of [as.rep2, as.managerB]) {
      const answer = await api.request('PUT', `/opportunities/${ofRep1}/stage`, {
        as: caller,
        body: { stage: 'proposal' },
      });
      expectProblem(answer, 404, 'OPPORTUNITY_NOT_FOUND');
    }
    const quote = await api.request('POST', `/opportunities/${ofRep3}/quotes`, {
      as: as.rep1,
      body: { validUntil: '2026-06-30' },
    });
    expectProblem(quote, 404, 'OPPORTUNITY_NOT_FOUND');
  });

  it('lets an analyst read but not write (403), and a rep open only for themselves', async () => {
    const analyst = await api.request('PUT', `/opportunities/${ofRep1}/stage`, {
      as: as.analyst,
      body: { stage: 'proposal' },
    });
    expectProblem(analyst, 403, 'FORBIDDEN');
    const forOther = await api.request('POST', '/opportunities', {
      as: as.rep1,
      body: { customerId: 'cus-1', name: 'x', ownerId: 'u-rep-2', expectedCloseDate: '2026-06-01' },
    });
    expectProblem(forOther, 403, 'OWNER_OUT_OF_REACH');
    const managerForRep = await api.request('POST', '/opportunities', {
      as: as.managerA,
      body: { customerId: 'cus-1', name: 'x', ownerId: 'u-rep-2', expectedCloseDate: '2026-06-01' },
    });
    expect(managerForRep.status).toBe(201);
  });

  it('lets a manager change the team’s opportunities', async () => {
    const answer = await api.request('PUT', `/opportunities/${ofRep1}/stage`, {
      as: as.managerA,
      body: { stage: 'needs_analysis' },
    });
    expect(answer.status).toBe(200);
  });
});
