import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // EventStoreDB in a container where Docker answers (the first pull takes minutes).
    globalSetup: ['./src/eventstore-setup.ts'],
    hookTimeout: 600_000,
  },
});
