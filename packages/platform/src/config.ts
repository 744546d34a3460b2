// The one-process run's environment, parsed once. Every variable is optional: the defaults run
// the whole platform on a laptop.
import { booleanFromString, logLevel, parseConfig, port } from '@crm/service-kit';
import { z } from 'zod';

export const DEFAULT_ADMIN_PASSWORD = 'admin-crm-2026';
export const DEFAULT_DEMO_PASSWORD = 'demo-crm-2026';

const schema = z.object({
  CRM_DATA_DIR: z
    .string()
    .min(1)
    .default('.crm-data')
    .describe('Where every service keeps its files.'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: logLevel.default('info'),
  CRM_ADMIN_PASSWORD: z.string().min(8).optional(),
  CRM_DEMO_PASSWORD: z.string().min(8).optional(),
  CRM_SEED_DEMO: booleanFromString.default(true).describe('Seed demo data on first start.'),
  CRM_JWT_SECRET: z
    .string()
    .min(32)
    .optional()
    .describe('HS256 secret; generated into the data folder when unset.'),
  CRM_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(604_800).default(28_800),
});

export type PlatformConfig = z.infer<typeof schema>;
export const SECRET_KEYS = ['CRM_ADMIN_PASSWORD', 'CRM_DEMO_PASSWORD', 'CRM_JWT_SECRET'] as const;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): PlatformConfig =>
  parseConfig(schema, env);
