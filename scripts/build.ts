/**
 * Builds dist/: the CLI bundled with its dependencies by esbuild, one ES module per lazily loaded
 * part (each command's implementation, the emulator…). bin/happytube.js runs it when it is at least
 * as new as src/ and package.json, and the sources otherwise.
 *
 * Why: run from source, a command loads ~170 modules (~80 of ours, ~90 of its dependencies), and
 * Node spends ~85 ms more on that than on the bundle — on every run, before the first byte of an
 * upload (docs/architecture.md's quality bars judge the whole `happytube upload`), and far more on a laptop whose antivirus
 * looks at every file opened.
 *
 *   node scripts/build.ts      (npm run build; npm ci runs it as `prepare`, vitest before the tests)
 * Without esbuild (an install without devDependencies) it says so and builds nothing.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');

/** Loaded where they are used, from node_modules: `open` finds its own xdg-open beside itself; the prompts are interactive only. */
const EXTERNAL = ['open', '@inquirer/prompts'];

export async function buildDist(): Promise<void> {
  const { build } = await import('esbuild');
  await rm(DIST, { recursive: true, force: true });
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: EXTERNAL,
    sourcemap: 'linked',
    // The maps name the source files in stacks (--verbose); the package does not ship the sources.
    sourcesContent: false,
    // The CommonJS dependencies (commander, yaml, write-file-atomic…) use require() and __filename.
    banner: {
      js: [
        "import { createRequire as __happytubeRequire } from 'node:module';",
        "import { fileURLToPath as __happytubePath } from 'node:url';",
        'const require = __happytubeRequire(import.meta.url);',
        'const __filename = __happytubePath(import.meta.url);',
      ].join(' '),
    },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildDist();
  } catch (error) {
    // `npm ci --omit=dev` has no esbuild: happytube then runs from its sources, which is slower to
    // start but the same program; an install must not fail for it.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write(
      'happytube: chưa có esbuild (cài bằng "npm ci --omit=dev"?) nên không dựng bản gộp dist/; happytube vẫn chạy được từ mã nguồn, chỉ khởi động chậm hơn. Chạy "npm ci" để có bản gộp.\n' +
        'happytube: esbuild is not installed ("npm ci --omit=dev"?), so there is no dist/ bundle; happytube still runs from its sources, only slower to start. Run "npm ci" to get the bundle.\n',
    );
  }
}
