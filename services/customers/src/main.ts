// The customers service as its own process: config -> adapters -> service -> listen -> signals.
// `node services/customers` (or `node services/customers/src/main.ts`).
import { serveService } from '@crm/service-adapters';
import { loadConfig, SECRET_KEYS } from './config.ts';
import { mapCustomersError } from './errors.ts';
import { createCustomersService } from './service.ts';

const config = loadConfig();

void serveService({
  name: 'customers',
  config,
  secretKeys: SECRET_KEYS,
  mapError: mapCustomersError,
  create: (ports) => createCustomersService({ ...ports, topicPrefix: config.KAFKA_TOPIC_PREFIX }),
});
