// The lead application's conversion on the embedded store: the opportunity is asked for every time,
// so a conversion whose opportunity did not open (a crash, a refusal) is completed by the retry.
import { customerIdForLead } from '@crm/contracts';
import { Projector } from '@crm/event-processing';
import { openSqliteEventStore } from '@crm/event-store';
import { openSqliteDocumentStore } from '@crm/read-store';
import { describe, expect, it } from 'vitest';
import { salesTeams } from '../sales-teams.ts';
import type { ConvertedOpportunity, LeadContext } from './application.ts';
import { leadsApplication } from './application.ts';
import { movableClock, noCustomers, people, POOLS, TEAMS } from './lead-test-support.ts';

const rep: LeadContext = {
  actor: people.rep,
  actorRole: 'sales_rep',
  correlationId: 'corr',
  causationId: 'cause',
};

describe('converting a lead', () => {
  it('asks for the same opportunity again on a retry after opening it failed', async () => {
    const eventStore = openSqliteEventStore({ path: ':memory:' });
    const documentStore = openSqliteDocumentStore({ path: ':memory:' });
    const projector = new Projector({ eventStore, documentStore, projections: [] });
    const asked: ConvertedOpportunity[] = [];
    let failures = 1;
    const leads = leadsApplication(
      {
        eventStore,
        documentStore,
        projector,
        teams: salesTeams(TEAMS),
        customers: noCustomers,
        clock: movableClock().clock,
      },
      {
        pools: POOLS,
        openOpportunity: (request) => {
          asked.push(request);
          return failures-- > 0
            ? Promise.reject(new Error('opportunity store down'))
            : Promise.resolve();
        },
      },
    );
    try {
      await leads.capture(
        'lead-7',
        {
          name: '韩梅梅',
          company: '上海精工机械',
          phones: ['13800138000'],
          emails: [],
          source: 'website',
          campaignId: 'cmp-1',
          ownerId: people.rep,
        },
        rep,
      );
      await leads.execute('lead-7', { type: 'QualifyLead' }, rep);
      await expect(leads.convert('lead-7', {}, rep)).rejects.toThrow('opportunity store down');
      const retry = await leads.convert('lead-7', {}, rep);
      expect(retry).toMatchObject({ changed: false, customerId: customerIdForLead('lead-7') });
      expect(asked).toHaveLength(2);
      expect(asked[1]).toEqual(asked[0]);
      expect(asked[0]).toMatchObject({
        opportunityId: retry.opportunityId,
        leadId: 'lead-7',
        customerId: customerIdForLead('lead-7'),
        ownerId: people.rep,
        teamId: 'team-east',
        name: '上海精工机械',
        sourceCampaignId: 'cmp-1',
      });
    } finally {
      await documentStore.close();
      await eventStore.close();
    }
  });
});
