// One checked row against the log: a lead that exists already is left alone (so a file can be
// imported again), a new one is captured through the same use case as POST /leads, into its pool
// unless the row names an owner, then handed out by the chosen rule. A dry run decides the
// capture without appending it. Either way a phone or e-mail of a known customer is flagged.
import { isDomainError } from '@crm/decider';
import type { LeadContext, LeadsApplication } from '../lead/application.ts';
import { leadDecider } from '../lead/decide.ts';
import { initialState } from '../lead/lead.ts';
import type { AutomaticRule } from '../pools/assignment.ts';
import type { CustomerDirectory } from '../sales-deps.ts';
import { columnOf } from './columns.ts';
import type { PreparedRow, RowError } from './prepare-row.ts';

export type ReadyRow = Extract<PreparedRow, { ok: true }>;

export type RowOutcome =
  | {
      status: 'imported' | 'unchanged';
      leadId: string;
      /** An active customer already holds one of its phones or e-mails (a possible duplicate). */
      matchingCustomerId?: string;
      /** The rep the assignment rule handed it to during this import. */
      assignedTo?: string;
    }
  | { status: 'rejected'; leadId: string; errors: RowError[] };

export interface ApplyRowDeps {
  leads: LeadsApplication;
  customers: CustomerDirectory;
  context: LeadContext;
  dryRun: boolean;
  /** Hand leads left in their pool to a rep by this rule (as the system, as POST /leads does). */
  assign?: AutomaticRule;
  clock: () => Date;
}

/** Rows with the same lead id are applied one after the other (the caller sees to it). */
export function rowApplier(deps: ApplyRowDeps): (row: ReadyRow) => Promise<RowOutcome> {
  const { leads, customers, context, dryRun, assign, clock } = deps;
  // What the rows before would have captured, since a dry run leaves no trace in the log.
  const rehearsed = new Set<string>();

  const rehearse = ({ leadId, input }: ReadyRow): void => {
    const province = input.region?.province;
    const poolId =
      input.poolId ??
      leads.pools.defaultPool({ ...(province && { province }), actorId: context.actor }).id;
    const { actor, actorRole } = context;
    const at = clock().toISOString();
    leadDecider.decide(
      { type: 'CaptureLead', ...input, poolId, leadId, at, actor, actorRole },
      initialState,
    );
    rehearsed.add(leadId);
  };

  // A lead still waiting in its pool is handed out, on a re-import too: a file imported into the
  // pools can be imported again with a rule, and a failed assignment is retried the same way.
  const handOut = async (leadId: string): Promise<{ assignedTo?: string }> => {
    if (assign === undefined || dryRun) return {};
    const { state } = await leads.load(leadId);
    if ((state.status !== 'open' && state.status !== 'qualified') || state.ownerId !== null) {
      return {};
    }
    try {
      const result = await leads.assignByRule(leadId, assign, { ...context, actorRole: 'system' });
      return result.ownerId === null ? {} : { assignedTo: result.ownerId };
    } catch (error) {
      // Claimed or assigned by someone else meanwhile: it is handed out, which is what was asked.
      if (isDomainError(error)) return {};
      throw error;
    }
  };

  return async (row) => {
    const { leadId, input } = row;
    try {
      if (input.poolId !== undefined && leads.pools.pool(input.poolId) === undefined) {
        const message = `no lead pool ${input.poolId} is configured`;
        return {
          status: 'rejected',
          leadId,
          errors: [{ field: 'poolId', code: 'UNKNOWN_POOL', message }],
        };
      }
      const matching = await customers.findByContact(input.phones, input.emails);
      const flag = matching === null ? {} : { matchingCustomerId: matching };
      const exists = rehearsed.has(leadId) || (await leads.load(leadId)).revision >= 0;
      if (exists) return { status: 'unchanged', leadId, ...flag, ...(await handOut(leadId)) };
      if (dryRun) {
        rehearse(row);
        return { status: 'imported', leadId, ...flag };
      }
      const captured = await leads.capture(leadId, input, context);
      const status = captured.changed ? 'imported' : 'unchanged';
      return { status, leadId, ...flag, ...(await handOut(leadId)) };
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal === 'unchanged') return { status: 'unchanged', leadId };
      if (refusal === undefined) throw error;
      return { status: 'rejected', leadId, errors: [refusal] };
    }
  };
}

/** The column a domain refusal is about, when its details do not name one. */
const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  INVALID_PHONE: 'phones',
  INVALID_EMAIL: 'emails',
  CONTACT_REQUIRED: 'phones',
  ROLE_NOT_ALLOWED: 'ownerId',
  NOT_LEAD_OWNER: 'ownerId',
};

/** A refusal the row's content caused; undefined for failures that are not the file's fault. */
function refusalOf(error: unknown): RowError | 'unchanged' | undefined {
  if (!isDomainError(error)) return undefined;
  // Captured by someone else between our look and our write: the same outcome as a re-run.
  if (error.code === 'LEAD_ALREADY_CAPTURED') return 'unchanged';
  const field = error.details.field;
  return {
    field: typeof field === 'string' ? columnOf(field) : (FIELD_OF_CODE[error.code] ?? ''),
    code: error.code,
    message: error.message,
  };
}
