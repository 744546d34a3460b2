// `from: 'latest'` for a new group means "after subscribe was called", as on the embedded bus, not
// "wherever the end is when the group gets round to its first fetch" (Kafka's own reset).
import type { Admin, Consumer } from 'kafkajs';

export interface StartOffset {
  partition: number;
  offset: string;
}

/** Per topic, where each partition starts. */
export type StartOffsets = Map<string, StartOffset[]>;

/** The current end of each topic the group has never committed an offset for. */
export async function latestStarts(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<StartOffsets> {
  const starts = new Map<string, StartOffset[]>();
  for (const topic of await uncommittedTopics(admin, groupId, topics)) {
    const ends = await admin.fetchTopicOffsets(topic);
    starts.set(
      topic,
      ends.map(({ partition, high }) => ({ partition, offset: high })),
    );
  }
  return starts;
}

/**
 * Moves the assigned partitions of still-uncommitted topics to their start and commits it, so the
 * start survives a restart. Topics the group has committed to since leave `starts`.
 */
export async function applyStarts(
  admin: Admin,
  groupId: string,
  consumer: Consumer,
  assigned: Readonly<Record<string, number[]>>,
  starts: StartOffsets,
): Promise<void> {
  if (starts.size === 0) return;
  const pending = new Set(await uncommittedTopics(admin, groupId, [...starts.keys()]));
  const commits: (StartOffset & { topic: string })[] = [];
  for (const [topic, partitions] of starts) {
    if (!pending.has(topic)) {
      starts.delete(topic);
      continue;
    }
    for (const { partition, offset } of partitions) {
      if (!assigned[topic]?.includes(partition)) continue;
      consumer.seek({ topic, partition, offset }); // the fetch position
      commits.push({ topic, partition, offset });
    }
  }
  if (commits.length > 0) await consumer.commitOffsets(commits); // durable now, not at next fetch
}

async function uncommittedTopics(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<string[]> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  return committed
    .filter(({ partitions }) => partitions.every(({ offset }) => offset === '-1'))
    .map(({ topic }) => topic);
}
