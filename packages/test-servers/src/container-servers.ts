// Loaded only when the plan says containers: machines without Docker never load testcontainers.
import { MongoDBContainer } from '@testcontainers/mongodb';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { startKafkaContainer } from './kafka-container.ts';
import { engineEnvKeys, type Engine } from './server-plan.ts';

export class ContainersFailed extends Error {
  readonly code = 'CONTAINERS_FAILED';
  readonly engines: readonly Engine[];

  constructor(failures: readonly { engine: Engine; error: unknown }[]) {
    const engines = failures.map((failure) => failure.engine);
    super(`testcontainers could not start ${engines.join(', ')}; see the cause`, {
      cause: new AggregateError(failures.map((failure) => failure.error)),
    });
    this.name = 'ContainersFailed';
    this.engines = engines;
  }
}

type Started = { url: string; container: StartedTestContainer };

const eventStorePort = 2113;

const starters: Record<Engine, (image: string) => Promise<Started>> = {
  postgres: async (image) => {
    const container = await new PostgreSqlContainer(image)
      .withUsername('postgres')
      .withPassword('postgres')
      .withDatabase('postgres')
      // As the native server: tests need speed and many pools, not durability.
      .withCommand([
        'postgres',
        ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
        ...['-c', 'max_connections=300'],
      ])
      .start();
    return { url: container.getConnectionUri(), container };
  },
  kafka: startKafkaContainer,
  mongodb: async (image) => {
    const container = await new MongoDBContainer(image).start();
    // The module makes a one-member replica set that names its container hostname, which the host
    // cannot resolve: connect to the mapped port only.
    return { url: `${container.getConnectionString()}/?directConnection=true`, container };
  },
  eventstore: async (image) => {
    const container = await new GenericContainer(image)
      // EventStoreDB reads EVENTSTORE_*, KurrentDB (CRM_EVENTSTORE_IMAGE) KURRENTDB_*.
      .withEnvironment(
        Object.fromEntries(
          ['EVENTSTORE', 'KURRENTDB'].flatMap((prefix) => [
            [`${prefix}_INSECURE`, 'true'],
            [`${prefix}_CLUSTER_SIZE`, '1'],
            [`${prefix}_MEM_DB`, 'true'],
            [`${prefix}_RUN_PROJECTIONS`, 'None'],
          ]),
        ),
      )
      .withExposedPorts(eventStorePort)
      .withWaitStrategy(
        Wait.forHttp('/health/live', eventStorePort, { abortOnContainerExit: true }),
      )
      .withStartupTimeout(120_000)
      .start();
    const address = `${container.getHost()}:${container.getMappedPort(eventStorePort)}`;
    return { url: `esdb://${address}?tls=false`, container };
  },
};

export type StartedContainers = {
  /** The variable of each engine started (DATABASE_URL, ...) with its URL. */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

/**
 * Starts one container per engine, in parallel, with testcontainers' defaults: Ryuk removes them
 * when this process dies, so a crashed run leaves nothing behind. If one fails, the others stop.
 */
export async function startContainers(
  engines: readonly Engine[],
  images: Readonly<Record<Engine, string>>,
): Promise<StartedContainers> {
  const results = await Promise.allSettled(
    engines.map((engine) => starters[engine](images[engine])),
  );
  const started = results.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failures = engines.flatMap((engine, index) => {
    const result = results[index];
    return result?.status === 'rejected' ? [{ engine, error: result.reason as unknown }] : [];
  });
  if (failures.length > 0) {
    await Promise.allSettled(started.map(({ container }) => container.stop()));
    throw new ContainersFailed(failures);
  }
  const env: Record<string, string> = {};
  engines.forEach((engine, index) => {
    const url = started[index]?.url;
    if (url !== undefined) env[engineEnvKeys[engine]] = url;
  });
  const stop = async () => {
    await Promise.all(started.map(({ container }) => container.stop()));
  };
  return { env, stop };
}
