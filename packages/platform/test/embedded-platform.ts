// The one-command run built in-process, exactly as main.ts builds it (createPlatform on a temp
// data folder), for tests that drive it through app.inject as the demo users and use its bus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBinaryMessage, type CloudEvent } from '@crm/contracts';
import type { IncomingMessage } from '@crm/event-bus';
import { issueToken } from '@crm/service-kit';
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import { AUDIENCE, createPlatform, ISSUER, type Platform } from '../src/platform.ts';
import { ADMIN, DEMO_USERS } from '../src/users.ts';
import { eventually, type Answer, type Json } from './eventually.ts';

export type Call = (method: 'GET' | 'POST' | 'PUT', url: string, body?: object) => Promise<Answer>;

export interface EmbeddedPlatform {
  platform: Platform;
  /** Requests as the admin or a demo user (by id, e.g. u-li-lei). */
  as(userId: string): Call;
  /** The first message on `topic` whose event matches (read by a fresh consumer group). */
  findMessage(
    topic: string,
    what: string,
    match: (event: CloudEvent) => boolean,
  ): Promise<{ event: CloudEvent; message: IncomingMessage }>;
  close(): Promise<void>;
}

/** Starts on `dataDir` (kept on close), or on a temp folder of its own (removed on close). */
export async function startEmbedded(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<EmbeddedPlatform> {
  const folder = dataDir ?? mkdtempSync(join(tmpdir(), 'crm-embedded-'));
  const config = loadConfig({ CRM_DATA_DIR: folder, CRM_SEED_DEMO: 'false', ...env });
  const platform = await createPlatform(config, pino({ level: 'silent' }));
  await platform.start();
  let groups = 0;
  return {
    platform,
    as: (userId) => async (method, url, body) => {
      const user = [ADMIN, ...DEMO_USERS].find((candidate) => candidate.id === userId)!;
      const token = await issueToken({
        secret: platform.secret,
        issuer: ISSUER,
        audience: AUDIENCE,
        ttlSeconds: 600,
        user: { id: user.id, name: user.displayName, roles: user.roles },
      });
      const response = await platform.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body }),
      });
      return {
        status: response.statusCode,
        json: (response.body ? response.json() : null) as Json,
      };
    },
    findMessage: async (topic, what, match) => {
      let found: { event: CloudEvent; message: IncomingMessage } | undefined;
      const consumer = await platform.bus.subscribe({
        groupId: `test.reader.${++groups}`,
        topics: [topic],
        from: 'earliest',
        handle: (message) => {
          const event = fromBinaryMessage(message);
          if (!found && match(event)) found = { event, message };
          return Promise.resolve();
        },
      });
      try {
        return await eventually(what, () => Promise.resolve(found));
      } finally {
        await consumer.stop();
      }
    },
    close: async () => {
      await platform.app.close();
      await platform.close();
      if (!dataDir) rmSync(folder, { recursive: true, force: true });
    },
  };
}
