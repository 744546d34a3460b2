import { defineConfig } from 'vitest/config';

// Per-package runs (`vitest run` in a package) pick this up through `projects`-less defaults;
// this root file only lets `pnpm vitest` run everything at once from the top.
export default defineConfig({
  test: {
    projects: ['packages/*', 'services/*'],
  },
});
