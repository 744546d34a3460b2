// The lead application on the PostgreSQL event store (the multi-instance production engine): a
// retried capture is recognised although jsonb reorders keys, and of two racing claims one wins.
import { openPostgresEventStore } from '@crm/event-store-postgres';
import { Projector } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import { isDomainError } from '@crm/decider';
import { openSqliteDocumentStore, type DocumentStore } from '@crm/read-store';
import { realServers, uniqueName } from '@crm/test-servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadList } from '../projections/lead-list.ts';
import { salesTeams } from '../sales-teams.ts';
import { leadsApplication, type LeadContext, type LeadsApplication } from './application.ts';
import { movableClock, noCustomers, people, POOLS, TEAMS } from './lead-test-support.ts';

let store: EventStore;
let documents: DocumentStore;
let projector: Projector;
let leads: LeadsApplication;

beforeAll(async () => {
  const servers = await realServers();
  store = await openPostgresEventStore({
    connectionString: servers.databaseUrl,
    schema: uniqueName('leads_app'),
  });
  documents = openSqliteDocumentStore({ path: ':memory:' });
  projector = new Projector({
    eventStore: store,
    documentStore: documents,
    projections: [leadList],
  });
  await projector.start();
  leads = leadsApplication(
    {
      eventStore: store,
      documentStore: documents,
      projector,
      teams: salesTeams(TEAMS),
      customers: noCustomers,
      clock: movableClock().clock,
    },
    { pools: POOLS },
  );
}, 600_000);
afterAll(async () => {
  await projector.stop();
  await documents.close();
  await store.close();
});

const as = (actor: string, actorRole: LeadContext['actorRole']): LeadContext => ({
  actor,
  actorRole,
  correlationId: `corr-${actor}`,
  causationId: `cause-${actor}`,
});
const capture = {
  name: '韩梅梅',
  company: '上海精工机械',
  phones: ['13800138000'],
  emails: ['han@example.cn'],
  source: 'exhibition' as const,
  region: { province: '上海', city: '上海' },
};

describe('the lead application on PostgreSQL', () => {
  it('recognises a retried capture; other content under the same id is refused', async () => {
    const leadId = uniqueName('lead');
    const first = await leads.capture(leadId, capture, as(people.manager, 'sales_manager'));
    expect(first).toMatchObject({ revision: 0, changed: true });
    const retry = await leads.capture(leadId, capture, as(people.manager, 'sales_manager'));
    expect(retry).toMatchObject({ revision: 0, changed: false });
    await expect(
      leads.capture(leadId, { ...capture, name: '别人' }, as(people.manager, 'sales_manager')),
    ).rejects.toMatchObject({ code: 'LEAD_ALREADY_CAPTURED' });
  });

  it('two reps claiming at once: one owns it, the other is refused LEAD_ALREADY_CLAIMED', async () => {
    const leadId = uniqueName('lead');
    await leads.capture(leadId, { ...capture, ownerId: null }, as(people.manager, 'sales_manager'));
    const outcomes = await Promise.allSettled([
      leads.execute(leadId, { type: 'ClaimLead' }, as(people.rep, 'sales_rep')),
      leads.execute(leadId, { type: 'ClaimLead' }, as(people.otherRep, 'sales_rep')),
    ]);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason: unknown = (refused[0] as PromiseRejectedResult).reason;
    expect(isDomainError(reason) && reason.code).toBe('LEAD_ALREADY_CLAIMED');
    const { state } = await leads.load(leadId);
    const owner = state.status === 'open' ? state.ownerId : null;
    expect<(string | null)[]>([people.rep, people.otherRep]).toContain(owner);
  });
});
