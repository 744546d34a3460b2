// The opportunities service as its own process: config -> adapters -> service -> listen -> signals.
// `node services/opportunities` (or `node services/opportunities/src/main.ts`).
import { serveService } from '@crm/service-adapters';
import { loadConfig, SECRET_KEYS } from './config.ts';
import { mapOpportunitiesError } from './errors.ts';
import { createOpportunitiesService } from './service.ts';

const config = loadConfig();

void serveService({
  name: 'opportunities',
  config,
  secretKeys: SECRET_KEYS,
  mapError: mapOpportunitiesError,
  create: (ports) =>
    createOpportunitiesService({
      ...ports,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      customersGroupId: config.CUSTOMERS_GROUP_ID,
      recycleIntervalMs: config.LEAD_RECYCLE_INTERVAL_SECONDS * 1000,
      ...(config.SALES_TEAMS && { teams: config.SALES_TEAMS }),
      ...(config.LEAD_POOLS && { pools: config.LEAD_POOLS }),
    }),
});
