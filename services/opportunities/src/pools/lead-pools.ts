// Lead pools (公海) are configuration (LEAD_POOLS, JSON), like teams: which pool a team's or a
// region's unowned leads wait in, how many open claims a rep may hold, and when an owned lead
// that nobody follows up goes back.
import { z } from 'zod';
import type { SalesTeams } from '../sales-teams.ts';

export const leadPoolSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1),
  /** The team whose reps claim from it and whose rotation assigns its leads. */
  teamId: z.string().min(1),
  /** Provinces whose leads land here by default (a region's pool); empty: the team's pool. */
  regions: z.array(z.string().min(1)).default([]),
  /** Open leads (claimed or assigned, not converted or disqualified) a rep may hold. */
  claimLimit: z.number().int().min(1).max(10_000).default(30),
  /** Hours without follow-up after which an owned lead returns to this pool. */
  recycleAfterHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .default(72),
});
export type LeadPool = z.infer<typeof leadPoolSchema>;
export const leadPoolsSchema = z.array(leadPoolSchema).min(1);

export interface LeadPools {
  readonly pools: readonly LeadPool[];
  pool(poolId: string): LeadPool | undefined;
  /** Where a new lead waits: its region's pool, else the capturer's team's, else the first. */
  defaultPool(lead: { province?: string; actorId?: string }): LeadPool;
}

/** One pool per team when none are configured: `pool-<teamId>`. */
export const poolsForTeams = (teams: SalesTeams): LeadPool[] =>
  teams.teams.map((team) => ({
    id: `pool-${team.id}`,
    name: team.name,
    teamId: team.id,
    regions: [],
    claimLimit: 30,
    recycleAfterHours: 72,
  }));

export function leadPools(pools: readonly LeadPool[], teams: SalesTeams): LeadPools {
  const first = pools[0];
  if (!first) throw new Error('at least one lead pool must be configured');
  const byId = new Map(pools.map((pool) => [pool.id, pool]));
  return {
    pools,
    pool: (poolId) => byId.get(poolId),
    defaultPool: ({ province, actorId }) => {
      const regional =
        province === undefined ? undefined : pools.find((pool) => pool.regions.includes(province));
      if (regional) return regional;
      const team =
        actorId === undefined
          ? undefined
          : (teams.teamOf(actorId) ??
            teams.teams.find((candidate) => candidate.managerIds.includes(actorId)));
      return pools.find((pool) => pool.teamId === team?.id) ?? first;
    },
  };
}
