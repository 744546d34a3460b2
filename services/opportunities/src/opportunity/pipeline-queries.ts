// GET /pipeline: count, amount and weighted amount per stage, for an owner, a team, or all the
// caller may see (read model `sales_pipeline`); GET /pipeline/stages: the configured stages.
import type { Filter } from '@crm/read-store';
import type { ServiceApp } from '@crm/service-kit';
import { PIPELINE, type PipelineBucket } from '../projections/sales-pipeline.ts';
import type { SalesDeps } from '../sales-deps.ts';
import type { OpportunitiesApplication } from './application.ts';
import { pipelineQuery } from './api-schemas.ts';
import { notFound, viewerOf } from './http.ts';
import { waitForPosition } from '@crm/service-kit';
import { addAmounts } from './rules/money.ts';
import { closedStages } from './rules/pipeline.ts';

const tags = ['pipeline'];

interface StageFigures {
  stage: string;
  probability: number | null;
  count: number;
  amount: string;
  weightedAmount: string;
}

export function registerPipelineQueryRoutes(
  app: ServiceApp,
  deps: SalesDeps,
  opportunities: OpportunitiesApplication,
): void {
  const buckets = deps.documentStore.collection<PipelineBucket>(PIPELINE);
  const { pipeline } = opportunities;

  app.get(
    '/pipeline/stages',
    { schema: { tags, summary: 'The configured pipeline stages and their win probability' } },
    () => ({
      pipelineId: pipeline.pipelineId,
      stages: pipeline.stages,
      closedStages: Object.entries(closedStages).map(([stage, probability]) => ({
        stage,
        probability,
      })),
    }),
  );

  app.get(
    '/pipeline',
    {
      schema: {
        tags,
        summary: 'Pipeline by stage (count, amount, weighted amount) per owner or team',
        querystring: pipelineQuery,
      },
    },
    async (request) => {
      const { owner, team, currency, waitForPosition: position } = request.query;
      await waitForPosition(deps.projector, position);
      const viewer = viewerOf(request);
      const visibility = deps.teams.visibility(viewer);
      let filter: Filter;
      if (owner !== undefined) {
        if (!deps.teams.canSee(viewer, owner)) throw notFound('OWNER_NOT_FOUND', 'ownerId', owner);
        filter = { scope: 'owner', key: owner };
      } else if (team !== undefined) {
        const manages = deps.teams.team(team)?.managerIds.includes(viewer.id) ?? false;
        if (!visibility.all && !manages) throw notFound('TEAM_NOT_FOUND', 'team', team);
        filter = { scope: 'team', key: team };
      } else {
        filter = visibility.all
          ? { scope: 'team' }
          : { scope: 'owner', key: { $in: [...visibility.ownerIds] } };
      }
      const found: PipelineBucket[] = [];
      let cursor: string | undefined;
      do {
        const page = await buckets.find(
          { $and: [filter, { currency }] },
          { limit: 1000, ...(cursor === undefined ? {} : { cursor }) },
        );
        found.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      const stages = figuresByStage(found, pipeline.stages);
      const open = stages.filter((row) => !(row.stage in closedStages));
      return {
        owner: owner ?? null,
        team: team ?? null,
        currency,
        stages,
        open: {
          count: open.reduce((sum, row) => sum + row.count, 0),
          amount: open.map((row) => row.amount).reduce(addAmounts, '0.00'),
          weightedAmount: open.map((row) => row.weightedAmount).reduce(addAmounts, '0.00'),
        },
      };
    },
  );
}

/** The configured stages in order, then any other open stage still holding deals, then won, lost. */
function figuresByStage(
  found: readonly PipelineBucket[],
  configured: readonly { stage: string; probability: number }[],
): StageFigures[] {
  const rows = new Map<string, StageFigures>();
  const row = (stage: string, probability: number | null) => {
    if (!rows.has(stage)) {
      rows.set(stage, { stage, probability, count: 0, amount: '0.00', weightedAmount: '0.00' });
    }
  };
  configured.forEach(({ stage, probability }) => row(stage, probability));
  for (const bucket of found) {
    if (bucket.stage in closedStages) continue;
    row(bucket.stage, null);
  }
  Object.entries(closedStages).forEach(([stage, probability]) => row(stage, probability));
  for (const bucket of found) {
    const known = rows.get(bucket.stage);
    if (!known) continue;
    rows.set(bucket.stage, {
      ...known,
      count: known.count + bucket.count,
      amount: addAmounts(known.amount, bucket.amount),
      weightedAmount: addAmounts(known.weightedAmount, bucket.weightedAmount),
    });
  }
  return [...rows.values()];
}
