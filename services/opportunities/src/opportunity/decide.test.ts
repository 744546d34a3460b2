// What every command says about opportunities it cannot act on. The outcomes of each command are
// specified beside it, in commands/*.test.ts.
import { fold } from '@crm/decider';
import { specification } from '@crm/decider/testing';
import { describe, expect, it } from 'vitest';
import { opportunityDecider, decide, type OpportunityCommand } from './decide.ts';
import {
  aCommand,
  aLoss,
  anOpenedOpportunity,
  anOpenedOpportunityWithoutLines,
  aWin,
  ids,
  now,
} from './fixtures.ts';

const { given } = specification(opportunityDecider);

/** Every command that needs an open opportunity, each valid in itself. */
const commandsOnOpen: OpportunityCommand[] = [
  aCommand('ChangeStage', { stage: 'proposal' }),
  aCommand('UpdateLineItems', {
    lineItems: [
      { lineId: 'l-9', productId: 'SVC-1', productName: '安装', quantity: 1, unitPrice: '800' },
    ],
  }),
  aCommand('UpdateAmount', { amount: '1000' }),
  aCommand('ChangeExpectedClose', { expectedCloseDate: '2026-05-31' }),
  aCommand('NoteCompetitor', { name: '本地厂商' }),
  aCommand('AssignOwner', { ownerId: ids.otherRep }),
];
const closing: OpportunityCommand[] = [
  aCommand('WinOpportunity', { actualAmount: '1000' }),
  aCommand('LoseOpportunity', { reason: 'timing' }),
];
const reopen = aCommand('ReopenOpportunity', { reason: '重开', actorRoles: ['sales_manager'] });
const name = (command: OpportunityCommand) => [command.type, command] as const;

describe('commands on an opportunity that cannot take them', () => {
  it.each([...commandsOnOpen, ...closing, reopen].map(name))(
    '%s: OPPORTUNITY_NOT_FOUND before it is opened',
    (_, command) => {
      given().when(command).thenThrows('OPPORTUNITY_NOT_FOUND', { opportunityId: ids.opportunity });
    },
  );

  it.each(commandsOnOpen.map(name))('%s: OPPORTUNITY_CLOSED once won', (_, command) => {
    given(anOpenedOpportunity(), aWin())
      .when(command)
      .thenThrows('OPPORTUNITY_CLOSED', { opportunityId: ids.opportunity, status: 'won' });
  });

  it.each(commandsOnOpen.map(name))('%s: OPPORTUNITY_CLOSED once lost', (_, command) => {
    given(anOpenedOpportunity(), aLoss())
      .when(command)
      .thenThrows('OPPORTUNITY_CLOSED', { opportunityId: ids.opportunity, status: 'lost' });
  });

  it.each(commandsOnOpen.map(name))('%s: accepted again after a reopen', (_, command) => {
    const reopened = {
      type: 'OpportunityReopened',
      data: {
        opportunityId: ids.opportunity,
        reason: '重开',
        stage: 'negotiation',
        probability: 80,
        previousStatus: 'lost',
      },
    } as const;
    const state = fold(opportunityDecider, [anOpenedOpportunityWithoutLines(), aLoss(), reopened]);
    const events = decide(command, state);
    expect(events).toHaveLength(1);
  });
});

describe('decide', () => {
  it('refuses a command it does not know, even from untyped input', () => {
    const unknown = { type: 'DeleteOpportunity', opportunityId: ids.opportunity, at: now } as never;
    expect(() => decide(unknown, opportunityDecider.initialState)).toThrow(TypeError);
  });
});
