// A small client over app.inject for the lead API tests: capture, read with read-your-writes, and
// post commands as a given user. For tests only.
import type { Role } from '@crm/service-kit';
import type { TestApp } from '../testing/test-app.ts';
import { aLeadBody } from './lead-test-support.ts';

export interface Written {
  id: string;
  revision: number;
  position: number | null;
  changed: boolean;
}

export function leadClient(t: TestApp) {
  const as = (roles: Role | readonly Role[], userId: string) => t.tokenFor(roles, userId);
  const post = async (
    url: string,
    headers: { authorization: string },
    payload: object = {},
    extra: Record<string, string> = {},
  ) => t.app.inject({ method: 'POST', url, headers: { ...headers, ...extra }, payload });
  return {
    as,
    post,
    /** Captures a lead (as the manager, into the pool unless ownerId says otherwise). */
    capture: async (
      headers: { authorization: string },
      overrides: Record<string, unknown> = {},
    ) => {
      const response = await post('/leads', headers, aLeadBody(overrides));
      if (response.statusCode >= 300) throw new Error(`capture: ${response.body}`);
      return response.json<Written>();
    },
    /** The lead as the read model has it once `revision` is projected. */
    get: async (headers: { authorization: string }, id: string, revision = 0) =>
      t.app.inject({ url: `/leads/${id}?waitForRevision=${revision}`, headers }),
    /** Waits until every projection has caught up with the log. */
    settle: async () => {
      const head = await t.service.deps.eventStore.headPosition();
      await t.service.projector.waitForPosition(head, 5_000);
    },
  };
}
