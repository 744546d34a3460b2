import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The int tests on real servers may install and start Kafka, FerretDB and PostgreSQL.
    hookTimeout: 600_000,
    testTimeout: 30_000,
  },
});
