// Every read model of opportunities, quotes and orders, as the service's projector runs them.
import type { Projection } from '@crm/event-processing';
import { salesOpportunities } from './sales-opportunities.ts';
import { salesOrders } from './sales-orders.ts';
import { salesPipeline } from './sales-pipeline.ts';
import { salesQuotes } from './sales-quotes.ts';
import { salesTimeline } from './sales-timeline.ts';

export const salesProjections: Projection[] = [
  salesOpportunities,
  salesPipeline,
  salesQuotes,
  salesOrders,
  salesTimeline,
];
