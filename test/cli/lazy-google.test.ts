/**
 * Google's libraries (google-auth-library, @googleapis/youtube and what they load: gaxios,
 * node-fetch…) cost start-up, so only the commands that talk to Google load them. Each command
 * runs in a child Node that records every module it loads (test/helpers/record-modules.ts): from
 * the sources, where the libraries are files of node_modules, and from the bundle, where they
 * are parts of dist/ chunks (esbuild marks each bundled file with a `// node_modules/…` comment).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runNode } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { exampleCopy } from '../sync/helpers.ts';

const HOOK = fileURLToPath(new URL('../helpers/record-modules.ts', import.meta.url));
const SOURCE = new URL('../../src/cli/main.ts', import.meta.url).href;

/** Node's arguments that run the CLI with `args`: through bin/ (the bundle, fresh in tests) or from the sources. */
const ENTRIES: [string, (args: string[]) => string[]][] = [
  ['the bundle', (args) => [BIN, ...args]],
  [
    'the sources',
    (args) => ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(SOURCE)}); process.exitCode = await main(${JSON.stringify(args)});`],
  ],
];
const GOOGLE = /node_modules\/(google-auth-library|@googleapis\/youtube|googleapis-common|gaxios|node-fetch)\//;

const emulator = useEmulator();
let work: string;
let library: { dir: string; remove: () => Promise<void> };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'happytube-lazy-'));
  library = await exampleCopy();
});

afterAll(async () => {
  await library.remove();
  await rm(work, { recursive: true, force: true });
});

let runs = 0;

/** The Google library files a command loaded (from node_modules, or bundled into the dist/ chunks it loaded). */
async function googleLoadedBy(entry: (args: string[]) => string[], args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const out = join(work, `modules-${++runs}.txt`);
  const run = await runNode(['--import', HOOK, ...entry(args)], { env: { ...env, HAPPYTUBE_TEST_MODULES_OUT: out, HAPPYTUBE_LANG: 'en' } });
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout.trim()).not.toBe('');
  const urls = (await readFile(out, 'utf8')).split('\n').filter((url) => url.startsWith('file:'));
  expect(urls.length).toBeGreaterThan(0);
  const found: string[] = [];
  for (const url of urls) {
    const path = fileURLToPath(url);
    if (GOOGLE.test(path)) found.push(path);
    else if (/\/dist\/[^/]+\.js$/.test(path)) {
      const bundled = (await readFile(path, 'utf8')).match(/^\/\/ node_modules\/\S+/gm) ?? [];
      found.push(...bundled.filter((line) => GOOGLE.test(`${line.slice(3)}`)));
    }
  }
  return found;
}

describe.each(ENTRIES)('Google libraries, run from %s', (_name, entry) => {
  it('are not loaded by --help, check or init', async () => {
    expect(await googleLoadedBy(entry, ['--help'])).toEqual([]);
    expect(await googleLoadedBy(entry, ['check', library.dir])).toEqual([]);
    expect(await googleLoadedBy(entry, ['init', join(work, `new-${runs}`), '--yes', '--school', 'Hoa Mai'])).toEqual([]);
  });

  it('are loaded by a command that talks to Google (auth status)', async () => {
    const found = await googleLoadedBy(entry, ['auth', 'status'], { ...emulator.env(), HAPPYTUBE_CONFIG_DIR: join(work, 'config') });
    expect(found.some((path) => path.includes('google-auth-library'))).toBe(true);
    expect(found.some((path) => path.includes('@googleapis/youtube'))).toBe(true);
  });
});
