// Runs projections: each follows the log from its own durable checkpoint into the read models.
// Writes are version-guarded by the document store, so the checkpoint may lag behind what was
// written (it is saved in batches); after a crash the few events since it are replayed harmlessly.
import { EventEmitter } from 'node:events';
import type { EventStore, RecordedEvent, Subscription } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';

export interface Projection {
  /** Names the checkpoint; bump `version` when the read model's shape changes (it is rebuilt). */
  name: string;
  version: number;
  /** Stream categories it reads (`customer` for `customer-<id>` streams). */
  categories: readonly string[];
  /** Collections it owns: cleared on rebuild. */
  collections: readonly string[];
  setup?: (store: DocumentStore) => Promise<void>;
  handle: (event: RecordedEvent, store: DocumentStore) => Promise<void>;
  /**
   * Handles consecutive events at once (catch-up, rebuilds, bursts): the same outcome as calling
   * `handle` for each in order, with far fewer writes (fold per document, then one putMany).
   */
  handleBatch?: (events: readonly RecordedEvent[], store: DocumentStore) => Promise<void>;
}

export interface ProjectorLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ProjectionStatus {
  name: string;
  position: number;
  state: 'starting' | 'catching_up' | 'live' | 'failed' | 'stopped';
  error?: string;
}

interface Runner {
  projection: Projection;
  status: ProjectionStatus;
  subscription: Subscription | undefined;
  unsaved: number;
  saveTimer: NodeJS.Timeout | undefined;
  retryTimer: NodeJS.Timeout | undefined;
  failures: number;
}

const SAVE_EVERY = 200;
const SAVE_AFTER_MS = 50;

export class Projector {
  readonly #events: EventStore;
  readonly #documents: DocumentStore;
  readonly #log: ProjectorLogger | undefined;
  readonly #runners = new Map<string, Runner>();
  readonly #progress = new EventEmitter();
  #stopped = false;

  constructor(options: {
    eventStore: EventStore;
    documentStore: DocumentStore;
    projections: readonly Projection[];
    logger?: ProjectorLogger;
  }) {
    this.#events = options.eventStore;
    this.#documents = options.documentStore;
    this.#log = options.logger;
    this.#progress.setMaxListeners(0);
    for (const projection of options.projections) {
      this.#runners.set(projection.name, {
        projection,
        status: { name: projection.name, position: 0, state: 'starting' },
        subscription: undefined,
        saveTimer: undefined,
        retryTimer: undefined,
        unsaved: 0,
        failures: 0,
      });
    }
  }

  async start(): Promise<void> {
    for (const runner of this.#runners.values()) {
      await runner.projection.setup?.(this.#documents);
      await this.#run(runner);
    }
  }

  status(): ProjectionStatus[] {
    return [...this.#runners.values()].map((runner) => ({ ...runner.status }));
  }

  /** The lowest position every projection has reached. */
  position(): number {
    return Math.min(...[...this.#runners.values()].map((runner) => runner.status.position));
  }

  /** Calls back whenever a projection moves forward. Returns the unsubscribe function. */
  onProgress(listener: () => void): () => void {
    this.#progress.on('progress', listener);
    return () => this.#progress.off('progress', listener);
  }

  /** Resolves true once every projection has reached `position`, false after the timeout. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    return waitUntil(() => this.position() >= position, this, timeoutMs);
  }

  /** Drops a projection's read models and replays the log into them from the start. */
  async rebuild(name: string): Promise<void> {
    const runner = this.#runners.get(name);
    if (!runner) throw new Error(`no projection named ${name}`);
    await this.#halt(runner);
    for (const collection of runner.projection.collections) {
      await this.#documents.collection(collection).clear();
    }
    await this.#documents.setCheckpoint(checkpointName(runner.projection), 0);
    runner.status = { name, position: 0, state: 'starting' };
    await runner.projection.setup?.(this.#documents);
    await this.#run(runner);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const runner of this.#runners.values()) {
      await this.#halt(runner);
      runner.status.state = 'stopped';
    }
  }

  async #run(runner: Runner): Promise<void> {
    const saved = await this.#documents.getCheckpoint(checkpointName(runner.projection));
    // No checkpoint under this name: a new projection or a new version of it; start clean.
    if (saved === null) {
      for (const collection of runner.projection.collections) {
        await this.#documents.collection(collection).clear();
      }
    }
    const checkpoint = saved ?? 0;
    runner.status.position = checkpoint;
    runner.status.state = 'catching_up';
    runner.subscription = this.#events.subscribeToAll({
      after: checkpoint,
      filter: { categories: runner.projection.categories },
      onEvent: async (event) => {
        await runner.projection.handle(event, this.#documents);
        this.#advance(runner, event.position);
        if (++runner.unsaved >= SAVE_EVERY) await this.#save(runner);
        else runner.saveTimer ??= setTimeout(() => void this.#save(runner), SAVE_AFTER_MS);
      },
      onCaughtUp: (position) => {
        runner.status.state = 'live';
        runner.failures = 0;
        this.#advance(runner, position);
      },
      onError: (error) => this.#fail(runner, error),
    });
  }

  #advance(runner: Runner, position: number): void {
    if (position <= runner.status.position) return;
    runner.status.position = position;
    this.#progress.emit('progress');
  }

  async #save(runner: Runner): Promise<void> {
    clearTimeout(runner.saveTimer);
    runner.saveTimer = undefined;
    if (runner.unsaved === 0) return;
    runner.unsaved = 0;
    await this.#documents.setCheckpoint(checkpointName(runner.projection), runner.status.position);
  }

  #fail(runner: Runner, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    runner.status = { ...runner.status, state: 'failed', error: message };
    runner.subscription = undefined;
    if (this.#stopped) return;
    const delay = Math.min(30_000, 500 * 2 ** runner.failures++);
    this.#log?.error({ projection: runner.projection.name, err: error, retryInMs: delay }, 'projection failed');
    runner.retryTimer = setTimeout(() => {
      runner.retryTimer = undefined;
      if (!this.#stopped) void this.#run(runner);
    }, delay);
  }

  async #halt(runner: Runner): Promise<void> {
    clearTimeout(runner.retryTimer);
    await runner.subscription?.stop();
    runner.subscription = undefined;
    await this.#save(runner);
  }
}

const checkpointName = (projection: Projection): string =>
  `projection:${projection.name}:v${projection.version}`;

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
