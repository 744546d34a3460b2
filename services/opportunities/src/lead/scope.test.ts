import { describe, expect, it } from 'vitest';
import { leadPools } from '../pools/lead-pools.ts';
import { salesTeams } from '../sales-teams.ts';
import { people, POOLS, TEAMS } from './lead-test-support.ts';
import { actorRoleOf, leadScope } from './scope.ts';

const teams = salesTeams(TEAMS);
const scope = leadScope(teams, leadPools(POOLS, teams));
const viewer = (id: string, ...roles: string[]) => ({ id, roles: roles as never });

describe('who sees which lead', () => {
  const owned = (ownerId: string) => ({ ownerId, poolId: 'pool-east' });
  const pooled = (poolId: string) => ({ ownerId: null, poolId });

  it('a rep: their own leads and those waiting in their team pools', () => {
    const rep = viewer(people.rep, 'sales_rep');
    expect(scope.canSee(rep, owned(people.rep))).toBe(true);
    expect(scope.canSee(rep, owned(people.otherRep))).toBe(false);
    expect(scope.canSee(rep, pooled('pool-east'))).toBe(true);
    expect(scope.canSee(rep, pooled('pool-north'))).toBe(false);
  });

  it("a manager: the team's leads and pools, not another team's", () => {
    const manager = viewer(people.manager, 'sales_manager');
    expect(scope.canSee(manager, owned(people.otherRep))).toBe(true);
    expect(scope.canSee(manager, owned(people.outsider))).toBe(false);
    expect(scope.canSee(manager, pooled('pool-north'))).toBe(false);
    expect(scope.poolIds(manager)).toEqual(['pool-east']);
  });

  it('admins, analysts and marketers see everything (no filter)', () => {
    for (const role of ['admin', 'analyst', 'marketer']) {
      expect(scope.filter(viewer('u-x', role))).toBeUndefined();
      expect(scope.canSee(viewer('u-x', role), owned(people.outsider))).toBe(true);
    }
    expect(scope.filter(viewer(people.rep, 'sales_rep'))).toEqual({
      $or: [{ ownerId: { $in: [people.rep] } }, { ownerId: null, poolId: { $in: ['pool-east'] } }],
    });
  });

  it('maps roles to how the domain sees the actor', () => {
    expect(actorRoleOf({ id: 'a', name: 'a', roles: ['admin'] })).toBe('sales_manager');
    expect(actorRoleOf({ id: 'm', name: 'm', roles: ['sales_manager'] })).toBe('sales_manager');
    expect(actorRoleOf({ id: 'r', name: 'r', roles: ['sales_rep'] })).toBe('sales_rep');
    expect(actorRoleOf({ id: 'k', name: 'k', roles: ['marketer'] })).toBe('sales_rep');
  });
});

describe('where a new lead waits', () => {
  const pools = leadPools(POOLS, teams);
  it("in its province's pool, else the capturer's team's, else the first", () => {
    expect(pools.defaultPool({ province: '北京', actorId: people.rep }).id).toBe('pool-north');
    expect(pools.defaultPool({ actorId: people.outsider }).id).toBe('pool-north');
    expect(pools.defaultPool({ actorId: people.otherManager }).id).toBe('pool-north');
    expect(pools.defaultPool({ actorId: 'u-marketer' }).id).toBe('pool-east');
  });
});
