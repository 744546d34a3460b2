// The opportunities service as a unit: ports in; routes, projections, the relay, the customers
// feed and the lead recycler out. Where it runs (alone, or with every other service in one
// process) is decided by whoever calls this.
import { topics } from '@crm/contracts';
import type { EventBus } from '@crm/event-bus';
import { Projector, Relay, type ProjectorLogger } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import type { ServiceApp } from '@crm/service-kit';
import { createCustomersFeed, type CustomersFeed } from './customers-feed/customers-feed.ts';
import { registerLeadImportRoutes } from './lead-import/routes.ts';
import { registerLeadRoutes } from './lead/api.ts';
import { leadsApplication, type LeadsApplication } from './lead/application.ts';
import { leadScope } from './lead/scope.ts';
import {
  opportunitiesApplication,
  type OpportunitiesApplication,
} from './opportunity/application.ts';
import type { LeadPool } from './pools/lead-pools.ts';
import { LeadRecycler } from './pools/recycler.ts';
import { leadFollowUps } from './projections/lead-follow-ups.ts';
import { leadList } from './projections/lead-list.ts';
import { leadRotation } from './projections/lead-rotation.ts';
import { leadTimeline } from './projections/lead-timeline.ts';
import { salesProjections } from './projections/sales-projections.ts';
import { toOpportunitiesMessage } from './publish.ts';
import { registerSalesRoutes } from './sales-routes.ts';
import type { CustomerDirectory, SalesDeps } from './sales-deps.ts';
import { DEMO_SALES_TEAMS, salesTeams, type SalesTeam } from './sales-teams.ts';
import { SALES_CATEGORIES } from './streams.ts';

export interface OpportunitiesPorts {
  eventStore: EventStore;
  documentStore: DocumentStore;
  bus: EventBus;
  logger: ProjectorLogger;
  clock?: () => Date;
  /** Prepended to every topic it publishes to and reads, when environments share one cluster. */
  topicPrefix?: string;
  /** Default: the demo team. */
  teams?: readonly SalesTeam[];
  /** Default: one pool per team. */
  pools?: readonly LeadPool[];
  /** The consumer group reading crm.customers.v1 (its dead letters: crm.dlq.<group>). */
  customersGroupId?: string;
  /** How often the recycler looks for leads nobody followed up (default 60 s; 0: never). */
  recycleIntervalMs?: number;
}

export interface OpportunitiesService {
  /** Adds the opportunities routes to an app made by the service kit. */
  routes: (app: ServiceApp) => void;
  leads: LeadsApplication;
  opportunities: OpportunitiesApplication;
  deps: SalesDeps;
  customersFeed: CustomersFeed;
  projector: Projector;
  relay: Relay;
  recycler: LeadRecycler;
  start(): Promise<void>;
  /** Stops the subscriptions, the feed and the recycler; the stores stay open. */
  stop(): Promise<void>;
}

export function createOpportunitiesService(ports: OpportunitiesPorts): OpportunitiesService {
  const { eventStore, documentStore, bus, logger } = ports;
  const prefix = ports.topicPrefix ?? '';
  const topic = `${prefix}${topics.opportunities}`;
  const clock = ports.clock ?? (() => new Date());
  const teams = salesTeams(ports.teams ?? DEMO_SALES_TEAMS);
  const projector = new Projector({
    eventStore,
    documentStore,
    projections: [leadList, leadTimeline, leadFollowUps, leadRotation(teams), ...salesProjections],
    logger,
  });
  // The feed needs the leads application and the leads application the feed's lookup: the
  // directory is reached through the feed once both exist.
  const lookup = (): CustomerDirectory => feed.directory;
  const customers: CustomerDirectory = {
    get: (customerId) => lookup().get(customerId),
    getMany: (customerIds) => lookup().getMany(customerIds),
    findByContact: (phones, emails) => lookup().findByContact(phones, emails),
  };
  const deps: SalesDeps = { eventStore, documentStore, projector, teams, customers, clock };
  const opportunities = opportunitiesApplication(deps);
  const leads = leadsApplication(deps, {
    ...(ports.pools && { pools: ports.pools }),
    openOpportunity: async (request, context) => {
      await opportunities.openConverted(request, context);
    },
    relinkOpportunity: async (request, context) => {
      await opportunities.relinkConverted(request, context);
    },
  });
  const feed: CustomersFeed = createCustomersFeed({
    bus,
    documentStore,
    leads,
    topic: `${prefix}${topics.customers}`,
    groupId: ports.customersGroupId ?? 'opportunities.customers',
    logger,
    clock,
  });
  const relay = new Relay({
    name: 'opportunities',
    eventStore,
    bus,
    checkpoints: documentStore,
    topic,
    filter: { categories: SALES_CATEGORIES },
    toMessage: toOpportunitiesMessage,
    logger,
  });
  const recycler = new LeadRecycler({
    leads,
    documentStore,
    clock,
    logger,
    intervalMs: ports.recycleIntervalMs ?? 60_000,
  });
  return {
    leads,
    opportunities,
    deps,
    customersFeed: feed,
    projector,
    relay,
    recycler,
    routes: (app) => {
      registerLeadRoutes(app, { ...deps, leads, scope: leadScope(teams, leads.pools) });
      registerSalesRoutes(app, deps);
      registerLeadImportRoutes(app, { ...deps, leads });
      app.readiness.add('opportunities-projections', () =>
        projector.status().every((status) => status.state !== 'failed'),
      );
    },
    start: async () => {
      await bus.ensureTopics([{ name: topic }]);
      await projector.start();
      await relay.start();
      await feed.start();
      recycler.start();
    },
    stop: async () => {
      await recycler.stop();
      await feed.stop();
      await relay.stop();
      await projector.stop();
    },
  };
}
