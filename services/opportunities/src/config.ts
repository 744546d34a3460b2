// The opportunities process's environment, parsed once; every bad variable is reported at once.
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
import { leadPoolsSchema } from './pools/lead-pools.ts';
import { salesTeamsSchema } from './sales-teams.ts';

/** A variable holding JSON that must match `schema`. */
const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const schema = z
  .object({
    PORT: port.default(3002),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: logLevel.default('info'),
    ...adapterConfigFields({
      dataDir: '.crm-data/opportunities',
      eventStoreSchema: 'crm_opportunities',
      kafkaClientId: 'crm-opportunities',
      mongodbDatabase: 'crm_opportunities',
    }),
    /** Sales teams (JSON array: id, name, managerIds, memberIds, regions, industries); default demo. */
    SALES_TEAMS: json(salesTeamsSchema).optional(),
    /** Lead pools (JSON array: id, name, teamId, regions, claimLimit, recycleAfterHours). */
    LEAD_POOLS: json(leadPoolsSchema).optional(),
    /** How often the recycler returns leads nobody followed up; 0 turns it off. */
    LEAD_RECYCLE_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    /** The consumer group reading crm.customers.v1. */
    CUSTOMERS_GROUP_ID: z.string().min(1).default('opportunities.customers'),
    ...authConfigFields,
  })
  .refine(hasAuthSource, AUTH_SOURCE_REQUIRED);

export type OpportunitiesConfig = z.infer<typeof schema>;
export const SECRET_KEYS = [...AUTH_SECRET_KEYS, ...ADAPTER_SECRET_KEYS] as const;
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): OpportunitiesConfig =>
  parseConfig(schema, env);
