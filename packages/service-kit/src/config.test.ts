import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  booleanFromString,
  ConfigError,
  logLevel,
  parseConfig,
  port,
  redactConfig,
  secret,
} from './config.ts';

const Schema = z.object({
  PORT: port.default(3000),
  LOG_LEVEL: logLevel.default('info'),
  EMBEDDED: booleanFromString.default(false),
  AUTH_SECRET: secret(),
  MONGODB_URL: z.url(),
});

const SECRET_VALUE = 'tooshort-but-secret';

const failure = (env: Record<string, string>): ConfigError => {
  try {
    parseConfig(Schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('parses and applies defaults', () => {
    const config = parseConfig(Schema, {
      AUTH_SECRET: 'x'.repeat(32),
      MONGODB_URL: 'mongodb://127.0.0.1:27017/crm',
      EMBEDDED: 'Yes',
    });
    expect(config).toEqual({
      PORT: 3000,
      LOG_LEVEL: 'info',
      EMBEDDED: true,
      AUTH_SECRET: 'x'.repeat(32),
      MONGODB_URL: 'mongodb://127.0.0.1:27017/crm',
    });
  });

  it('reports every bad variable at once', () => {
    const error = failure({
      PORT: '70000',
      LOG_LEVEL: 'loud',
      EMBEDDED: 'maybe',
      AUTH_SECRET: SECRET_VALUE,
    });
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual([
      'AUTH_SECRET',
      'EMBEDDED',
      'LOG_LEVEL',
      'MONGODB_URL',
      'PORT',
    ]);
    expect(error.issues.find((issue) => issue.variable === 'MONGODB_URL')?.problem).toBe(
      'is required',
    );
    for (const { variable } of error.issues) expect(error.message).toContain(variable);
  });

  it('never prints a secret value, even from a custom message', () => {
    const Leaky = z.object({
      API_KEY: z.string().refine((value) => value.startsWith('sk-'), {
        error: (issue) => `bad key ${String(issue.input)}`,
      }),
    });
    const error = failure({ AUTH_SECRET: SECRET_VALUE, MONGODB_URL: 'nope' });
    expect(error.message).not.toContain(SECRET_VALUE);
    expect(() => parseConfig(Leaky, { API_KEY: 'pk-live-123456' })).toThrow(ConfigError);
    try {
      parseConfig(Leaky, { API_KEY: 'pk-live-123456' });
    } catch (leaky) {
      expect((leaky as Error).message).not.toContain('pk-live-123456');
    }
  });

  it('accepts port 0 and refuses non-numbers', () => {
    expect(port.parse('0')).toBe(0);
    expect(port.safeParse('').success).toBe(false);
    expect(port.safeParse('80a').success).toBe(false);
  });

  it('reads booleans strictly', () => {
    expect(booleanFromString.parse('FALSE')).toBe(false);
    expect(booleanFromString.parse('1')).toBe(true);
    expect(booleanFromString.safeParse('yep').success).toBe(false);
  });
});

describe('redactConfig', () => {
  it('hides the secrets that are set and keeps the rest', () => {
    const config = { PORT: 3000, AUTH_SECRET: 'abc', DB_PASSWORD: undefined };
    expect(redactConfig(config, ['AUTH_SECRET', 'DB_PASSWORD'])).toEqual({
      PORT: 3000,
      AUTH_SECRET: '[redacted]',
      DB_PASSWORD: undefined,
    });
  });
});
