// The lead use cases as the API, the CSV import, the recycler and the customers feed call them: the
// decider behind the generic command handler, plus the facts only the application can look up (a
// matching customer, the pool's limits, a rep's open claims, the assignment rotation).
import { randomUUID } from 'node:crypto';
import { customerIdForLead } from '@crm/contracts';
import { fold } from '@crm/decider';
import { handleCommand } from '@crm/event-processing';
import { chooseAssignee } from '../pools/assignment.ts';
import { countOpenClaims } from '../pools/open-claims.ts';
import { leadPools, poolsForTeams, type LeadPool } from '../pools/lead-pools.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { leadStreamId } from '../streams.ts';
import type { CaptureLead } from './commands/capture-lead.ts';
import type {
  LeadContext,
  LeadsApplication,
  LeadsOptions,
  Without,
  WriteResult,
} from './application-types.ts';
import { leadDecider, type LeadCommand } from './decide.ts';
import { leadError } from './errors.ts';
import type { LeadEvent } from './events.ts';
import { initialState, type LeadState } from './lead.ts';
import { loadLeadView } from './lead-history.ts';

export type {
  ConvertedOpportunity,
  LeadCaptureInput,
  LeadCommandInput,
  LeadContext,
  LeadConversionInput,
  LeadsApplication,
  LeadsOptions,
  OpenOpportunity,
  WriteResult,
} from './application-types.ts';

const FRESH_MS = 5_000;

