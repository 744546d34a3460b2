// Who sees which leads, and as what role they act (see sales-teams.ts for the rule). A rep sees
// the leads they own and those waiting in their team's pools (to claim them); a manager their
// team's and their team's pools; admins, analysts and marketers (campaign attribution) see all.
import type { AuthenticatedUser } from '@crm/service-kit';
import type { Filter } from '@crm/read-store';
import type { LeadPools } from '../pools/lead-pools.ts';
import type { SalesTeams, Viewer } from '../sales-teams.ts';
import type { LeadActorRole } from './commands/command.ts';

const SEE_ALL = ['admin', 'analyst', 'marketer'];

/** Admins act as managers; marketers only capture, which a rep's role allows. */
export const actorRoleOf = (user: AuthenticatedUser): LeadActorRole =>
  user.roles.includes('admin') || user.roles.includes('sales_manager')
    ? 'sales_manager'
    : 'sales_rep';

export const viewerOf = (user: AuthenticatedUser | null): Viewer => ({
  id: user?.id ?? 'anonymous',
  roles: (user?.roles ?? []) as Viewer['roles'],
});

export interface LeadScope {
  /** undefined: everything. */
  filter(viewer: Viewer): Filter | undefined;
  canSee(viewer: Viewer, lead: { ownerId: string | null; poolId: string }): boolean;
  /** The pools whose waiting leads the viewer sees (all pools for those who see all). */
  poolIds(viewer: Viewer): string[];
}

export function leadScope(teams: SalesTeams, pools: LeadPools): LeadScope {
  const seesAll = (viewer: Viewer) => viewer.roles.some((role) => SEE_ALL.includes(role));
  const poolIds = (viewer: Viewer): string[] => {
    if (seesAll(viewer)) return pools.pools.map((pool) => pool.id);
    const mine = teams.teams
      .filter((team) => team.memberIds.includes(viewer.id) || team.managerIds.includes(viewer.id))
      .map((team) => team.id);
    return pools.pools.filter((pool) => mine.includes(pool.teamId)).map((pool) => pool.id);
  };
  const owners = (viewer: Viewer): readonly string[] => {
    const visibility = teams.visibility(viewer);
    return visibility.all ? [] : visibility.ownerIds;
  };
  return {
    poolIds,
    filter: (viewer) =>
      seesAll(viewer)
        ? undefined
        : {
            $or: [
              { ownerId: { $in: owners(viewer) } },
              { ownerId: null, poolId: { $in: poolIds(viewer) } },
            ],
          },
    canSee: (viewer, lead) =>
      seesAll(viewer) ||
      (lead.ownerId === null
        ? poolIds(viewer).includes(lead.poolId)
        : owners(viewer).includes(lead.ownerId)),
  };
}
