import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containerImages } from './container-images.ts';

/** The image of each service in infra/compose/docker-compose.yml. */
function composeImages(): Record<string, string> {
  const compose = readFileSync(
    new URL('../../../infra/compose/docker-compose.yml', import.meta.url),
    'utf8',
  );
  const images: Record<string, string> = {};
  for (const match of compose.matchAll(/^ {2}([a-z0-9_-]+):\n {4}image: (\S+)$/gm)) {
    if (match[1] !== undefined && match[2] !== undefined) images[match[1]] = match[2];
  }
  return images;
}

describe('containerImages', () => {
  it('defaults to the images infra/compose runs on a developer laptop', () => {
    const compose = composeImages();
    expect(containerImages({})).toEqual({
      postgres: compose.postgres,
      kafka: compose.kafka,
      mongodb: compose.mongodb,
      eventstore: compose.eventstoredb,
    });
    expect(containerImages({})).toEqual({
      postgres: 'postgres:16-alpine',
      kafka: 'apache/kafka:4.1.1',
      mongodb: 'mongo:7',
      eventstore: 'eventstore/eventstore:24.10',
    });
  });

  it('takes each image from its variable; a blank one keeps the default', () => {
    const images = containerImages({
      CRM_POSTGRES_IMAGE: 'mirror.local/postgres:17',
      CRM_EVENTSTORE_IMAGE: ' kurrentplatform/kurrentdb:25.1 ',
      CRM_MONGODB_IMAGE: '',
    });
    expect(images).toEqual({
      postgres: 'mirror.local/postgres:17',
      kafka: 'apache/kafka:4.1.1',
      mongodb: 'mongo:7',
      eventstore: 'kurrentplatform/kurrentdb:25.1',
    });
  });
});
