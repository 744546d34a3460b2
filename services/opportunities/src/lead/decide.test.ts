// What every command says about leads it cannot act on. The outcomes of each command are
// specified beside it, in commands/*.test.ts.
import { specification } from '@crm/decider/testing';
import { describe, expect, it } from 'vitest';
import { leadDecider, decide, type LeadCommand } from './decide.ts';
import {
  aCapture,
  aCommand,
  aLeadCaptured,
  aLeadConverted,
  asManager,
  asOtherRep,
  asSystem,
  disqualified,
  ids,
  now,
  qualified,
} from './fixtures.ts';

const { given } = specification(leadDecider);

/** Commands a sales rep may send for a lead they own, each valid in itself. */
const ownerCommands: LeadCommand[] = [
  aCommand('ReleaseLead', { reason: '客户暂无预算' }),
  aCommand('UpdateFollowUpStatus', { status: 'first_contact' }),
  aCommand('ScheduleFollowUp', { taskId: ids.task, dueAt: '2026-03-03T06:00:00Z' }),
  aCommand('CompleteFollowUp', { taskId: ids.task }),
  aCommand('LogLeadActivity', {
    activityId: ids.activity,
    kind: 'call',
    occurredAt: now,
    summary: '电话沟通',
  }),
  aCommand('QualifyLead', {}),
  aCommand('DisqualifyLead', { reason: 'no_need' }),
  aCommand('ConvertLead', {
    opportunityId: 'opp-9999',
    customer: { newCustomerId: ids.newCustomer },
  }),
];

/** Every command that needs a lead still being worked. */
const activeCommands: LeadCommand[] = [
  ...ownerCommands,
  aCommand('AssignLead', { ...asSystem, ownerId: ids.salesRep, rule: 'round_robin' }),
  aCommand('ReassignLead', { ...asManager, ownerId: ids.otherRep }),
  aCommand('ClaimLead', { openClaims: 0, claimLimit: 20 }),
  aCommand('ReturnLeadToPool', { ...asSystem, reason: 'no_follow_up', followUpWithinHours: 72 }),
  aCommand('MoveLeadToPool', { ...asManager, poolId: ids.otherPool }),
];

const conversionCommands: LeadCommand[] = [
  aCommand('RecordCustomerRegistrationOutcome', {
    ...asSystem,
    customerId: ids.newCustomer,
    outcome: { status: 'registered' },
  }),
  aCommand('LinkLeadToExistingCustomer', { customerId: ids.existingCustomer }),
];

const named = (commands: LeadCommand[]) =>
  commands.map((command) => [command.type, command] as const);

describe('commands on a lead that cannot take them', () => {
  it.each(named([...activeCommands, ...conversionCommands]))(
    '%s: LEAD_NOT_FOUND before capture',
    (_, command) => {
      given().when(command).thenThrows('LEAD_NOT_FOUND', { leadId: ids.lead });
    },
  );

  it.each(named(activeCommands))('%s: LEAD_CONVERTED once converted', (_, command) => {
    given(aLeadCaptured(), qualified, aLeadConverted()).when(command).thenThrows('LEAD_CONVERTED', {
      opportunityId: ids.opportunity,
      customerId: ids.newCustomer,
    });
  });

  it.each(
    named([...activeCommands, ...conversionCommands].filter((c) => c.type !== 'DisqualifyLead')),
  )('%s: LEAD_DISQUALIFIED once disqualified', (_, command) => {
    given(aLeadCaptured(), disqualified)
      .when(command)
      .thenThrows('LEAD_DISQUALIFIED', { reason: 'no_budget' });
  });

  it.each(named(ownerCommands))('%s: NOT_LEAD_OWNER for another rep', (_, command) => {
    given(aLeadCaptured(), qualified)
      .when({ ...command, ...asOtherRep })
      .thenThrows('NOT_LEAD_OWNER', { leadId: ids.lead, ownerId: ids.salesRep });
  });

  it('CaptureLead: LEAD_ALREADY_CAPTURED whatever became of the lead', () => {
    given(aLeadCaptured(), disqualified).when(aCapture()).thenThrows('LEAD_ALREADY_CAPTURED');
  });
});

describe('decide', () => {
  it('refuses a command it does not know, even from untyped input', () => {
    const unknown = { type: 'DeleteLead', leadId: ids.lead, at: now } as never;
    expect(() => decide(unknown, leadDecider.initialState)).toThrow(TypeError);
  });
});
