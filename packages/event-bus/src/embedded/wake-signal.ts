// Wakes a waiting consumer when something it may want happens (a publish, a stop). A notify that
// comes while nobody waits is remembered, so a wake-up between "found nothing" and "wait" is kept.
export interface WakeSignal {
  notify(): void;
  wait(): Promise<void>;
}

export function wakeSignal(): WakeSignal {
  let pending = false;
  let waiter: (() => void) | undefined;
  return {
    notify: () => {
      pending = true;
      const wake = waiter;
      waiter = undefined;
      wake?.();
    },
    wait: () => {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        waiter = () => {
          pending = false;
          resolve();
        };
      });
    },
  };
}
