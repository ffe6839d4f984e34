import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The release files (npm run release) are tested by npm run test:release (vitest.release.config.ts).
    exclude: [...configDefaults.exclude, 'test/release/**'],
    // The CLI tests run bin/happytube.js, which runs dist/ when it is up to date: build it first.
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
