// The opportunities, quotes, orders and pipeline routes, as the service wires them: one
// application per aggregate over the same ports.
import type { ServiceApp } from '@crm/service-kit';
import { registerOrderCommandRoutes } from './order/api.ts';
import { ordersApplication } from './order/application.ts';
import { registerOrderQueryRoutes } from './order/queries.ts';
import { registerOpportunityCommandRoutes } from './opportunity/api.ts';
import { opportunitiesApplication, type OpportunityDeps } from './opportunity/application.ts';
import { registerClosingQueryRoutes } from './opportunity/closing-queries.ts';
import { registerPipelineQueryRoutes } from './opportunity/pipeline-queries.ts';
import { registerOpportunityQueryRoutes } from './opportunity/queries.ts';
import { registerQuoteCommandRoutes } from './quote/api.ts';
import { quotesApplication } from './quote/application.ts';
import { registerQuoteQueryRoutes } from './quote/queries.ts';

/** deps.pipeline: the tenant's configured stages (defaultPipeline when absent). */
export function registerSalesRoutes(app: ServiceApp, deps: OpportunityDeps): void {
  const opportunities = opportunitiesApplication(deps);
  const quotes = quotesApplication(deps);
  const orders = ordersApplication(deps);
  registerOpportunityCommandRoutes(app, deps, opportunities);
  registerOpportunityQueryRoutes(app, deps, opportunities);
  registerClosingQueryRoutes(app, deps);
  registerPipelineQueryRoutes(app, deps, opportunities);
  registerQuoteCommandRoutes(app, deps, opportunities, quotes);
  registerQuoteQueryRoutes(app, deps, opportunities, quotes);
  registerOrderCommandRoutes(app, deps, opportunities, quotes, orders);
  registerOrderQueryRoutes(app, deps, opportunities);
}