export function leadsApplication(deps: SalesDeps, options: LeadsOptions = {}): LeadsApplication {
  const { eventStore: store, clock, customers, projector } = deps;
  const pools = leadPools(options.pools ?? poolsForTeams(deps.teams), deps.teams);
  const load = async (leadId: string) => {
    const events = await store.readStream(leadStreamId(leadId));
    const state = fold(
      leadDecider,
      events.map((e) => ({ type: e.type, data: e.data }) as LeadEvent),
    );
    return { state, revision: events.length - 1 };
  };
  // Counts and the rotation come from read models: let them catch up with the log first.
  const fresh = async () => {
    await projector.waitForPosition(await store.headPosition(), FRESH_MS);
  };
  const poolOf = (state: LeadState): LeadPool => {
    const poolId = 'poolId' in state ? state.poolId : undefined;
    return (poolId === undefined ? undefined : pools.pool(poolId)) ?? pools.defaultPool({});
  };
  const run = async (
    leadId: string,
    input: Without<LeadCommand>,
    context: LeadContext,
    expectedRevision?: number,
  ): Promise<WriteResult> => {
    const command: LeadCommand = {
      ...input,
      leadId,
      at: clock().toISOString(),
      actor: context.actor,
      actorRole: context.actorRole,
    };
    const { actorRole: _role, ...commandContext } = context;
    const result = await handleCommand({
      store,
      decider: leadDecider,
      streamId: leadStreamId(leadId),
      command,
      context: commandContext,
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
    });
    const changed = result.events.length > 0;
    return { id: leadId, revision: result.revision, position: result.position, changed };
  };

  const execute: LeadsApplication['execute'] = async (leadId, input, context, expected) => {
    if (input.type === 'ClaimLead') {
      const { state } = await load(leadId);
      await fresh();
      const openClaims = await countOpenClaims(deps.documentStore, context.actor);
      const claimLimit = poolOf(state).claimLimit;
      return run(leadId, { ...input, openClaims, claimLimit }, context, expected);
    }
    if (input.type === 'ReturnLeadToPool') {
      const { state } = await load(leadId);
      const followUpWithinHours = poolOf(state).recycleAfterHours;
      return run(leadId, { ...input, followUpWithinHours }, context, expected);
    }
    if (input.type === 'LinkLeadToExistingCustomer') {
      const write = await run(leadId, input, context, expected);
      await relinkOpportunity(leadId, context);
      return write;
    }
    return run(leadId, input, context, expected);
  };

  // On every link, not only the first: a retry after a crash between the two writes, or a repeated
  // link (a no-op on the lead), still moves the deal; the opportunity makes a repeat a no-op.
  const relinkOpportunity = async (leadId: string, context: LeadContext) => {
    const { state } = await load(leadId);
    if (state.status !== 'converted' || state.progress !== 'completed') return;
    const { actorRole: _role, ...salesContext } = context;
    const { opportunityId, customerId } = state;
    await options.relinkOpportunity?.({ opportunityId, leadId, customerId }, salesContext);
  };

  return {
    pools,
    load,
    execute,
    capture: async (leadId, input, context) => {
      const existing = await load(leadId);
      const matching = await customers.findByContact(input.phones, input.emails);
      const poolId =
        input.poolId ??
        pools.defaultPool({
          ...(input.region && { province: input.region.province }),
          actorId: context.actor,
        }).id;
      const command = {
        type: 'CaptureLead' as const,
        ...input,
        poolId,
        ...(matching !== null && { matchingCustomerId: matching }),
      };
      if (existing.revision >= 0) return sameCapture(leadId, command, context, existing.revision);
      return run(leadId, command, context);
    },
    convert: async (leadId, input, context, expectedRevision) => {
      const { state } = await load(leadId);
      // A conversion already made answers with what it made (a retry, or a second click).
      const opportunityId =
        input.opportunityId ?? (state.status === 'converted' ? state.opportunityId : randomUUID());
      const customer =
        input.existingCustomerId === undefined
          ? { newCustomerId: customerIdForLead(leadId), ...(input.kind && { kind: input.kind }) }
          : { existingCustomerId: input.existingCustomerId };
      const write = await run(
        leadId,
        { type: 'ConvertLead', opportunityId, customer },
        context,
        expectedRevision,
      );
      const lead = await loadLeadView(store, leadId);
      if (lead?.conversion === undefined) throw new Error(`lead ${leadId} did not convert`);
      const { customerId } = lead.conversion;
      // Every time, not only the first: opening is idempotent per lead, so a conversion whose
      // opportunity failed to open (a crash, a refusal) is completed by the retry.
      await options.openOpportunity?.(
        {
          opportunityId,
          leadId,
          customerId,
          ownerId: lead.ownerId ?? context.actor,
          teamId: (pools.pool(lead.poolId) ?? pools.defaultPool({})).teamId,
          name: input.opportunity?.name ?? lead.company ?? lead.name,
          ...(lead.campaignId !== undefined && { sourceCampaignId: lead.campaignId }),
          ...input.opportunity,
        },
        context,
      );
      return { ...write, opportunityId, customerId };
    },
    assignByRule: async (leadId, rule, context) => {
      const { state } = await load(leadId);
      if (state.status === 'uncaptured') {
        throw leadError('LEAD_NOT_FOUND', `no lead ${leadId}`, { leadId });
      }
      await fresh();
      const ownerId = await chooseAssignee(deps, poolOf(state), state, rule);
      if (ownerId === undefined) {
        const { revision } = await load(leadId);
        return { id: leadId, revision, position: null, changed: false, ownerId: null };
      }
      return { ...(await run(leadId, { type: 'AssignLead', ownerId, rule }, context)), ownerId };
    },
  };

  // Capturing an id again with the same content is a retry (200, nothing changed); else 409.
  async function sameCapture(
    leadId: string,
    command: Without<CaptureLead>,
    context: LeadContext,
    revision: number,
  ): Promise<WriteResult> {
    const [first] = await store.readStream(leadStreamId(leadId), { maxCount: 1 });
    const wanted = leadDecider.decide(
      {
        ...command,
        leadId,
        at: clock().toISOString(),
        actor: context.actor,
        actorRole: context.actorRole,
      },
      initialState,
    )[0];
    const comparable = (data: unknown) => {
      const {
        capturedAt: _at,
        capturedBy: _by,
        matchingCustomerId: _m,
        ...rest
      } = data as Record<string, unknown>;
      return canonical(rest);
    };
    if (first && wanted && comparable(first.data) === comparable(wanted.data)) {
      return { id: leadId, revision, position: null, changed: false };
    }
    throw leadError('LEAD_ALREADY_CAPTURED', `lead ${leadId} already exists`, { leadId });
  }
}

// Key order is not kept by every store (PostgreSQL jsonb sorts keys): compare with keys sorted.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
