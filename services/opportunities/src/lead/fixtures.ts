// Fixed ids, a fixed clock and builders of typical events and commands for lead tests. Every
// builder takes overrides, so a test states only what matters to it.
import type { CustomerRegistrationRequest } from '@crm/contracts';
import type { CaptureLead } from './commands/capture-lead.ts';
import type { LeadCommandBase } from './commands/command.ts';
import type { LeadCaptured, LeadConverted, LeadEvent } from './events.ts';
import type { LeadCommand } from './decide.ts';

export const ids = {
  lead: 'lead-1001',
  pool: 'pool-south-china',
  otherPool: 'pool-east-china',
  salesRep: 'usr-li-na',
  otherRep: 'usr-wang-qiang',
  manager: 'usr-zhang-wei',
  system: 'system:lead-recycler',
  opportunity: 'opp-2002',
  /** The customer id the application derives from the lead id. */
  newCustomer: 'cus-lead-1001',
  existingCustomer: 'cus-0042',
  task: 'task-3003',
  activity: 'act-4004',
  campaign: 'cmp-5005',
} as const;

/** The clock of every test: Monday 2 March 2026, 09:30 in Shanghai. */
export const now = '2026-03-02T01:30:00.000Z';

/** A time `hours` before (negative: after) the clock of every test. */
export const hoursAgo = (hours: number): string =>
  new Date(Date.parse(now) - hours * 3_600_000).toISOString();

const lead = { leadId: ids.lead };

/** A lead from an exhibition, captured by the sales rep who owns it. */
export const aLeadCaptured = (overrides: Partial<LeadCaptured['data']> = {}): LeadCaptured => ({
  type: 'LeadCaptured',
  data: {
    ...lead,
    name: '李雷',
    company: '深圳示例科技有限公司',
    phones: ['+8613812345678'],
    emails: ['li.lei@example.cn'],
    source: 'exhibition',
    campaignId: ids.campaign,
    region: { province: '广东省', city: '深圳市' },
    industry: 'manufacturing',
    poolId: ids.pool,
    ownerId: ids.salesRep,
    capturedBy: ids.salesRep,
    capturedAt: now,
    ...overrides,
  },
});

/** A lead waiting in its pool. */
export const aPooledLead = (overrides: Partial<LeadCaptured['data']> = {}): LeadCaptured =>
  aLeadCaptured({ ownerId: null, capturedBy: ids.system, ...overrides });

export const qualified: LeadEvent = {
  type: 'LeadQualified',
  data: { ...lead, qualifiedBy: ids.salesRep },
};

export const disqualified: LeadEvent = {
  type: 'LeadDisqualified',
  data: { ...lead, reason: 'no_budget', disqualifiedBy: ids.salesRep },
};

/** What the fixture lead asks the customers service to register. */
export const aRegistrationRequest = (
  overrides: Partial<CustomerRegistrationRequest> = {},
): CustomerRegistrationRequest => ({
  customerId: ids.newCustomer,
  kind: 'company',
  profile: {
    name: '深圳示例科技有限公司',
    address: { country: 'CN', province: '广东省', city: '深圳市' },
    industry: 'manufacturing',
  },
  phones: ['+8613812345678'],
  emails: ['li.lei@example.cn'],
  source: 'lead_conversion',
  lifecycleStage: 'prospect',
  ownerId: ids.salesRep,
  ...overrides,
});

/** The fixture lead converted, asking for a new customer. */
export const aLeadConverted = (overrides: Partial<LeadConverted['data']> = {}): LeadConverted => ({
  type: 'LeadConverted',
  data: {
    ...lead,
    opportunityId: ids.opportunity,
    customerId: ids.newCustomer,
    customerRegistration: aRegistrationRequest(),
    ownerId: ids.salesRep,
    campaignId: ids.campaign,
    convertedBy: ids.salesRep,
    ...overrides,
  },
});

export const conversionBlocked: LeadEvent = {
  type: 'LeadConversionBlocked',
  data: {
    ...lead,
    customerId: ids.newCustomer,
    reason: 'DUPLICATE_CONTACT',
    existingCustomerId: ids.existingCustomer,
  },
};

type CommandOf<Type> = Extract<LeadCommand, { type: Type }>;
type CommandFields<Type> = Omit<CommandOf<Type>, 'type' | keyof LeadCommandBase> &
  Partial<LeadCommandBase>;

/** A command for the fixture lead, issued now by the sales rep who owns it. */
export const aCommand = <Type extends LeadCommand['type']>(
  type: Type,
  fields: CommandFields<Type>,
): CommandOf<Type> =>
  ({
    type,
    leadId: ids.lead,
    at: now,
    actor: ids.salesRep,
    actorRole: 'sales_rep',
    ...fields,
  }) as CommandOf<Type>;

export const asManager = { actor: ids.manager, actorRole: 'sales_manager' } as const;
export const asOtherRep = { actor: ids.otherRep, actorRole: 'sales_rep' } as const;
export const asSystem = { actor: ids.system, actorRole: 'system' } as const;

/** Capturing the fixture lead, as a sales rep would type it at an exhibition. */
export const aCapture = (overrides: Partial<CaptureLead> = {}): CaptureLead =>
  aCommand('CaptureLead', {
    name: '李雷',
    phones: ['138 1234 5678'],
    emails: [],
    source: 'exhibition',
    poolId: ids.pool,
    ...overrides,
  });
