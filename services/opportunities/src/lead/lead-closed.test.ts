// How a converted or disqualified lead is remembered: only what the commands that follow need.
import { fold } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import type { LeadEvent } from './events.ts';
import {
  aLeadCaptured,
  aLeadConverted,
  conversionBlocked,
  disqualified,
  ids,
  qualified,
} from './fixtures.ts';
import { evolve, initialState } from './lead.ts';

const lead = { initialState, evolve };
const id = { leadId: ids.lead };

describe('evolve, once the lead is closed', () => {
  it('remembers only the conversion once converted, awaiting the new customer', () => {
    expect(fold(lead, [aLeadCaptured(), qualified, aLeadConverted()])).toEqual({
      status: 'converted',
      leadId: ids.lead,
      ownerId: ids.salesRep,
      opportunityId: ids.opportunity,
      customerId: ids.newCustomer,
      requestedCustomerId: ids.newCustomer,
      progress: 'awaiting_customer',
    });
  });

  it('is complete at once when an existing customer is linked', () => {
    const converted = aLeadConverted({
      customerId: ids.existingCustomer,
      customerRegistration: null,
    });
    expect(fold(lead, [aLeadCaptured(), qualified, converted])).toMatchObject({
      customerId: ids.existingCustomer,
      requestedCustomerId: null,
      progress: 'completed',
    });
  });

  it('remembers why a conversion is blocked, and forgets it once linked', () => {
    const history: LeadEvent[] = [aLeadCaptured(), qualified, aLeadConverted(), conversionBlocked];
    expect(fold(lead, history)).toMatchObject({
      progress: 'blocked',
      blockedReason: 'DUPLICATE_CONTACT',
      existingCustomerId: ids.existingCustomer,
    });
    const linked = fold(lead, [
      ...history,
      {
        type: 'LeadLinkedToCustomer',
        data: {
          ...id,
          customerId: ids.existingCustomer,
          previousCustomerId: ids.newCustomer,
          opportunityId: ids.opportunity,
          linkedBy: ids.salesRep,
        },
      },
    ]);
    expect(linked).toEqual({
      status: 'converted',
      leadId: ids.lead,
      ownerId: ids.salesRep,
      opportunityId: ids.opportunity,
      customerId: ids.existingCustomer,
      requestedCustomerId: ids.newCustomer,
      progress: 'completed',
    });
  });

  it('completes a conversion with the registered customer', () => {
    const completed = fold(lead, [
      aLeadCaptured(),
      qualified,
      aLeadConverted(),
      {
        type: 'LeadConversionCompleted',
        data: { ...id, customerId: ids.newCustomer, opportunityId: ids.opportunity },
      },
    ]);
    expect(completed).toMatchObject({ progress: 'completed', customerId: ids.newCustomer });
  });

  it('remembers only the reason once disqualified', () => {
    expect(fold(lead, [aLeadCaptured(), disqualified])).toEqual({
      status: 'disqualified',
      leadId: ids.lead,
      reason: 'no_budget',
    });
  });

  it('ignores facts about a lead it does not hold (a replay can never resurrect one)', () => {
    const state = fold(lead, [aLeadCaptured(), disqualified, qualified]);
    expect(state).toEqual({ status: 'disqualified', leadId: ids.lead, reason: 'no_budget' });
    expect(evolve(initialState, qualified)).toEqual(initialState);
    expect(evolve(fold(lead, [aLeadCaptured()]), conversionBlocked)).toEqual(
      fold(lead, [aLeadCaptured()]),
    );
  });
});
