// The whole platform in one process on embedded adapters: each service with its own log and read
// models under the data folder, one shared bus file (as one Kafka cluster), one HTTP port, the
// embedded token issuer. `main.ts` runs it; tests build it the same way.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCustomersService, mapCustomersError } from '@crm/customers';
import { createOpportunitiesService, mapOpportunitiesError } from '@crm/opportunities';
import { openSqliteEventBus, type EventBus } from '@crm/event-bus';
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
import { seedSalesDemo } from './demo/sales-seed.ts';
import { seedDemoData } from './demo/seed.ts';
import { ADMIN, DEMO_USERS, userDirectory } from './users.ts';
import { DEFAULT_ADMIN_PASSWORD, DEFAULT_DEMO_PASSWORD, type PlatformConfig } from './config.ts';

export const ISSUER = 'crm-embedded';
export const AUDIENCE = 'crm';
export const VERSION = '0.1.0';

export interface Platform {
  app: ServiceApp;
  /** The bus every service shares (as one Kafka cluster); tests publish and read on it. */
  bus: EventBus;
  dataDir: string;
  secret: string;
  /** What demo data this start seeded (each service's on its first start). */
  seeded: { customers: number; leads: number; opportunities: number };
  /** Demo seeds a refusal stopped part-way, each with the refusal (also logged as an error). */
  seedFailures: string[];
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

/** A short-lived token for the admin or a demo user, so the seed acts as that person would. */
async function seedToken(secret: string, userId: string): Promise<string> {
  const user = [ADMIN, ...DEMO_USERS].find((candidate) => candidate.id === userId);
  if (!user) throw new Error(`demo data: no demo user ${userId}`);
  return issueToken({
    secret,
    issuer: ISSUER,
    audience: AUDIENCE,
    ttlSeconds: 600,
    user: { id: user.id, name: user.displayName, roles: user.roles },
  });
}

export async function createPlatform(config: PlatformConfig, logger: Logger): Promise<Platform> {
  const dataDir = resolve(config.CRM_DATA_DIR);
  mkdirSync(join(dataDir, 'customers'), { recursive: true });
  mkdirSync(join(dataDir, 'opportunities'), { recursive: true });
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
  const opportunitiesEvents = openSqliteEventStore({
    path: join(dataDir, 'opportunities', 'events.sqlite'),
  });
  const opportunitiesReads = openSqliteDocumentStore({
    path: join(dataDir, 'opportunities', 'read-models.sqlite'),
  });
  const opportunities = createOpportunitiesService({
    eventStore: opportunitiesEvents,
    documentStore: opportunitiesReads,
    bus,
    logger: logger.child({ service: 'opportunities' }),
  });

  const app = createServiceApp({
    name: 'crm',
    version: VERSION,
    logger,
    auth: { kind: 'hs256', secret, issuer: ISSUER, audience: AUDIENCE },
    openapi: {
      title: 'CRM platform API',
      description:
        'Customers, and sales (leads, pools, opportunities, quotes, orders). Log in at POST /auth/login.',
    },
    mapError: (error) => mapCustomersError(error) ?? mapOpportunitiesError(error),
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
    services: ['customers', 'opportunities'],
    docs: '/docs',
    openapi: '/openapi.json',
    login: 'POST /auth/login {"username","password"}',
  }));
  // Inside a plugin, so the routes are registered after the OpenAPI plugin and appear in it.
  void app.register((scope, _options, done) => {
    customers.routes(scope.withTypeProvider<ZodTypeProvider>());
    opportunities.routes(scope.withTypeProvider<ZodTypeProvider>());
    done();
  });

  const platform: Platform = {
    app,
    bus,
    dataDir,
    secret,
    seeded: { customers: 0, leads: 0, opportunities: 0 },
    seedFailures: [],
    start: async () => {
      await customers.start();
      await opportunities.start();
      await app.ready();
      if (!config.CRM_SEED_DEMO) return;
      // Each service's demo data goes in on that service's first start, independently.
      const seedCustomers = (await customersEvents.headPosition()) === 0;
      const seedSales = (await opportunitiesEvents.headPosition()) === 0;
      // A refused step leaves that demo incomplete, said loudly, but the platform still starts.
      const attempt = async (what: string, seed: () => Promise<void>) => {
        try {
          await seed();
        } catch (error) {
          logger.error({ err: error }, `demo ${what} incomplete`);
          platform.seedFailures.push(`${what}: ${(error as Error).message}`);
        }
      };
      if (seedCustomers) {
        await attempt('customers', async () => {
          const token = await seedToken(secret, ADMIN.id);
          platform.seeded.customers = await seedDemoData(app, token);
        });
      }
      if (seedSales) {
        await attempt('sales', async () => {
          const seeded = await seedSalesDemo(app, (userId) => seedToken(secret, userId));
          platform.seeded = { ...platform.seeded, ...seeded };
        });
      }
    },
    close: async () => {
      // The consumer side first: what it writes is still projected and relayed before those stop.
      await opportunities.stop();
      await customers.stop();
      await opportunitiesEvents.close();
      await opportunitiesReads.close();
      await customersEvents.close();
      await customersReads.close();
      await bus.close();
    },
  };
  return platform;
}
