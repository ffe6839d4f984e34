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
    // Against a hang, not a speed bar (that is npm run bench): with 4 files at once on 2 cores, a
    // test of a few CLI runs took more than 30 s on a busy machine.
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
