// Fixed ids, a fixed clock and builders of typical events and commands for opportunity tests. Every
// builder takes overrides, so a test states only what matters to it.
import type { OpportunityCommandBase } from './commands/command.ts';
import type { OpenOpportunity } from './commands/open-opportunity.ts';
import type { OpportunityCommand } from './decide.ts';
import type { OpportunityOpened, OpportunityWon, OpportunityLost } from './opportunity.ts';
import { defaultPipeline } from './rules/pipeline.ts';

export const ids = {
  opportunity: 'opp-1001',
  customer: 'cus-1001',
  salesRep: 'usr-li-na',
  otherRep: 'usr-chen-jie',
  manager: 'usr-zhang-wei',
  team: 'team-south',
  otherTeam: 'team-east',
  campaign: 'cmp-2026-expo',
  lead: 'lead-5005',
} as const;

/** The clock of every test: Monday 2 March 2026, 09:30 in Shanghai. */
export const now = '2026-03-02T01:30:00.000Z';

export const aLineItem = {
  lineId: 'l-1',
  productId: 'SKU-CNC-200',
  productName: '数控机床 CNC-200',
  quantity: 2,
  unitPrice: '50000.00',
  discountPercent: 10,
  netAmount: '90000.00',
} as const;

type Opening = OpportunityOpened['data'];

/** A CNC machine deal with one line item, opened at qualification by the sales rep. */
export const anOpenedOpportunity = (overrides: Partial<Opening> = {}): OpportunityOpened => ({
  type: 'OpportunityOpened',
  data: {
    opportunityId: ids.opportunity,
    customerId: ids.customer,
    name: '深圳示例科技 数控机床采购',
    ownerId: ids.salesRep,
    team: ids.team,
    amount: { amount: '90000.00', currency: 'CNY' },
    lineItems: [aLineItem],
    expectedCloseDate: '2026-04-30',
    stage: 'qualification',
    probability: 10,
    pipeline: defaultPipeline,
    sourceCampaignId: ids.campaign,
    ...overrides,
  },
});

/** The same deal, opened with an amount and no line items. */
export const anOpenedOpportunityWithoutLines = (overrides: Partial<Opening> = {}) =>
  anOpenedOpportunity({
    lineItems: [],
    amount: { amount: '200000.00', currency: 'CNY' },
    ...overrides,
  });

export const aWin = (overrides: Partial<OpportunityWon['data']> = {}): OpportunityWon => ({
  type: 'OpportunityWon',
  data: {
    opportunityId: ids.opportunity,
    customerId: ids.customer,
    ownerId: ids.salesRep,
    team: ids.team,
    amount: { amount: '88000.00', currency: 'CNY' },
    stage: 'qualification',
    sourceCampaignId: ids.campaign,
    closedAt: now,
    ...overrides,
  },
});

export const aLoss = (overrides: Partial<OpportunityLost['data']> = {}): OpportunityLost => ({
  type: 'OpportunityLost',
  data: {
    opportunityId: ids.opportunity,
    customerId: ids.customer,
    ownerId: ids.salesRep,
    team: ids.team,
    reason: 'price',
    stage: 'qualification',
    closedAt: now,
    ...overrides,
  },
});

type CommandOf<Type> = Extract<OpportunityCommand, { type: Type }>;
type CommandFields<Type> = Omit<CommandOf<Type>, 'type' | keyof OpportunityCommandBase> &
  Partial<OpportunityCommandBase>;

/** A command for the fixture opportunity, issued now by the sales rep. */
export const aCommand = <Type extends OpportunityCommand['type']>(
  type: Type,
  fields: CommandFields<Type>,
): CommandOf<Type> =>
  ({
    type,
    opportunityId: ids.opportunity,
    at: now,
    actor: ids.salesRep,
    ...fields,
  }) as CommandOf<Type>;

/** Opening the fixture deal, as the sales rep would send it. */
export const anOpening = (overrides: Partial<OpenOpportunity> = {}): OpenOpportunity =>
  aCommand('OpenOpportunity', {
    customerId: ids.customer,
    name: '深圳示例科技 数控机床采购',
    ownerId: ids.salesRep,
    team: ids.team,
    lineItems: [
      {
        lineId: 'l-1',
        productId: 'SKU-CNC-200',
        productName: '数控机床 CNC-200',
        quantity: 2,
        unitPrice: '50000',
        discountPercent: 10,
      },
    ],
    expectedCloseDate: '2026-04-30',
    pipeline: defaultPipeline,
    sourceCampaignId: ids.campaign,
    ...overrides,
  });
