import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { leadDecider } from '../decide.ts';
import { aCommand, aLeadCaptured, asOtherRep, disqualified, ids, qualified } from '../fixtures.ts';

const { given } = specification(leadDecider);

describe('DisqualifyLead', () => {
  it('closes the lead with the reason', () => {
    given(aLeadCaptured())
      .when(aCommand('DisqualifyLead', { reason: 'no_budget' }))
      .then(disqualified);
  });

  it('closes a qualified lead too, with a note', () => {
    given(aLeadCaptured(), qualified)
      .when(aCommand('DisqualifyLead', { reason: 'competitor', note: ' 选了竞品 ' }))
      .then({
        type: 'LeadDisqualified',
        data: {
          leadId: ids.lead,
          reason: 'competitor',
          note: '选了竞品',
          disqualifiedBy: ids.salesRep,
        },
      });
  });

  it('takes other with a note saying what', () => {
    given(aLeadCaptured())
      .when(aCommand('DisqualifyLead', { reason: 'other', note: '学生咨询' }))
      .then({
        type: 'LeadDisqualified',
        data: { leadId: ids.lead, reason: 'other', note: '学生咨询', disqualifiedBy: ids.salesRep },
      });
  });

  it('changes nothing when disqualified already', () => {
    given(aLeadCaptured(), disqualified)
      .when(aCommand('DisqualifyLead', { reason: 'duplicate' }))
      .thenNothingHappens();
  });

  it('refuses other without a note: INVALID_FIELD required', () => {
    given(aLeadCaptured())
      .when(aCommand('DisqualifyLead', { reason: 'other', note: ' ' }))
      .thenThrows('INVALID_FIELD', {
        field: 'note',
        reason: 'required',
        disqualificationReason: 'other',
      });
  });

  it("refuses a rep on someone else's lead: NOT_LEAD_OWNER", () => {
    given(aLeadCaptured())
      .when(aCommand('DisqualifyLead', { ...asOtherRep, reason: 'unreachable' }))
      .thenThrows('NOT_LEAD_OWNER');
  });
});
