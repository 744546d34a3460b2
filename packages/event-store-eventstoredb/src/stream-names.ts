// The port's stream ids are ESDB stream names, behind an optional prefix that lets several
// deployments (or test runs) share one server. ESDB's own $ce-<category> projection also takes the
// part before the first '-', so the prefix joins the category: `crm_customer-42` is in `$ce-crm_customer`.
import {
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamSubscription,
  type Filter,
  type Position,
} from '@eventstore/db-client';
import { categoryOf } from '@crm/event-store';

export type CheckpointReached = (subscription: AllStreamSubscription, position: Position) => void;

export class StreamNames {
  readonly prefix: string;

  constructor(prefix = '') {
    if (prefix.includes('-') || prefix.startsWith('$')) {
      throw new TypeError(`categoryPrefix must not contain '-' or start with '$': ${prefix}`);
    }
    this.prefix = prefix;
  }

  toEsdb(streamId: string): string {
    return `${this.prefix}${streamId}`;
  }

  /** The port's stream id; undefined for system streams and streams outside the prefix. */
  fromEsdb(streamName: string): string | undefined {
    if (streamName.startsWith('$') || !streamName.startsWith(this.prefix)) return undefined;
    return streamName.slice(this.prefix.length);
  }

  /** Whether a port stream id is in one of `categories` (every stream when undefined). */
  inCategories(streamId: string, categories: readonly string[] | undefined): boolean {
    return categories === undefined || categories.includes(categoryOf(streamId));
  }

  /**
   * The server-side filter for a subscription: the categories' stream-name prefixes, else every
   * stream under the prefix, else every non-system event. An empty category list (match nothing)
   * is not sent as an empty prefix list, whose server meaning is unverified: the client drops all.
   */
  serverFilter(
    categories: readonly string[] | undefined,
    checkpointReached?: CheckpointReached,
  ): Filter {
    const options = checkpointReached === undefined ? {} : { checkpointReached };
    if (categories !== undefined && categories.length > 0) {
      const prefixes = [...new Set(categories)].map((category) => `${this.toEsdb(category)}-`);
      return streamNameFilter({ prefixes, ...options });
    }
    if (this.prefix !== '') return streamNameFilter({ prefixes: [this.prefix], ...options });
    return excludeSystemEvents(options);
  }
}
