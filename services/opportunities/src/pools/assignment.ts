// Assignment rules in the application: which team's reps a rule rotates among, and where the
// rotation stands. The cursor is read from the log's read model (lead-rotation.ts), never from
// memory, so the rotation carries on across restarts and between instances.
import type { LeadAssignmentRule } from '@crm/contracts';
import { chooseRep, type TeamRep } from '../lead/rules/assignment.ts';
import type { ActiveLead, LeadState } from '../lead/lead.ts';
import { rotationCursor } from '../projections/lead-rotation.ts';
import type { SalesDeps } from '../sales-deps.ts';
import type { SalesTeam } from '../sales-teams.ts';
import type { LeadPool } from './lead-pools.ts';

export type AutomaticRule = Exclude<LeadAssignmentRule, 'manual'>;

/** Every member covers the team's provinces and industries (teams are configured that way). */
const repsOf = (team: SalesTeam): TeamRep[] =>
  team.memberIds.map((repId) => ({
    repId,
    regions: team.regions.map((province) => ({ province })),
    industries: team.industries,
  }));

/** The team a rule draws on: by region or industry the first team covering the lead, else the pool's. */
export function teamFor(
  deps: Pick<SalesDeps, 'teams'>,
  pool: LeadPool,
  lead: Pick<ActiveLead, 'region' | 'industry'>,
  rule: AutomaticRule,
): SalesTeam | undefined {
  const { teams } = deps.teams;
  const covering =
    rule === 'region'
      ? teams.find((team) => lead.region && team.regions.includes(lead.region.province))
      : rule === 'industry'
        ? teams.find((team) => lead.industry && team.industries.includes(lead.industry))
        : undefined;
  return covering ?? deps.teams.team(pool.teamId);
}

/** The rep the rule chooses for this lead next, or undefined (it stays in its pool). */
export async function chooseAssignee(
  deps: Pick<SalesDeps, 'teams' | 'documentStore'>,
  pool: LeadPool,
  state: LeadState,
  rule: AutomaticRule,
): Promise<string | undefined> {
  if (state.status !== 'open' && state.status !== 'qualified') return undefined;
  const team = teamFor(deps, pool, state, rule);
  if (!team) return undefined;
  const cursor = await rotationCursor(deps.documentStore, team.id);
  const lead = {
    ...(state.region && { region: state.region }),
    ...(state.industry !== undefined && { industry: state.industry }),
  };
  return chooseRep(rule, { reps: repsOf(team), cursor, lead });
}
