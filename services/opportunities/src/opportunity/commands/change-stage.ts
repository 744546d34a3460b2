import type { OpportunityEvent, OpportunityState } from '../opportunity.ts';
import { requireOpenStage } from '../rules/pipeline.ts';
import { requireOpen } from '../rules/status.ts';
import type { OpportunityCommandBase } from './command.ts';

/** Forward or back among the open stages; won and lost have their own commands. */
export interface ChangeStage extends OpportunityCommandBase {
  type: 'ChangeStage';
  stage: string;
}

export function changeStage(command: ChangeStage, state: OpportunityState): OpportunityEvent[] {
  const opportunity = requireOpen(state, command.opportunityId);
  const { stage, probability } = requireOpenStage(opportunity.pipeline, command.stage);
  if (stage === opportunity.stage) return [];
  return [
    {
      type: 'StageChanged',
      data: {
        opportunityId: opportunity.opportunityId,
        stage,
        previousStage: opportunity.stage,
        probability,
      },
    },
  ];
}
