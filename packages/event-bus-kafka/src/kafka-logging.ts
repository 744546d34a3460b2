// kafkajs logs through a `logCreator`; this one hands its entries to the service's logger (pino's
// `(details, message)` shape), so Kafka client logs land in the same structured stream.
import { logLevel, type LogEntry, type logCreator } from 'kafkajs';

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface BusLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
  debug?(details: object, message: string): void;
}

const levels: Record<KafkaLogLevel, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

export const kafkaLogLevel = (level: KafkaLogLevel): logLevel => levels[level];

/** One JSON line per entry on stderr: the default when no logger is given. */
export const consoleLogger: BusLogger = {
  error: (details, message) => console.error(line('error', details, message)),
  warn: (details, message) => console.error(line('warn', details, message)),
  info: (details, message) => console.error(line('info', details, message)),
};

const line = (level: string, details: object, message: string): string =>
  JSON.stringify({ level, time: new Date().toISOString(), message, ...details }, errorsAsObjects);

// JSON.stringify turns an Error into {}: keep what a reader needs.
const errorsAsObjects = (_key: string, value: unknown): unknown =>
  value instanceof Error
    ? { name: value.name, message: value.message, code: (value as { code?: unknown }).code }
    : value;

// We cap the idempotent producer's retries on purpose and replace the producer after a failed
// send (see kafka-publisher.ts), which is what this warning is about.
const expectedWarning = 'Limiting retries for the idempotent producer';

export function kafkaLogCreator(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, ...extra } = log;
      const details = { component: 'kafkajs', namespace, ...extra };
      if (level === logLevel.ERROR) logger.error(details, message);
      else if (level === logLevel.WARN) {
        if (!message.startsWith(expectedWarning)) logger.warn(details, message);
      } else if (level === logLevel.INFO) logger.info(details, message);
      else logger.debug?.(details, message);
    };
}
