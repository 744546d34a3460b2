// Role scoping of opportunities (and of the quotes and orders under them): a rep reaches what they
// own, a manager what the team owns, admins and analysts everything. Out of reach reads as absent.
import { HttpProblem } from '@crm/service-kit';
import type { SalesTeams, Viewer } from '../sales-teams.ts';
import type { OpportunitiesApplication } from './application.ts';
import { notFound } from './http.ts';
import type { OpenedOpportunity } from './opportunity.ts';

export const opportunityNotFound = (opportunityId: string) =>
  notFound('OPPORTUNITY_NOT_FOUND', 'opportunityId', opportunityId);

/** The opportunity from the log (not a read model: writes decide on it), if the viewer sees it. */
export async function visibleOpportunity(
  opportunities: OpportunitiesApplication,
  teams: SalesTeams,
  viewer: Viewer,
  opportunityId: string,
): Promise<OpenedOpportunity> {
  const { state } = await opportunities.load(opportunityId);
  if (state.status === 'unopened' || !teams.canSee(viewer, state.ownerId)) {
    throw opportunityNotFound(opportunityId);
  }
  return state;
}

/** Whether the opportunity exists and its owner is in the viewer's reach. */
export async function canSeeOpportunity(
  opportunities: OpportunitiesApplication,
  teams: SalesTeams,
  viewer: Viewer,
  opportunityId: string,
): Promise<boolean> {
  const { state } = await opportunities.load(opportunityId);
  return state.status !== 'unopened' && teams.canSee(viewer, state.ownerId);
}

/** A new owner must be someone the viewer may hand work to: themselves, or their team. */
export function requireReachableOwner(teams: SalesTeams, viewer: Viewer, ownerId: string): void {
  if (teams.canSee(viewer, ownerId)) return;
  throw new HttpProblem({
    status: 403,
    code: 'OWNER_OUT_OF_REACH',
    detail: `You may not give opportunities to ${ownerId}.`,
    extra: { ownerId },
  });
}
