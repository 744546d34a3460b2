// The consumer every service uses, whatever the bus: retries a failing handler with backoff,
// then parks the original message on the group's dead-letter topic and moves on. It never loses a
// message: if parking fails, the offset is not committed and the message comes again.
import { deadLetterTopic } from '@crm/contracts';
import type { Consumer, EventBus, IncomingMessage, OutgoingMessage } from './event-bus.ts';
import { isPermanentError } from './permanent-error.ts';

export interface ConsumeLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ConsumeOptions {
  groupId: string;
  topics: readonly string[];
  from?: 'earliest' | 'latest';
  handle: (message: IncomingMessage) => Promise<void>;
  /** Attempts before a transient failure is parked. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt up to `maxBackoffMs`. Default 200. */
  backoffMs?: number;
  /** Default 10 000. */
  maxBackoffMs?: number;
  logger?: ConsumeLogger;
}

export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: number;
  maxBackoffMs: number;
}

export type Decision = { action: 'retry'; delayMs: number } | { action: 'dead-letter' };

/** What to do after `attempt` (1-based) failed with `error`. */
export function retryDecision(error: unknown, attempt: number, policy: RetryPolicy): Decision {
  if (isPermanentError(error) || attempt >= policy.maxAttempts) return { action: 'dead-letter' };
  return {
    action: 'retry',
    delayMs: Math.min(policy.backoffMs * 2 ** (attempt - 1), policy.maxBackoffMs),
  };
}

/** A stable code for the dead-letter headers: the error's own code when it has one. */
export function errorCode(error: unknown): string {
  const candidate = error as { code?: unknown; name?: unknown } | null;
  if (typeof candidate?.code === 'string' && candidate.code) return candidate.code;
  if (candidate?.name === 'ZodError' || candidate?.name === '$ZodError') return 'INVALID_MESSAGE';
  return 'HANDLER_FAILED';
}

const maxErrorMessageLength = 1000;

/** The original message (key, bytes, headers) plus dlq_* headers saying where and why. */
export function deadLetterMessage(
  message: IncomingMessage,
  groupId: string,
  error: unknown,
  attempts: number,
  failedAt: Date,
): OutgoingMessage {
  const text = error instanceof Error ? error.message : String(error);
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      dlq_original_topic: message.topic,
      dlq_original_partition: String(message.partition),
      dlq_original_offset: message.offset,
      dlq_group: groupId,
      dlq_error_code: errorCode(error),
      dlq_error_message: text.slice(0, maxErrorMessageLength),
      dlq_attempts: String(attempts),
      dlq_failed_at: failedAt.toISOString(),
    },
  };
}

export async function consume(bus: EventBus, options: ConsumeOptions): Promise<Consumer> {
  const policy: RetryPolicy = {
    maxAttempts: Math.max(1, options.maxAttempts ?? 5),
    backoffMs: options.backoffMs ?? 200,
    maxBackoffMs: options.maxBackoffMs ?? 10_000,
  };
  const { groupId, logger } = options;
  const dlq = deadLetterTopic(groupId);
  await bus.ensureTopics([{ name: dlq }]);

  const handle = async (message: IncomingMessage): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await options.handle(message);
        return;
      } catch (error) {
        const where = { groupId, topic: message.topic, offset: message.offset, key: message.key };
        const decision = retryDecision(error, attempt, policy);
        if (decision.action === 'retry') {
          logger?.warn({ ...where, attempt, err: error }, 'handler failed, retrying');
          await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
          continue;
        }
        // If this publish throws, the bus does not commit and delivers the message again.
        await bus.publish(dlq, [deadLetterMessage(message, groupId, error, attempt, new Date())]);
        logger?.error({ ...where, attempt, err: error, deadLetterTopic: dlq }, 'message parked');
        return;
      }
    }
  };

  return bus.subscribe({
    groupId,
    topics: options.topics,
    ...(options.from ? { from: options.from } : {}),
    handle,
  });
}
