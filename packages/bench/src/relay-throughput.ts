// How fast a relay drains a backlog: from its first read of the log until the bus has accepted the
// head and the checkpoint is saved, every event published as a CloudEvent in the Kafka binary binding.
import { performance } from 'node:perf_hooks';
import { toBinaryMessage } from '@crm/contracts';
import type { EventBus, OutgoingMessage } from '@crm/event-bus';
import { Relay, toCloudEvent } from '@crm/event-processing';
import type { EventStore, RecordedEvent } from '@crm/event-store';
import type { DocumentStore } from '@crm/read-store';

export interface Throughput {
  events: number;
  seconds: number;
  perSecond: number;
  /** False when the time cap ended it first: the figures are then over the events it did. */
  finished: boolean;
}

/** Any event as a CloudEvent: the relay's own cost, without a service's public mapping. */
export const benchMessage = (event: RecordedEvent): OutgoingMessage =>
  toBinaryMessage(
    toCloudEvent(event, 'crm/bench', { type: `bench.${event.type}`, data: event.data }),
  );

export async function measureRelay(options: {
  eventStore: EventStore;
  bus: EventBus;
  checkpoints: DocumentStore;
  topic: string;
  /** Past this the relay is stopped and its rate so far reported (finished: false). */
  capMs: number;
}): Promise<Throughput> {
  const head = await options.eventStore.headPosition();
  await options.bus.ensureTopics([{ name: options.topic }]);
  const relay = new Relay({
    name: 'bench',
    eventStore: options.eventStore,
    bus: options.bus,
    checkpoints: options.checkpoints,
    topic: options.topic,
    filter: { categories: ['customer'] },
    toMessage: benchMessage,
  });
  const started = performance.now();
  await relay.start();
  let stopped = false;
  try {
    // Polled every 5 ms: a few ms of resolution on a run of seconds.
    while (relay.status.position < head && performance.now() - started < options.capMs) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Stopping saves the checkpoint at the head: part of the time measured.
    await relay.stop();
    stopped = true;
    const seconds = (performance.now() - started) / 1_000;
    const { published } = relay.status;
    const finished = relay.status.checkpoint >= head;
    if (published === 0) throw new Error(`the relay published nothing: ${relay.status.error}`);
    return { events: published, seconds, perSecond: published / seconds, finished };
  } finally {
    if (!stopped) await relay.stop();
  }
}
