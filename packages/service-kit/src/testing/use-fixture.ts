// Vitest hooks that build a test fixture (an app, a client) before each test or once per file and
// close it after. The answer stands in for the current fixture, so a file declares it once at the
// top instead of a `let` with its own beforeEach/afterEach.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export function useFixture<T extends object>(
  build: () => Promise<T>,
  close: (fixture: T) => Promise<void>,
  scope: 'each' | 'all' = 'each',
): T {
  let current: T | undefined;
  const open = async () => {
    current = await build();
  };
  const done = async () => {
    const fixture = current;
    current = undefined;
    if (fixture) await close(fixture);
  };
  if (scope === 'each') {
    beforeEach(open);
    afterEach(done);
  } else {
    beforeAll(open);
    afterAll(done);
  }
  const now = (): T => {
    if (!current) throw new Error('the fixture is used outside a test');
    return current;
  };
  // Methods are bound to the current fixture, so `const { request } = api` works as well.
  return new Proxy({} as T, {
    get: (_target, key) => {
      const value: unknown = Reflect.get(now(), key);
      return typeof value === 'function' ? (value as () => unknown).bind(now()) : value;
    },
    has: (_target, key) => Reflect.has(now(), key),
  });
}
