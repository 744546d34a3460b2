// When has a subscription delivered everything the store held? Three signals say so: the server's
// "caught up" message (EventStoreDB 23.10+), a filtered-subscription checkpoint at or past the head
// seen at the start (older servers send one on going live), or an event at or past that head. A
// signal arrives while events the client already buffered still wait for the handler, so it takes
// effect only once the events received before it are handled.
//
// The position reported is always an event's position (the head seen at start, or the last event
// handled), never a server checkpoint: a checkpoint may be where the next event will be written,
// and resuming "after" it would skip that event.

interface Marker {
  /** Takes effect once this many events are handled. */
  at: number;
}

export class CaughtUpTracker {
  readonly #head: number;
  #position: number;
  #received = 0;
  #handled = 0;
  #caughtUp = false;
  #reported: number | undefined;
  readonly #markers: Marker[] = [];

  /** `after`: the subscription's checkpoint; `head`: the store's head position at the start. */
  constructor(after: number, head: number) {
    this.#position = after;
    this.#head = head;
  }

  /** Caught up before anything is read when nothing lies past the checkpoint. */
  start(): number | undefined {
    if (this.#head > this.#position) return undefined;
    this.#caughtUp = true;
    return this.#report();
  }

  /** An event left the client's buffer for the handler. */
  received(): void {
    this.#received++;
  }

  /** The handler finished an event (or the event was skipped); `position` is its $all position. */
  handled(position: number | undefined): number | undefined {
    this.#handled++;
    if (position !== undefined) this.#position = Math.max(this.#position, position);
    if (!this.#caughtUp && position !== undefined && position >= this.#head) {
      this.#markers.push({ at: this.#handled });
    }
    return this.#flush();
  }

  /** The server says the subscription is live; `buffered` events were queued before it said so. */
  serverCaughtUp(buffered: number): number | undefined {
    this.#markers.push({ at: this.#received + buffered });
    return this.#flush();
  }

  /** A filtered subscription scanned up to `checkpoint`; `buffered` as for serverCaughtUp. */
  checkpoint(buffered: number, checkpoint: number): number | undefined {
    if (checkpoint < this.#head) return undefined;
    return this.serverCaughtUp(buffered);
  }

  #flush(): number | undefined {
    let reached = false;
    while (this.#markers.length > 0 && this.#markers[0]!.at <= this.#handled) {
      this.#markers.shift();
      reached = true;
    }
    if (!reached) return undefined;
    this.#caughtUp = true;
    return this.#report();
  }

  /** Everything up to the head seen at start is delivered: report the furthest event known. */
  #report(): number | undefined {
    const position = Math.max(this.#position, this.#head);
    if (this.#reported !== undefined && position <= this.#reported) return undefined;
    this.#reported = position;
    return position;
  }
}
