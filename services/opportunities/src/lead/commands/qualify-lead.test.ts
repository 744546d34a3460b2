import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { leadDecider } from '../decide.ts';
import {
  aCommand,
  aLeadCaptured,
  aPooledLead,
  asManager,
  asOtherRep,
  ids,
  qualified,
} from '../fixtures.ts';

const { given } = specification(leadDecider);

describe('QualifyLead', () => {
  it('qualifies the lead', () => {
    given(aLeadCaptured()).when(aCommand('QualifyLead', {})).then(qualified);
  });

  it('keeps a note on why, and lets a manager qualify a pooled lead', () => {
    given(aPooledLead())
      .when(aCommand('QualifyLead', { ...asManager, note: ' 预算已批 ' }))
      .then({
        type: 'LeadQualified',
        data: { leadId: ids.lead, note: '预算已批', qualifiedBy: ids.manager },
      });
  });

  it('changes nothing when qualified already', () => {
    given(aLeadCaptured(), qualified).when(aCommand('QualifyLead', {})).thenNothingHappens();
  });

  it("refuses a rep on someone else's lead: NOT_LEAD_OWNER", () => {
    given(aLeadCaptured()).when(aCommand('QualifyLead', asOtherRep)).thenThrows('NOT_LEAD_OWNER');
  });

  it('refuses a note over 500 characters: INVALID_FIELD too_long', () => {
    given(aLeadCaptured())
      .when(aCommand('QualifyLead', { note: '注'.repeat(501) }))
      .thenThrows('INVALID_FIELD', { field: 'note', reason: 'too_long' });
  });
});
