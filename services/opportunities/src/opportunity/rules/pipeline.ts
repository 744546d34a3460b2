// Pipeline stages are configured per tenant and arrive with OpenOpportunity; the opportunity keeps
// that snapshot, so reconfiguring the pipeline never rewrites an open deal's history. The open
// stages are configurable; won (100%) and lost (0%) close every pipeline and are reached only by
// WinOpportunity and LoseOpportunity.
import type { Pipeline, PipelineStage } from '../opportunity.ts';
import { invalidField, opportunityError } from '../errors.ts';
import { isList } from './lists.ts';
import { requiredText } from './text.ts';

/** The stages most sales teams start with (赢率 per stage). */
export const defaultPipeline: Pipeline = {
  pipelineId: 'default',
  stages: [
    { stage: 'qualification', probability: 10 },
    { stage: 'needs_analysis', probability: 20 },
    { stage: 'proposal', probability: 50 },
    { stage: 'negotiation', probability: 80 },
  ],
};

export const closedStages = { won: 100, lost: 0 } as const;
export type ClosedStage = keyof typeof closedStages;

export const maxStages = 20;
const stageId = /^[a-z][a-z0-9_]{0,39}$/;

const isClosedStage = (stage: string): stage is ClosedStage => Object.hasOwn(closedStages, stage);

export function normalisePipeline(pipeline: Pipeline): Pipeline {
  const pipelineId = requiredText('pipeline.pipelineId', pipeline.pipelineId, 100);
  const given = isList(pipeline.stages) ? pipeline.stages : [];
  if (given.length === 0) throw invalidField('pipeline.stages', 'required');
  if (given.length > maxStages) {
    throw invalidField('pipeline.stages', 'too_many', { limit: maxStages });
  }
  const stages = given.map((stage, index) => normaliseStage(stage, `pipeline.stages[${index}]`));
  stages.forEach(({ stage }, index) => {
    if (stages.findIndex((other) => other.stage === stage) !== index) {
      throw invalidField(`pipeline.stages[${index}].stage`, 'duplicate', { value: stage });
    }
  });
  return { pipelineId, stages };
}

function normaliseStage(given: PipelineStage, field: string): PipelineStage {
  const stage = typeof given.stage === 'string' ? given.stage.trim() : '';
  if (!stageId.test(stage))
    throw invalidField(`${field}.stage`, 'malformed', { value: given.stage });
  if (isClosedStage(stage)) throw invalidField(`${field}.stage`, 'reserved', { value: stage });
  const { probability } = given;
  if (!Number.isInteger(probability) || probability < 0 || probability > 100) {
    throw invalidField(`${field}.probability`, 'out_of_range', {
      value: probability,
      min: 0,
      max: 100,
    });
  }
  return { stage, probability };
}

/** The open stage named, with its probability; won/lost and unknown stages are refused. */
export function requireOpenStage(pipeline: Pipeline, stage: string): PipelineStage {
  const name = typeof stage === 'string' ? stage.trim() : stage;
  if (isClosedStage(name)) {
    throw opportunityError(
      'CLOSING_STAGE_NOT_ALLOWED',
      `${name} is reached by winning or losing the opportunity, not by a stage change`,
      { stage: name },
    );
  }
  const found = pipeline.stages.find((candidate) => candidate.stage === name);
  if (found) return found;
  throw opportunityError('UNKNOWN_STAGE', `${String(name)} is not a stage of this pipeline`, {
    stage: name,
    stages: pipeline.stages.map((candidate) => candidate.stage),
  });
}

/** The win probability of a stage, open or closed; 0 for a stage the pipeline does not know. */
export function probabilityOf(pipeline: Pipeline, stage: string): number {
  if (isClosedStage(stage)) return closedStages[stage];
  return pipeline.stages.find((candidate) => candidate.stage === stage)?.probability ?? 0;
}
