// The whole platform in one process on embedded adapters: each service with its own log and read
// models under the data folder, one shared bus file (as one Kafka cluster), one HTTP port, the
// embedded token issuer. `main.ts` runs it; tests build it the same way.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCustomersService, mapCustomersError } from '@crm/customers';
import { openSqliteEventBus } from '@crm/event-bus';
import { openSqliteEventStore } from '@crm/event-store';
import { openSqliteDocumentStore } from '@crm/read-store';
import {
  createServiceApp,
  issueToken,
  registerLoginRoute,
  type ServiceApp,
} from '@crm/service-kit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { seedDemoData } from './demo/seed.ts';
import { ADMIN, userDirectory } from './users.ts';
import { DEFAULT_ADMIN_PASSWORD, DEFAULT_DEMO_PASSWORD, type PlatformConfig } from './config.ts';

export const ISSUER = 'crm-embedded';
export const AUDIENCE = 'crm';
export const VERSION = '0.1.0';

export interface Platform {
  app: ServiceApp;
  dataDir: string;
  secret: string;
  /** Whether demo data was seeded by this start. */
  seeded: number;
  start(): Promise<void>;
  /** Stops subscriptions (saving checkpoints), then closes every store. */
  close(): Promise<void>;
}

/** The signing secret survives restarts (tokens stay valid) without anyone having to set one. */
function secretFor(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export async function createPlatform(config: PlatformConfig, logger: Logger): Promise<Platform> {
  const dataDir = resolve(config.CRM_DATA_DIR);
  mkdirSync(join(dataDir, 'customers'), { recursive: true });
  const secret = secretFor(dataDir, config.CRM_JWT_SECRET);

  const bus = openSqliteEventBus({ path: join(dataDir, 'bus.sqlite') });
  const customersEvents = openSqliteEventStore({
    path: join(dataDir, 'customers', 'events.sqlite'),
  });
  const customersReads = openSqliteDocumentStore({
    path: join(dataDir, 'customers', 'read-models.sqlite'),
  });
  const customers = createCustomersService({
    eventStore: customersEvents,
    documentStore: customersReads,
    bus,
    logger: logger.child({ service: 'customers' }),
  });

  const app = createServiceApp({
    name: 'crm',
    version: VERSION,
    logger,
    auth: { kind: 'hs256', secret, issuer: ISSUER, audience: AUDIENCE },
    openapi: {
      title: 'CRM platform API',
      description: 'Customers (more services join here). Log in at POST /auth/login.',
    },
    mapError: mapCustomersError,
  });
  registerLoginRoute(app, {
    users: await userDirectory(
      config.CRM_ADMIN_PASSWORD ?? DEFAULT_ADMIN_PASSWORD,
      config.CRM_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    ),
    secret,
    issuer: ISSUER,
    audience: AUDIENCE,
    ttlSeconds: config.CRM_TOKEN_TTL_SECONDS,
  });
  app.get('/', { config: { public: true }, schema: { hide: true } }, () => ({
    name: 'crm-platform',
    version: VERSION,
    services: ['customers'],
    docs: '/docs',
    openapi: '/openapi.json',
    login: 'POST /auth/login {"username","password"}',
  }));
  // Inside a plugin, so the routes are registered after the OpenAPI plugin and appear in it.
  void app.register((scope, _options, done) => {
    customers.routes(scope.withTypeProvider<ZodTypeProvider>());
    done();
  });

  const platform: Platform = {
    app,
    dataDir,
    secret,
    seeded: 0,
    start: async () => {
      await customers.start();
      await app.ready();
      if (config.CRM_SEED_DEMO && (await customersEvents.headPosition()) === 0) {
        const token = await issueToken({
          secret,
          issuer: ISSUER,
          audience: AUDIENCE,
          ttlSeconds: 600,
          user: { id: ADMIN.id, name: 'demo seed', roles: ADMIN.roles },
        });
        platform.seeded = await seedDemoData(app, token);
      }
    },
    close: async () => {
      await customers.stop();
      await customersEvents.close();
      await customersReads.close();
      await bus.close();
    },
  };
  return platform;
}
