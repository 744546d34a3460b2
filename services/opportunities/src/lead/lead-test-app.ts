// The lead API tests' app for a whole file: the test teams and pools, a clock the test moves, and
// a client over app.inject. For tests only.
import { useFixture } from '@crm/service-kit/testing';
import { buildTestApp } from '../testing/test-app.ts';
import { leadClient } from './lead-api-client.ts';
import { movableClock, POOLS, TEAMS } from './lead-test-support.ts';

export function useLeadTestApp(time = movableClock()) {
  const t = useFixture(
    () => buildTestApp({ teams: TEAMS, pools: POOLS, clock: time.clock }),
    (app) => app.close(),
    'all',
  );
  return { t, api: leadClient(t), time };
}
