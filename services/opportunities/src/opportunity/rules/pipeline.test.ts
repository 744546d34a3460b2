import { DomainError } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import { defaultPipeline, normalisePipeline, probabilityOf, requireOpenStage } from './pipeline.ts';

const details = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, ...error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('pipeline', () => {
  it('keeps a configured pipeline as it is, stage ids trimmed', () => {
    const custom = {
      pipelineId: 'projects',
      stages: [
        { stage: ' lead_in ', probability: 5 },
        { stage: 'tender', probability: 40 },
        { stage: 'contract_review', probability: 90 },
      ],
    };
    expect(normalisePipeline(custom)).toEqual({
      pipelineId: 'projects',
      stages: [
        { stage: 'lead_in', probability: 5 },
        { stage: 'tender', probability: 40 },
        { stage: 'contract_review', probability: 90 },
      ],
    });
  });

  it.each([
    [{ stages: [] }, { field: 'pipeline.stages', reason: 'required' }],
    [
      { stages: Array.from({ length: 21 }, (_, i) => ({ stage: `s${i}`, probability: 10 })) },
      { field: 'pipeline.stages', reason: 'too_many', limit: 20 },
    ],
    [
      { stages: [{ stage: 'Proposal', probability: 50 }] },
      { field: 'pipeline.stages[0].stage', reason: 'malformed' },
    ],
    [
      { stages: [{ stage: 'won', probability: 100 }] },
      { field: 'pipeline.stages[0].stage', reason: 'reserved', value: 'won' },
    ],
    [
      {
        stages: [
          { stage: 'proposal', probability: 50 },
          { stage: 'proposal', probability: 60 },
        ],
      },
      { field: 'pipeline.stages[1].stage', reason: 'duplicate', value: 'proposal' },
    ],
    [
      { stages: [{ stage: 'proposal', probability: 50.5 }] },
      { field: 'pipeline.stages[0].probability', reason: 'out_of_range' },
    ],
    [
      { stages: [{ stage: 'proposal', probability: 101 }] },
      { field: 'pipeline.stages[0].probability', reason: 'out_of_range' },
    ],
  ])('refuses a bad pipeline: %j', (change, expected) => {
    expect(details(() => normalisePipeline({ pipelineId: 'p', ...change }))).toMatchObject({
      code: 'INVALID_FIELD',
      ...expected,
    });
  });

  it('finds an open stage, refusing closing and unknown ones', () => {
    expect(requireOpenStage(defaultPipeline, 'proposal')).toEqual({
      stage: 'proposal',
      probability: 50,
    });
    expect(details(() => requireOpenStage(defaultPipeline, 'lost'))).toEqual({
      code: 'CLOSING_STAGE_NOT_ALLOWED',
      stage: 'lost',
    });
    expect(details(() => requireOpenStage(defaultPipeline, 'closing'))).toEqual({
      code: 'UNKNOWN_STAGE',
      stage: 'closing',
      stages: ['qualification', 'needs_analysis', 'proposal', 'negotiation'],
    });
  });

  it('knows the probability of every stage, closing ones included', () => {
    expect(probabilityOf(defaultPipeline, 'negotiation')).toBe(80);
    expect(probabilityOf(defaultPipeline, 'won')).toBe(100);
    expect(probabilityOf(defaultPipeline, 'lost')).toBe(0);
    expect(probabilityOf(defaultPipeline, 'unknown')).toBe(0);
  });
});
