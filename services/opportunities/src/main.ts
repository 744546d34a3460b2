// The opportunities service as its own process: config -> adapters -> service -> listen -> signals.
// `node services/opportunities` (or `node services/opportunities/src/main.ts`).
import { openAdapters } from '@crm/service-adapters';
import {
  createLogger,
  createServiceApp,
  redactConfig,
  runUntilSignalled,
  type AuthOptions,
} from '@crm/service-kit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadConfig, SECRET_KEYS } from './config.ts';
import { mapOpportunitiesError } from './errors.ts';
import { createOpportunitiesService } from './service.ts';

const config = loadConfig();
const logger = createLogger({ name: 'opportunities', level: config.LOG_LEVEL });

const auth: AuthOptions = config.AUTH_JWKS_URL
  ? {
      kind: 'jwks',
      url: config.AUTH_JWKS_URL,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
    }
  : {
      kind: 'hs256',
      secret: config.CRM_JWT_SECRET!,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
    };

const adapters = await openAdapters(config);
const { eventStore, bus, documentStore } = adapters;
logger.info(
  { config: redactConfig(config, SECRET_KEYS), adapters: adapters.kinds },
  'starting the opportunities service',
);

const service = createOpportunitiesService({
  eventStore,
  documentStore,
  bus,
  logger,
  topicPrefix: config.KAFKA_TOPIC_PREFIX,
  customersGroupId: config.CUSTOMERS_GROUP_ID,
  recycleIntervalMs: config.LEAD_RECYCLE_INTERVAL_SECONDS * 1000,
  ...(config.SALES_TEAMS && { teams: config.SALES_TEAMS }),
  ...(config.LEAD_POOLS && { pools: config.LEAD_POOLS }),
});
const app = createServiceApp({
  name: 'opportunities',
  version: '0.1.0',
  logger,
  auth,
  mapError: mapOpportunitiesError,
});
void app.register((scope, _options, done) => {
  service.routes(scope.withTypeProvider<ZodTypeProvider>());
  done();
});
await service.start();
const address = await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ address }, 'opportunities service listening');

void runUntilSignalled({
  app,
  log: logger,
  closers: [() => service.stop(), () => adapters.close()],
});
