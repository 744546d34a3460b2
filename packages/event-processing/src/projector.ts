// Runs projections: each follows the log from its own durable checkpoint into the read models,
// event by event or in batches (projection-feed.ts). Writes are version-guarded by the document
// store, so the checkpoint may lag behind what was written (it is saved every few hundred events);
// after a crash the events since it are replayed harmlessly. It never passes an unwritten event.
// Until a projection first catches up, its batches fold into a catch-up window (projector-window.ts).
import { EventEmitter } from 'node:events';
import type { EventStore } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';
import type { Projection, ProjectionStatus, ProjectorLogger } from './projection.ts';
import { ProjectionFeed } from './projection-feed.ts';
import type { CatchUpWindowOptions } from './projector-window.ts';
import { waitUntil } from './wait-until.ts';

interface Runner {
  projection: Projection;
  status: ProjectionStatus;
  feed: ProjectionFeed | undefined;
  unsaved: number;
  saveTimer: NodeJS.Timeout | undefined;
  retryTimer: NodeJS.Timeout | undefined;
  /** The checkpoint write in flight, if any: halting waits for it, so none outlives stop(). */
  saving: Promise<void> | undefined;
  failures: number;
}

const SAVE_EVERY = 200;
const SAVE_AFTER_MS = 50;

export interface ProjectorOptions {
  eventStore: EventStore;
  documentStore: DocumentStore;
  projections: readonly Projection[];
  logger?: ProjectorLogger;
  /** Events per `handleBatch` call at most (default 500). */
  batchSize?: number;
  /** How long a partial batch waits for more events while live (default 2 ms). */
  lingerMs?: number;
  /**
   * While catching up, batches of a projection with `handleBatch` fold in memory and are written
   * once per window (bounds: 100,000 events, 50,000 documents); `false` writes every batch.
   */
  catchUpWindow?: CatchUpWindowOptions | false;
}

export class Projector {
  readonly #events: EventStore;
  readonly #documents: DocumentStore;
  readonly #log: ProjectorLogger | undefined;
  readonly #batch: { size: number; lingerMs: number };
  readonly #window: CatchUpWindowOptions | false;
  readonly #runners = new Map<string, Runner>();
  readonly #progress = new EventEmitter();
  #stopped = false;

  constructor(options: ProjectorOptions) {
    this.#events = options.eventStore;
    this.#documents = options.documentStore;
    this.#log = options.logger;
    this.#batch = { size: options.batchSize ?? 500, lingerMs: options.lingerMs ?? 2 };
    this.#window = options.catchUpWindow ?? {};
    this.#progress.setMaxListeners(0);
    for (const projection of options.projections) {
      this.#runners.set(projection.name, {
        projection,
        status: { name: projection.name, position: 0, state: 'starting' },
        feed: undefined,
        saveTimer: undefined,
        retryTimer: undefined,
        saving: undefined,
        unsaved: 0,
        failures: 0,
      });
    }
  }

  async start(): Promise<void> {
    for (const runner of this.#runners.values()) {
      // stop() may come while an earlier projection is still being set up: start no more feeds.
      if (this.#stopped) return;
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
    await this.#run(runner, true);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const runner of this.#runners.values()) {
      await this.#halt(runner);
      runner.status.state = 'stopped';
    }
  }

  /** `cleared`: the read models were just emptied for a replay from position 0. */
  async #run(runner: Runner, cleared = false): Promise<void> {
    const saved = await this.#documents.getCheckpoint(checkpointName(runner.projection));
    if (this.#stopped) return;
    // No checkpoint under this name: a new projection or a new version of it; start clean.
    if (saved === null) {
      for (const collection of runner.projection.collections) {
        await this.#documents.collection(collection).clear();
      }
    }
    const checkpoint = saved ?? 0;
    runner.status.position = checkpoint;
    runner.status.state = 'catching_up';
    runner.feed = new ProjectionFeed({
      eventStore: this.#events,
      documents: this.#documents,
      projection: runner.projection,
      after: checkpoint,
      batchSize: this.#batch.size,
      lingerMs: this.#batch.lingerMs,
      ...(this.#window && {
        window: { ...this.#window, fresh: saved === null || (cleared && saved === 0) },
      }),
      onWritten: (position, count) => {
        this.#advance(runner, position);
        runner.unsaved += count;
        if (runner.unsaved >= SAVE_EVERY) return this.#save(runner);
        runner.saveTimer ??= setTimeout(() => void this.#saveLater(runner), SAVE_AFTER_MS);
      },
      onCaughtUp: (position) => {
        runner.status.state = 'live';
        runner.failures = 0;
        this.#advance(runner, position);
      },
      onFailed: (error) => this.#fail(runner, error),
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
    // One write at a time, in order: a later position is never overwritten by an earlier one.
    await runner.saving;
    if (runner.unsaved === 0) return;
    runner.unsaved = 0;
    const saving = this.#documents.setCheckpoint(
      checkpointName(runner.projection),
      runner.status.position,
    );
    runner.saving = saving.then(
      () => undefined,
      () => undefined,
    );
    await saving;
  }

  /** A checkpoint that failed to save only lags: the next save (or a replay) covers it. */
  async #saveLater(runner: Runner): Promise<void> {
    try {
      await this.#save(runner);
    } catch (error) {
      this.#log?.error({ projection: runner.projection.name, err: error }, 'checkpoint not saved');
    }
  }

  #fail(runner: Runner, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    runner.status = { ...runner.status, state: 'failed', error: message };
    runner.feed = undefined;
    if (this.#stopped) return;
    const delay = Math.min(30_000, 500 * 2 ** runner.failures++);
    this.#log?.error(
      { projection: runner.projection.name, err: error, retryInMs: delay },
      'projection failed',
    );
    runner.retryTimer = setTimeout(() => {
      runner.retryTimer = undefined;
      if (!this.#stopped) this.#run(runner).catch((next: unknown) => this.#fail(runner, next));
    }, delay);
  }

  async #halt(runner: Runner): Promise<void> {
    clearTimeout(runner.retryTimer);
    const feed = runner.feed;
    runner.feed = undefined;
    // Unwritten events are left for the next run to replay from the checkpoint.
    await feed?.stop().catch((error: unknown) => {
      this.#log?.error({ projection: runner.projection.name, err: error }, 'batch not written');
    });
    await this.#save(runner);
  }
}

const checkpointName = (projection: Projection): string =>
  `projection:${projection.name}:v${projection.version}`;
