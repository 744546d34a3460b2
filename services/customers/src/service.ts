// The customers service as a unit: ports in; routes, projections and the relay out. Where it
// runs (alone, or with every other service in one process) is decided by whoever calls this.
import { topics } from '@crm/contracts';
import type { Consumer, EventBus } from '@crm/event-bus';
import { Projector, Relay, type ProjectorLogger } from '@crm/event-processing';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import type { ServiceApp } from '@crm/service-kit';
import { registerCustomerCommandRoutes } from './customer/api.ts';
import { customersApplication, type CustomersApplication } from './customer/application.ts';
import { registerCustomerQueryRoutes } from './customer/queries.ts';
import { registerImportExportRoutes } from './import-export/routes.ts';
import { customerDirectory } from './projections/customer-directory.ts';
import { customerTimeline } from './projections/customer-timeline.ts';
import { toCustomerMessage } from './publish.ts';
import {
  LEAD_CONVERSIONS_GROUP,
  startLeadConversions,
  type LeadConversionsOptions,
} from './reactions/lead-conversions.ts';
import { CUSTOMER_CATEGORY } from './streams.ts';

export interface CustomersPorts {
  eventStore: EventStore;
  documentStore: DocumentStore;
  bus: EventBus;
  logger: ProjectorLogger;
  clock?: () => Date;
  /**
   * The topic it publishes to: crm.customers.v1, behind an optional prefix when environments
   * share one Kafka cluster (e.g. `staging.crm.customers.v1`).
   */
  topicPrefix?: string;
  /**
   * The reaction to converted leads on crm.opportunities.v1 (same prefix): on unless false. Its
   * group is customers.lead-conversions, behind the topic prefix so environments do not share it.
   */
  leadConversions?:
    false | Pick<LeadConversionsOptions, 'groupId' | 'maxAttempts' | 'backoffMs' | 'stopTimeoutMs'>;
}

export interface CustomersService {
  /** Adds the customers routes to an app made by the service kit. */
  routes: (app: ServiceApp) => void;
  application: CustomersApplication;
  projector: Projector;
  relay: Relay;
  start(): Promise<void>;
  /** Stops the subscriptions and saves their checkpoints; the stores stay open. */
  stop(): Promise<void>;
}

export function createCustomersService(ports: CustomersPorts): CustomersService {
  const { eventStore, documentStore, bus, logger } = ports;
  const prefix = ports.topicPrefix ?? '';
  const topic = `${prefix}${topics.customers}`;
  const opportunitiesTopic = `${prefix}${topics.opportunities}`;
  const reaction = ports.leadConversions === false ? undefined : (ports.leadConversions ?? {});
  let leadConversions: Consumer | undefined;
  const application = customersApplication(eventStore, ports.clock);
  const projector = new Projector({
    eventStore,
    documentStore,
    projections: [customerDirectory, customerTimeline],
    logger,
  });
  const relay = new Relay({
    name: 'customers',
    eventStore,
    bus,
    checkpoints: documentStore,
    topic,
    filter: { categories: [CUSTOMER_CATEGORY] },
    toMessage: toCustomerMessage,
    logger,
  });
  return {
    application,
    projector,
    relay,
    routes: (app) => {
      registerCustomerCommandRoutes(app, application);
      registerCustomerQueryRoutes(app, { eventStore, documentStore, projector });
      registerImportExportRoutes(app, { application, documentStore });
      app.readiness.add('customers-projections', () =>
        projector.status().every((status) => status.state !== 'failed'),
      );
    },
    start: async () => {
      await bus.ensureTopics([
        { name: topic },
        ...(reaction ? [{ name: opportunitiesTopic }] : []),
      ]);
      await projector.start();
      await relay.start();
      if (reaction) {
        leadConversions = await startLeadConversions({
          bus,
          customers: application,
          topic: opportunitiesTopic,
          groupId: `${prefix}${LEAD_CONVERSIONS_GROUP}`,
          logger,
          ...reaction,
        });
      }
    },
    stop: async () => {
      // Inbound first: what it writes is still projected and relayed before those stop.
      await leadConversions?.stop();
      leadConversions = undefined;
      await relay.stop();
      await projector.stop();
    },
  };
}
