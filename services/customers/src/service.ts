// The customers service as a unit: ports in; routes, projections and the relay out. Where it
// runs (alone, or with every other service in one process) is decided by whoever calls this.
import { topics } from '@crm/contracts';
import type { EventBus } from '@crm/event-bus';
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
  const topic = `${ports.topicPrefix ?? ''}${topics.customers}`;
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
      await bus.ensureTopics([{ name: topic }]);
      await projector.start();
      await relay.start();
    },
    stop: async () => {
      await relay.stop();
      await projector.stop();
    },
  };
}
