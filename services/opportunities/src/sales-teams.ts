// Who sees and changes whose leads and opportunities. Teams are configuration (SALES_TEAMS, JSON),
// not an aggregate: an identity provider owns people; this service only needs who manages whom.
import type { Role } from '@crm/service-kit';
import { z } from 'zod';

export const salesTeamSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Managers see and change every lead and opportunity owned by the team's members. */
  managerIds: z.array(z.string().min(1)),
  /** The reps round-robin assignment hands leads to, in this order. */
  memberIds: z.array(z.string().min(1)),
  /** Assignment by region / industry sends a lead with one of these to this team. */
  regions: z.array(z.string().min(1)).default([]),
  industries: z.array(z.string().min(1)).default([]),
});
export type SalesTeam = z.infer<typeof salesTeamSchema>;

export const salesTeamsSchema = z.array(salesTeamSchema);

/** The one-command run's team: the demo manager and her two reps (see packages/platform/src/users.ts). */
export const DEMO_SALES_TEAMS: SalesTeam[] = [
  {
    id: 'team-east',
    name: '华东销售部 East China sales',
    managerIds: ['u-wang-fang'],
    memberIds: ['u-li-lei', 'u-han-meimei'],
    regions: ['上海', '江苏', '浙江', 'Shanghai', 'Jiangsu', 'Zhejiang'],
    industries: [],
  },
];

export interface Viewer {
  id: string;
  roles: readonly Role[];
}

/** What a viewer may see: every owner's records, or only those of the owner ids listed. */
export type Visibility = { all: true } | { all: false; ownerIds: readonly string[] };

export interface SalesTeams {
  readonly teams: readonly SalesTeam[];
  team(teamId: string): SalesTeam | undefined;
  /** The team a rep belongs to (the first, when configured in several). */
  teamOf(userId: string): SalesTeam | undefined;
  /** Admins and analysts see all; a manager their teams' members and themselves; a rep their own. */
  visibility(viewer: Viewer): Visibility;
  /** Whether the viewer may see (and, with a write role, change) a record owned by ownerId. */
  canSee(viewer: Viewer, ownerId: string | null): boolean;
}

export function salesTeams(teams: readonly SalesTeam[]): SalesTeams {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const visibility = (viewer: Viewer): Visibility => {
    if (viewer.roles.includes('admin') || viewer.roles.includes('analyst')) return { all: true };
    const owners = new Set<string>([viewer.id]);
    if (viewer.roles.includes('sales_manager')) {
      for (const team of teams) {
        if (team.managerIds.includes(viewer.id)) team.memberIds.forEach((id) => owners.add(id));
      }
    }
    return { all: false, ownerIds: [...owners] };
  };
  return {
    teams,
    team: (teamId) => byId.get(teamId),
    teamOf: (userId) => teams.find((team) => team.memberIds.includes(userId)),
    visibility,
    canSee: (viewer, ownerId) => {
      const seen = visibility(viewer);
      return seen.all || (ownerId !== null && seen.ownerIds.includes(ownerId));
    },
  };
}
