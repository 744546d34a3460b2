import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import type { OpportunityEvent } from '../opportunity.ts';
import { opportunityDecider } from '../decide.ts';
import { aCommand, anOpenedOpportunity, aWin, ids } from '../fixtures.ts';

const { given } = specification(opportunityDecider);
const id = { opportunityId: ids.opportunity };
const noted = (name: string, notes: object = {}): OpportunityEvent => ({
  type: 'CompetitorNoted',
  data: { ...id, competitor: { name, ...notes } },
});

describe('NoteCompetitor', () => {
  it('notes a competitor with its strengths and weaknesses', () => {
    given(anOpenedOpportunity())
      .when(
        aCommand('NoteCompetitor', {
          name: ' 德国某机床 ',
          strengths: '品牌知名度高',
          weaknesses: ' 交期长,售后慢 ',
        }),
      )
      .then(noted('德国某机床', { strengths: '品牌知名度高', weaknesses: '交期长,售后慢' }));
  });

  it('notes one by name only, blank notes counting as none', () => {
    given(anOpenedOpportunity())
      .when(aCommand('NoteCompetitor', { name: '本地厂商', strengths: ' ' }))
      .then(noted('本地厂商'));
  });

  it('replaces the notes on a competitor already named', () => {
    given(anOpenedOpportunity(), noted('本地厂商'))
      .when(aCommand('NoteCompetitor', { name: '本地厂商', strengths: '价格低 20%' }))
      .then(noted('本地厂商', { strengths: '价格低 20%' }));
  });

  it('changes nothing when the notes are the same', () => {
    given(anOpenedOpportunity(), noted('本地厂商', { weaknesses: '无售后网点' }))
      .when(aCommand('NoteCompetitor', { name: '本地厂商', weaknesses: '无售后网点' }))
      .thenNothingHappens();
  });

  it('refuses a twenty-first competitor: INVALID_FIELD too_many', () => {
    const twenty = Array.from({ length: 20 }, (_, index) => noted(`厂商${index}`));
    given(anOpenedOpportunity(), ...twenty)
      .when(aCommand('NoteCompetitor', { name: '又一家' }))
      .thenThrows('INVALID_FIELD', { field: 'competitors', reason: 'too_many', limit: 20 });
    given(anOpenedOpportunity(), ...twenty)
      .when(aCommand('NoteCompetitor', { name: '厂商3', strengths: '新情况' }))
      .then(noted('厂商3', { strengths: '新情况' }));
  });

  it('refuses a nameless competitor: INVALID_FIELD required', () => {
    given(anOpenedOpportunity())
      .when(aCommand('NoteCompetitor', { name: '  ' }))
      .thenThrows('INVALID_FIELD', { field: 'name', reason: 'required' });
  });

  it('refuses once closed: OPPORTUNITY_CLOSED', () => {
    given(anOpenedOpportunity(), aWin())
      .when(aCommand('NoteCompetitor', { name: '本地厂商' }))
      .thenThrows('OPPORTUNITY_CLOSED');
  });
});
