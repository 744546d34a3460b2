// The opportunity use cases as the API and the lead conversion call them: the decider behind the
// generic command handler, with the team and the configured pipeline filled in here.
import type { SalesDeps } from '../sales-deps.ts';
import { opportunityStreamId } from '../streams.ts';
import { customerChangeRoles } from './commands/change-customer.ts';
import type { OpenOpportunity } from './commands/open-opportunity.ts';
import { opportunityDecider, type OpportunityCommand } from './decide.ts';
import type { OpportunityState, Pipeline } from './opportunity.ts';
import { shanghaiDate } from './rules/dates.ts';
import { defaultPipeline } from './rules/pipeline.ts';
import {
  loadStream,
  runCommand,
  teamIdOf,
  type InputOf,
  type Loaded,
  type SalesContext,
  type WriteResult,
} from './sales-command.ts';

export type { SalesContext, WriteResult } from './sales-command.ts';

/** The service's dependencies plus the tenant's pipeline (defaultPipeline when absent). */
export type OpportunityDeps = SalesDeps & { pipeline?: Pipeline };

export type OpportunityCommandInput = InputOf<OpportunityCommand, 'opportunityId'>;

/** What opening takes: the team follows the owner (deps.teams), the pipeline the configuration. */
export type OpenOpportunityInput = Omit<
  OpenOpportunity,
  'type' | 'opportunityId' | 'at' | 'actor' | 'team' | 'pipeline'
> & { team?: string };

/** Every command but opening and the customer change; ReopenOpportunity's roles come from the context. */
export type OpportunityChange =
  | Exclude<
      OpportunityCommandInput,
      { type: 'OpenOpportunity' } | { type: 'ReopenOpportunity' } | { type: 'ChangeCustomer' }
    >
  | Omit<Extract<OpportunityCommandInput, { type: 'ReopenOpportunity' }>, 'actorRoles'>;

/** A converted lead's opportunity, as the lead application asks for it. */
export interface ConvertedLeadOpportunity {
  opportunityId: string;
  leadId: string;
  customerId: string;
  ownerId: string;
  teamId?: string;
  name: string;
  sourceCampaignId?: string;
  amount?: string;
  currency?: string;
  /** YYYY-MM-DD; CONVERTED_CLOSE_DAYS after today (Asia/Shanghai) when absent. */
  expectedCloseDate?: string;
}

/** A converted lead linked to an existing customer after its registration was refused. */
export interface LinkedLeadCustomer {
  opportunityId: string;
  leadId: string;
  customerId: string;
}

/** How far out a converted lead's deal is expected to close when nobody said. */
export const CONVERTED_CLOSE_DAYS = 90;

export interface OpportunitiesApplication {
  /** The pipeline new opportunities start with. */
  readonly pipeline: Pipeline;
  /**
   * Opens an opportunity. Opening again an id opened from the same lead changes nothing (so a
   * replayed conversion is safe); any other taken id is OPPORTUNITY_ALREADY_OPENED.
   */
  open(
    opportunityId: string,
    input: OpenOpportunityInput,
    context: SalesContext,
  ): Promise<WriteResult>;
  /** open() for a lead conversion: idempotent per lead, close date defaulted. */
  openConverted(request: ConvertedLeadOpportunity, context: SalesContext): Promise<WriteResult>;
  /**
   * Moves the lead's deal to the customer the lead was linked to, as the system on behalf of the
   * context's actor. Safe to repeat; a deal not opened yet is left alone (it opens with that customer).
   */
  relinkConverted(request: LinkedLeadCustomer, context: SalesContext): Promise<WriteResult>;
  execute(
    opportunityId: string,
    input: OpportunityChange,
    context: SalesContext,
    expectedRevision?: number,
  ): Promise<WriteResult>;
  load(opportunityId: string): Promise<Loaded<OpportunityState>>;
}

export function opportunitiesApplication(deps: OpportunityDeps): OpportunitiesApplication {
  const { eventStore: store, clock } = deps;
  const pipeline = deps.pipeline ?? defaultPipeline;
  const load = (opportunityId: string) =>
    loadStream(store, opportunityDecider, opportunityStreamId(opportunityId));
  const run = (
    opportunityId: string,
    input: OpportunityCommandInput,
    context: SalesContext,
    expectedRevision?: number,
  ) =>
    runCommand({
      store,
      decider: opportunityDecider,
      streamId: opportunityStreamId(opportunityId),
      id: opportunityId,
      command: { ...input, opportunityId, at: clock().toISOString(), actor: context.actor },
      context,
      expectedRevision,
    });

  const open: OpportunitiesApplication['open'] = async (opportunityId, input, context) => {
    if (input.leadId !== undefined) {
      const existing = await load(opportunityId);
      if (existing.state.status !== 'unopened' && existing.state.leadId === input.leadId) {
        return { id: opportunityId, revision: existing.revision, position: null, changed: false };
      }
    }
    const { team, ...rest } = input;
    return run(
      opportunityId,
      {
        type: 'OpenOpportunity',
        ...rest,
        team: team ?? teamIdOf(deps.teams, input.ownerId),
        pipeline,
      },
      context,
    );
  };

  return {
    pipeline,
    load,
    open,
    openConverted: (request, context) => {
      const { opportunityId, teamId, expectedCloseDate, ...rest } = request;
      const today = Date.parse(`${shanghaiDate(clock().toISOString())}T00:00:00Z`);
      const closeBy = new Date(today + CONVERTED_CLOSE_DAYS * 86_400_000)
        .toISOString()
        .slice(0, 10);
      return open(
        opportunityId,
        {
          ...rest,
          expectedCloseDate: expectedCloseDate ?? closeBy,
          ...(teamId !== undefined && { team: teamId }),
        },
        context,
      );
    },
    relinkConverted: async ({ opportunityId, leadId, customerId }, context) => {
      const existing = await load(opportunityId);
      if (existing.state.status === 'unopened') {
        return { id: opportunityId, revision: existing.revision, position: null, changed: false };
      }
      const reason = 'lead_linked_to_existing_customer';
      const command = { type: 'ChangeCustomer', customerId, leadId, reason } as const;
      return run(opportunityId, { ...command, actorRoles: customerChangeRoles }, context);
    },
    execute: (opportunityId, input, context, expectedRevision) =>
      run(
        opportunityId,
        input.type === 'ReopenOpportunity'
          ? { ...input, actorRoles: context.actorRoles ?? [] }
          : input,
        context,
        expectedRevision,
      ),
  };
}
