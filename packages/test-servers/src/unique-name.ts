import { randomBytes } from 'node:crypto';

export class InvalidNamePrefix extends Error {
  readonly code = 'INVALID_NAME_PREFIX';

  constructor(prefix: string) {
    super(`name prefix ${JSON.stringify(prefix)} must match ${namePrefix.source}`);
    this.name = 'InvalidNamePrefix';
  }
}

// Lower-case letters, digits and `_` are valid unquoted in PostgreSQL and as Kafka topic, MongoDB
// database and EventStoreDB stream names; 45 + 18 stays within PostgreSQL's 63 bytes.
const namePrefix = /^[a-z][a-z0-9_]{0,44}$/;

/** A fresh name per test for a topic, database or stream: `<prefix>_<time>_<random>`. */
export function uniqueName(prefix: string): string {
  if (!namePrefix.test(prefix)) throw new InvalidNamePrefix(prefix);
  const time = Date.now().toString(36).padStart(8, '0');
  return `${prefix}_${time}_${randomBytes(4).toString('hex')}`;
}
