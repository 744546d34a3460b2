// When a relay saves its checkpoint: after `everyEvents` events or `intervalMs`, whichever comes
// first, in the background and one save at a time, so publishing never waits for the read store.
// A crash loses at most what moved since the last save: it is published again.

export interface CheckpointCadenceOptions {
  everyEvents: number;
  intervalMs: number;
  save: (position: number) => Promise<void>;
  onSaved: (position: number) => void;
  /** A save made in the background failed (flush() rejects instead). */
  onError: (error: unknown) => void;
}

export class CheckpointCadence {
  readonly #options: CheckpointCadenceOptions;
  #saved = 0;
  #latest = 0;
  #since = 0;
  #lastSavedAt = performance.now();
  #timer: NodeJS.Timeout | undefined;
  #saving: Promise<void> | undefined;
  #again = false;

  constructor(options: CheckpointCadenceOptions) {
    this.#options = options;
  }

  /** Starts counting afresh from a checkpoint just read. */
  reset(saved: number): void {
    this.cancel();
    this.#saved = saved;
    this.#latest = Math.max(this.#latest, saved);
    this.#since = 0;
    this.#lastSavedAt = performance.now();
  }

  /** `events` more were published, up to `position`. */
  moved(position: number, events: number): void {
    this.#latest = position;
    this.#since += events;
    const elapsed = performance.now() - this.#lastSavedAt;
    if (this.#since >= this.#options.everyEvents || elapsed >= this.#options.intervalMs) {
      this.#saveInBackground();
      return;
    }
    this.#timer ??= setTimeout(() => this.#saveInBackground(), this.#options.intervalMs - elapsed);
    this.#timer.unref();
  }

  /** Saves the latest position now (after a save already under way). */
  flush(): Promise<void> {
    return this.#save();
  }

  /** Forgets a save that was only scheduled. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #saveInBackground(): void {
    this.#save().catch(this.#options.onError);
  }

  #save(): Promise<void> {
    this.cancel();
    if (this.#saving) {
      this.#again = true;
      return this.#saving;
    }
    this.#saving = (async () => {
      do {
        this.#again = false;
        this.#since = 0;
        this.#lastSavedAt = performance.now();
        const position = this.#latest;
        if (position <= this.#saved) continue;
        await this.#options.save(position);
        this.#saved = position;
        this.#options.onSaved(position);
      } while (this.#again);
    })().finally(() => (this.#saving = undefined));
    return this.#saving;
  }
}
