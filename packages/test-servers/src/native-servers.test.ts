import { describe, expect, it } from 'vitest';
import { parseEnvLines } from './native-servers.ts';

describe('parseEnvLines', () => {
  it('reads KEY=VALUE lines and keeps `=` inside values', () => {
    expect(
      parseEnvLines('DATABASE_URL=postgres://a/b?x=1\nKAFKA_BROKERS=127.0.0.1:59092\n'),
    ).toEqual({ DATABASE_URL: 'postgres://a/b?x=1', KAFKA_BROKERS: '127.0.0.1:59092' });
  });

  it('ignores anything that is not an assignment', () => {
    expect(parseEnvLines('\n[servers] kafka: healthy\nlower=case\n')).toEqual({});
  });
});
