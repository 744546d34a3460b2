import type { Engine } from './server-plan.ts';

/** The images testcontainers runs, each replaceable by its variable (a mirror, another tag). */
export const defaultImages = {
  postgres: 'postgres:16-alpine',
  kafka: 'apache/kafka:4.1.1',
  mongodb: 'mongo:7',
  eventstore: 'eventstore/eventstore:24.10',
} as const satisfies Record<Engine, string>;

export const imageEnvKeys = {
  postgres: 'CRM_POSTGRES_IMAGE',
  kafka: 'CRM_KAFKA_IMAGE',
  mongodb: 'CRM_MONGODB_IMAGE',
  eventstore: 'CRM_EVENTSTORE_IMAGE',
} as const satisfies Record<Engine, string>;

export function containerImages(
  env: Readonly<Record<string, string | undefined>>,
): Record<Engine, string> {
  const image = (engine: Engine) => env[imageEnvKeys[engine]]?.trim() || defaultImages[engine];
  return {
    postgres: image('postgres'),
    kafka: image('kafka'),
    mongodb: image('mongodb'),
    eventstore: image('eventstore'),
  };
}
