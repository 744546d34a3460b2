import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdapterConfig } from './adapter-config.ts';
import { openAdapters } from './open-adapters.ts';

const embedded: AdapterConfig = {
  CRM_DATA_DIR: '/nonexistent/should-not-be-used',
  EVENT_STORE_SCHEMA: 'crm_test',
  KAFKA_CLIENT_ID: 'crm-test',
  KAFKA_TOPIC_PREFIX: '',
  KAFKA_PARTITIONS: 1,
  KAFKA_REPLICATION_FACTOR: 1,
  MONGODB_DATABASE: 'crm_test',
};

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'service-adapters-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const metadata = { actor: 'u-test', correlationId: 'c', causationId: 'c' };

describe('openAdapters with no server configured', () => {
  it('opens embedded files in the given folder, durable across a reopen', async () => {
    const dir = join(tempDir(), 'nested', 'things');
    const first = await openAdapters(embedded, { embeddedDir: dir });
    expect(first.kinds).toEqual({ eventStore: 'embedded', bus: 'embedded', readStore: 'embedded' });
    await first.eventStore.append(
      'thing-1',
      [{ id: '6f1d0c0e-0a49-4a43-9a8b-3d3c51b8e001', type: 'ThingMade', data: { n: 1 }, metadata }],
      { expectedRevision: 'no_stream' },
    );
    await first.documentStore.collection('things').put({ _id: 'thing-1', n: 1 }, 0);
    await first.bus.ensureTopics([{ name: 'things.v1' }]);
    await first.close();
    for (const name of ['events.sqlite', 'bus.sqlite', 'read-models.sqlite']) {
      expect(existsSync(join(dir, name))).toBe(true);
    }

    const again = await openAdapters(embedded, { embeddedDir: dir });
    expect((await again.eventStore.readStream('thing-1')).map((event) => event.data)).toEqual([
      { n: 1 },
    ]);
    expect(await again.documentStore.collection('things').get('thing-1')).toEqual({
      _id: 'thing-1',
      n: 1,
    });
    await again.close();
  });

  it('uses CRM_DATA_DIR when no folder is given', async () => {
    const dir = join(tempDir(), 'data');
    const adapters = await openAdapters({ ...embedded, CRM_DATA_DIR: dir });
    await adapters.close();
    expect(existsSync(join(dir, 'events.sqlite'))).toBe(true);
  });
});
