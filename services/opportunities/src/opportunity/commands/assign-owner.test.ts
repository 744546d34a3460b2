import { specification } from '@crm/decider/testing';
import { describe, it } from 'vitest';
import { opportunityDecider } from '../decide.ts';
import { aCommand, anOpenedOpportunity, ids } from '../fixtures.ts';

const { given } = specification(opportunityDecider);
const id = { opportunityId: ids.opportunity };

describe('AssignOwner', () => {
  it('hands the deal to another rep of the same team', () => {
    given(anOpenedOpportunity())
      .when(aCommand('AssignOwner', { ownerId: ids.otherRep }))
      .then({
        type: 'OpportunityOwnerAssigned',
        data: {
          ...id,
          ownerId: ids.otherRep,
          previousOwnerId: ids.salesRep,
          team: ids.team,
          previousTeam: ids.team,
        },
      });
  });

  it('moves the deal to another team with its new owner', () => {
    given(anOpenedOpportunity())
      .when(aCommand('AssignOwner', { ownerId: ids.otherRep, team: ` ${ids.otherTeam} ` }))
      .then({
        type: 'OpportunityOwnerAssigned',
        data: {
          ...id,
          ownerId: ids.otherRep,
          previousOwnerId: ids.salesRep,
          team: ids.otherTeam,
          previousTeam: ids.team,
        },
      });
  });

  it('changes nothing when owner and team are the ones already there', () => {
    given(anOpenedOpportunity())
      .when(aCommand('AssignOwner', { ownerId: ids.salesRep, team: ids.team }))
      .thenNothingHappens();
  });

  it('refuses a blank owner or team: INVALID_FIELD required', () => {
    given(anOpenedOpportunity())
      .when(aCommand('AssignOwner', { ownerId: ' ' }))
      .thenThrows('INVALID_FIELD', { field: 'ownerId', reason: 'required' });
    given(anOpenedOpportunity())
      .when(aCommand('AssignOwner', { ownerId: ids.otherRep, team: '' }))
      .thenThrows('INVALID_FIELD', { field: 'team', reason: 'required' });
  });
});
