export {
  createOpportunitiesService,
  type OpportunitiesPorts,
  type OpportunitiesService,
} from './service.ts';
export { mapOpportunitiesError } from './errors.ts';
export { SOURCE as OPPORTUNITIES_SOURCE } from './publish.ts';
export { DEMO_SALES_TEAMS, salesTeamsSchema, type SalesTeam } from './sales-teams.ts';
export { leadPoolsSchema, type LeadPool } from './pools/lead-pools.ts';
export type { LeadsApplication } from './lead/application.ts';
