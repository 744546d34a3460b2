import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The distributed test may install and start Kafka, FerretDB and PostgreSQL on a cold machine.
    hookTimeout: 600_000,
    testTimeout: 30_000,
  },
});
