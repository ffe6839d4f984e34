import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The release files (npm run release) are tested by npm run test:release (vitest.release.config.ts).
    exclude: [...configDefaults.exclude, 'test/release/**'],
    // The CLI tests run bin/happytube.js, which runs dist/ when it is up to date: build it first.
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // The tests mostly wait on child processes, the emulator and the clock: more files at once
    // than cores (vitest's default is one fewer than the cores, a single one on two).
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
