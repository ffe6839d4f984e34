#!/usr/bin/env node
// Starts the CLI: the bundle in dist/ when it is up to date (see entry.js), else the TypeScript
// sources directly through Node's type stripping (Node 24.15+, or 22.22.2+ in Node 22); the compile
// cache keeps start-up fast from the second run on.
import * as nodeModule from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [major = 0, minor = 0, patch = 0] = process.versions.node.split('.').map(Number);
const supported = major >= 25 || (major === 24 && minor >= 15) || (major === 22 && (minor > 22 || (minor === 22 && patch >= 2)));
if (!supported || !process.features.typescript) {
  process.stderr.write(
    `happytube cần Node.js 24.15 trở lên, hoặc 22.22.2 trở lên (đang chạy ${process.version}).\n` +
      `happytube needs Node.js 24.15 or newer, or 22.22.2 or newer (this is ${process.version}).\n`,
  );
  process.exit(1);
}
nodeModule.enableCompileCache?.();
const { chooseEntry } = await import('./entry.js');
const entry = chooseEntry(fileURLToPath(new URL('..', import.meta.url)));
// Stack traces (shown with --verbose) name the source files, also from the bundle.
if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);
/** @type {unknown} */
const loaded = await import(pathToFileURL(entry).href);
const cli = /** @type {typeof import('../src/cli/main.ts')} */ (loaded);
process.exitCode = await cli.main(process.argv.slice(2));
