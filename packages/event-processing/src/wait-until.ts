// Read-your-writes: wait until a condition holds, looking again whenever a projection moves forward.
import type { Projector } from './projector.ts';

/** Re-checks `done` on every projector progress and every 25 ms (for stores written elsewhere). */
export function waitUntil(
  done: () => boolean | Promise<boolean>,
  projector: Pick<Projector, 'onProgress'>,
  timeoutMs: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const check = async () => {
      if (settled) return;
      if (await done()) finish(true);
    };
    const finish = (value: boolean) => {
      settled = true;
      unsubscribe();
      clearInterval(interval);
      clearTimeout(timeout);
      resolve(value);
    };
    const unsubscribe = projector.onProgress(() => void check());
    const interval = setInterval(() => void check(), 25);
    const timeout = setTimeout(() => finish(false), timeoutMs);
    void check();
  });
}
