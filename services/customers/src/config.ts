// The customers process's environment, parsed once; every bad variable is reported at once.
// Which adapters run follows from which URLs are set (@crm/service-adapters): none = embedded.
import { ADAPTER_SECRET_KEYS, adapterConfigFields } from '@crm/service-adapters';
import {
  AUTH_SECRET_KEYS,
  AUTH_SOURCE_REQUIRED,
  authConfigFields,
  hasAuthSource,
  logLevel,
  parseConfig,
  port,
} from '@crm/service-kit';
import { z } from 'zod';

const schema = z
  .object({
    PORT: port.default(3001),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: logLevel.default('info'),
    ...adapterConfigFields({
      dataDir: '.crm-data/customers',
      eventStoreSchema: 'crm_customers',
      kafkaClientId: 'crm-customers',
      mongodbDatabase: 'crm_customers',
    }),
    ...authConfigFields,
  })
  .refine(hasAuthSource, AUTH_SOURCE_REQUIRED);

export type CustomersConfig = z.infer<typeof schema>;
export const SECRET_KEYS = [...AUTH_SECRET_KEYS, ...ADAPTER_SECRET_KEYS] as const;
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): CustomersConfig =>
  parseConfig(schema, env);
