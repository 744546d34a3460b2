// A process reads its environment once, through one zod schema, and hears about every mistake at
// once, without a secret's value ever reaching the terminal or the log.
import { z } from 'zod';

export interface ConfigIssue {
  variable: string;
  problem: string;
}

export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIG';
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map(({ variable, problem }) => `  ${variable}: ${problem}`);
    super(`invalid configuration (${issues.length} problem(s)):\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Values shorter than this are not scrubbed from messages: they would mangle ordinary words. */
const MIN_SCRUB_LENGTH = 4;

const scrub = (message: string, env: Env): string => {
  let clean = message;
  for (const value of Object.values(env)) {
    if (value !== undefined && value.length >= MIN_SCRUB_LENGTH && clean.includes(value)) {
      clean = clean.replaceAll(value, '[redacted]');
    }
  }
  return clean;
};

const describe = (issue: z.core.$ZodIssue, variable: string, env: Env): string => {
  if (env[variable] === undefined && issue.code === 'invalid_type') return 'is required';
  // Zod's own messages never quote the input, but a custom refine message might.
  return scrub(issue.message, env);
};

/** Parses the environment with the schema, or throws a ConfigError listing every bad variable. */
export const parseConfig = <Schema extends z.ZodObject>(
  schema: Schema,
  env: Env = process.env,
): z.output<Schema> => {
  const result = schema.safeParse(env, { reportInput: false });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const variable = issue.path.length > 0 ? issue.path.map(String).join('.') : '(environment)';
    return { variable, problem: describe(issue, variable, env) };
  });
  throw new ConfigError(issues);
};

export const REDACTED = '[redacted]';

/** A copy fit for the log: each secret that is set shows as [redacted]. */
export const redactConfig = <Config extends Record<string, unknown>>(
  config: Config,
  secretKeys: readonly (keyof Config)[],
): Record<keyof Config, unknown> => {
  const copy: Record<keyof Config, unknown> = { ...config };
  for (const key of secretKeys) if (copy[key] !== undefined) copy[key] = REDACTED;
  return copy;
};

/** A TCP port from a string; 0 asks the OS for a free one. */
export const port = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a port number (0-65535)')
  .transform(Number)
  .pipe(z.number().int().min(0, 'must be 0-65535').max(65535, 'must be 0-65535'));

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

/** 'true'/'false' (also 1/0, yes/no, on/off, any case) to a boolean; anything else is refused. */
export const booleanFromString = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum([...TRUE, ...FALSE], { error: `must be one of ${[...TRUE, ...FALSE].join(', ')}` }))
  .transform((value) => TRUE.includes(value));

/** A secret string (a signing key, a password): long enough to be one. */
export const secret = (minLength = 32) =>
  z.string().min(minLength, `must be at least ${minLength} characters`);
