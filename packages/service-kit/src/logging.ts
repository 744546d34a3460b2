// Structured logs (pino) that never carry credentials, and request ids that cross process lines.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Paths pino blanks out wherever they appear in a log line. */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.*.password',
  'body.password',
  'req.body.password',
];

/** Adds the redaction paths to pino options, keeping any the caller already has. */
export const withRedaction = (options: LoggerOptions = {}): LoggerOptions => {
  const own = options.redact;
  const paths = Array.isArray(own) ? own : (own?.paths ?? []);
  const censor = !own || Array.isArray(own) ? '[redacted]' : (own.censor ?? '[redacted]');
  return { ...options, redact: { paths: [...new Set([...REDACT_PATHS, ...paths])], censor } };
};

/** The process's logger, for main.ts to share between the HTTP app and everything else. */
export const createLogger = (
  options: LoggerOptions & { name: string },
  destination?: DestinationStream,
): Logger =>
  destination ? pino(withRedaction(options), destination) : pino(withRedaction(options));

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Keeps a caller's request id when it is harmless to log and echo, else makes a new one. */
export const requestIdFor = (request: IncomingMessage): string => {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
};
