// What a projection is (a read model built from the log) and how the projector reports on it.
import type { RecordedEvent } from '@crm/event-store';
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
   * When present, the projector uses it for every event, `handle` for none.
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
