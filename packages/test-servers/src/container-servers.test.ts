import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImages } from './container-images.ts';
import { ContainersFailed, startContainers } from './container-servers.ts';

// Starting containers needs a Docker engine, which these machines lack: this file proves the
// module loads testcontainers and reports every engine it could not start. Its own process, so
// the DOCKER_HOST it sets (a socket nobody serves) reaches no other test.
const saved = process.env.DOCKER_HOST;

beforeAll(() => {
  process.env.DOCKER_HOST = 'unix:///nonexistent/crm-test-servers/docker.sock';
});

afterAll(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
});

describe('startContainers', () => {
  it('starts nothing for no engines', async () => {
    const started = await startContainers([], defaultImages);
    expect(started.env).toEqual({});
    await started.stop();
  });

  it('names every engine testcontainers could not start', async () => {
    const failure = startContainers(['postgres', 'eventstore'], defaultImages);
    await expect(failure).rejects.toBeInstanceOf(ContainersFailed);
    await expect(failure).rejects.toMatchObject({
      code: 'CONTAINERS_FAILED',
      engines: ['postgres', 'eventstore'],
    });
  });
});
