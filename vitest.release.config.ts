import { defineConfig } from 'vitest/config';

/**
 * `npm run test:release`: the files a school downloads (npm run release), built once before the
 * tests, then run as a user runs them. Slow (two Node executables, an npm install, Wine), so apart
 * from `npm test`; .ci/run runs both.
 */
export default defineConfig({
  test: {
    include: ['test/release/**/*.test.ts'],
    globalSetup: ['test/release/global-setup.ts'],
    pool: 'forks',
    // One at a time: each file starts big processes (a 120 MB executable, npm, Wine).
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
