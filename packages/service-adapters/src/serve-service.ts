// A service as its own process: config -> adapters -> service -> listen -> signals. Each service's
// main.ts parses its config and says how to build the service from the open ports; the rest is here.
import type { EventBus } from '@crm/event-bus';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import {
  authOptionsFrom,
  createLogger,
  createServiceApp,
  redactConfig,
  registerServiceRoutes,
  runUntilSignalled,
  type AuthConfig,
  type MapError,
  type RunUntilSignalledOptions,
  type ServiceApp,
} from '@crm/service-kit';
import type { AdapterConfig } from './adapter-config.ts';
import { openAdapters } from './open-adapters.ts';

/** What a service process's config holds besides its own variables. */
export type ProcessConfig = AdapterConfig &
  AuthConfig & {
    PORT: number;
    HOST: string;
    LOG_LEVEL: string;
  };

/** What a service gives its process: routes for the app, subscriptions to start and stop. */
export interface ServedService {
  routes: (app: ServiceApp) => void;
  start(): Promise<void>;
  /** Stops the subscriptions; the stores are closed after it. */
  stop(): Promise<void>;
}

export interface ServeOptions<Config extends ProcessConfig> {
  /** e.g. 'customers': the logger's and the app's name. */
  name: string;
  config: Config;
  /** Variables to redact in the start-up log. */
  secretKeys: readonly (keyof Config)[];
  mapError?: MapError;
  /** Which signals end it and how the process exits (tests pass their own). */
  lifecycle?: Pick<RunUntilSignalledOptions, 'signals' | 'exit' | 'timeoutMs'>;
  create: (ports: {
    eventStore: EventStore;
    bus: EventBus;
    documentStore: DocumentStore;
    logger: ReturnType<typeof createLogger>;
  }) => ServedService;
}

/** Serves until SIGTERM/SIGINT; resolves with the exit code after a graceful shutdown. */
export async function serveService<Config extends ProcessConfig>(
  options: ServeOptions<Config>,
): Promise<number> {
  const { name, config } = options;
  const logger = createLogger({ name, level: config.LOG_LEVEL });
  const adapters = await openAdapters(config);
  const { eventStore, bus, documentStore } = adapters;
  logger.info(
    { config: redactConfig(config, options.secretKeys), adapters: adapters.kinds },
    `starting the ${name} service`,
  );
  const service = options.create({ eventStore, bus, documentStore, logger });
  const app = createServiceApp({
    name,
    version: '0.1.0',
    logger,
    auth: authOptionsFrom(config),
    ...(options.mapError && { mapError: options.mapError }),
  });
  registerServiceRoutes(app, service.routes);
  await service.start();
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ address }, `${name} service listening`);
  return runUntilSignalled({
    ...options.lifecycle,
    app,
    log: logger,
    closers: [() => service.stop(), () => adapters.close()],
  });
}
