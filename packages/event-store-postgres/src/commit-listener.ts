// Wakes live subscriptions when any process commits an append: LISTEN on a dedicated connection
// (appends NOTIFY in their transaction), plus a poll in case a notification is missed, e.g. while
// that connection is being re-established. Runs only while the store has a subscription.
import { Client } from 'pg';

export interface CommitListenerOptions {
  connectionString: string;
  channel: string;
  /** 0 turns the poll off. */
  pollIntervalMs: number;
  onCommit: () => void;
}

export class CommitListener {
  readonly #options: CommitListenerOptions;
  #active = false;
  #client: Client | undefined;
  #connecting: Promise<void> | undefined;
  #poll: NodeJS.Timeout | undefined;

  constructor(options: CommitListenerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#active) return;
    this.#active = true;
    const { pollIntervalMs, onCommit } = this.#options;
    if (pollIntervalMs > 0) {
      this.#poll = setInterval(() => {
        onCommit();
        this.#connect();
      }, pollIntervalMs);
      this.#poll.unref();
    }
    this.#connect();
  }

  async stop(): Promise<void> {
    this.#active = false;
    clearInterval(this.#poll);
    this.#poll = undefined;
    await this.#connecting;
    // A subscription came while we waited: it keeps the connection.
    if (this.#active) return;
    const client = this.#client;
    this.#client = undefined;
    // Nothing is lost if ending fails: the connection only ever carried wake-ups.
    await client?.end().catch(() => undefined);
  }

  /** (Re)connects unless connected or connecting; failures leave it to the poll to retry. */
  #connect(): void {
    if (!this.#active || this.#client !== undefined || this.#connecting !== undefined) return;
    this.#connecting = this.#listen()
      // Nothing is lost meanwhile: the poll wakes subscriptions and retries this.
      .catch(() => undefined)
      .finally(() => (this.#connecting = undefined));
  }

  async #listen(): Promise<void> {
    const { connectionString, channel, onCommit } = this.#options;
    const client = new Client({ connectionString, application_name: 'crm-event-store-listener' });
    const drop = (): void => {
      if (this.#client === client) this.#client = undefined;
      // Announcements may have been missed while the connection was failing.
      onCommit();
    };
    client.on('error', () => {
      drop();
      client.end().catch(() => undefined);
    });
    client.on('end', drop);
    client.on('notification', onCommit);
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (!this.#active) {
      await client.end();
      return;
    }
    this.#client = client;
    // Commits made before LISTEN took effect were never announced to us: look once now.
    onCommit();
  }
}
