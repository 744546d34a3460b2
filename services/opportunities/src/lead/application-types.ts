// The lead application's vocabulary: the context a caller acts in, the inputs it sends, what a
// write answers, and the use cases it offers (implemented in application.ts).
import type { CustomerKind, LeadReturnReason } from '@crm/contracts';
import type { CommandContext } from '@crm/event-processing';
import type { AutomaticRule } from '../pools/assignment.ts';
import type { LeadPool, LeadPools } from '../pools/lead-pools.ts';
import type { CaptureLead } from './commands/capture-lead.ts';
import type { LeadActorRole } from './commands/command.ts';
import type { LeadCommand } from './decide.ts';
import type { LeadState } from './lead.ts';

/** Who acts, and as what: admin and sales_manager act as 'sales_manager', automation as 'system'. */
export type LeadContext = CommandContext & { actorRole: LeadActorRole };

export type Base = 'leadId' | 'at' | 'actor' | 'actorRole';
export type Without<C> = C extends unknown ? Omit<C, Base> : never;
type Special = 'CaptureLead' | 'ClaimLead' | 'ReturnLeadToPool' | 'ConvertLead';

/**
 * Commands as callers send them. A claim's open claims and limit, and a return's follow-up window,
 * are filled in here from the pool; capture and convert have their own methods.
 */
export type LeadCommandInput =
  | Without<Exclude<LeadCommand, { type: Special }>>
  | { type: 'ClaimLead' }
  | { type: 'ReturnLeadToPool'; reason: LeadReturnReason };

/** Capture as callers send it: the pool defaults by region or team; a matching customer is looked up. */
export type LeadCaptureInput = Omit<
  CaptureLead,
  Base | 'type' | 'poolId' | 'matchingCustomerId'
> & {
  poolId?: string;
};

export interface LeadConversionInput {
  /** Generated when absent; give one to make a retried conversion idempotent. */
  opportunityId?: string;
  /** Link this customer; absent: ask the customers service to register one (id from the lead id). */
  existingCustomerId?: string;
  kind?: CustomerKind;
  opportunity?: { name?: string; amount?: string; currency?: string; expectedCloseDate?: string };
}

export interface WriteResult {
  id: string;
  /** The stream revision after the write: pass as If-Match, or as waitForRevision to read it. */
  revision: number;
  /** Global position of the last event written (null when nothing changed). */
  position: number | null;
  changed: boolean;
}

/** What opening the converted lead's opportunity needs (wired to the opportunity application). */
export interface ConvertedOpportunity {
  opportunityId: string;
  leadId: string;
  customerId: string;
  ownerId: string;
  teamId: string;
  name: string;
  sourceCampaignId?: string;
  amount?: string;
  currency?: string;
  expectedCloseDate?: string;
}
export type OpenOpportunity = (
  request: ConvertedOpportunity,
  context: LeadContext,
) => Promise<void>;

/** Points a converted lead's opportunity at the customer the lead was linked to. */
export type RelinkOpportunity = (
  request: { opportunityId: string; leadId: string; customerId: string },
  context: CommandContext,
) => Promise<void>;

export interface LeadsApplication {
  readonly pools: LeadPools;
  capture(leadId: string, input: LeadCaptureInput, context: LeadContext): Promise<WriteResult>;
  execute(
    leadId: string,
    input: LeadCommandInput,
    context: LeadContext,
    expectedRevision?: number,
  ): Promise<WriteResult>;
  convert(
    leadId: string,
    input: LeadConversionInput,
    context: LeadContext,
    expectedRevision?: number,
  ): Promise<WriteResult & { opportunityId: string; customerId: string }>;
  /** Hands a lead waiting in its pool to the rep a rule chooses; ownerId null: nobody eligible. */
  assignByRule(
    leadId: string,
    rule: AutomaticRule,
    context: LeadContext,
  ): Promise<WriteResult & { ownerId: string | null }>;
  load(leadId: string): Promise<{ state: LeadState; revision: number }>;
}

export interface LeadsOptions {
  /** Default: one pool per team (`pool-<teamId>`). */
  pools?: readonly LeadPool[];
  /** Opens the converted lead's opportunity; absent, conversion records the lead side only. */
  openOpportunity?: OpenOpportunity;
  /** Re-points it when a blocked conversion is linked to an existing customer. */
  relinkOpportunity?: RelinkOpportunity;
}
