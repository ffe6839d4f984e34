#!/usr/bin/env node
// Starts the CLI. happytube runs its TypeScript sources directly through Node's type stripping
// (Node ≥ 22.18); the compile cache keeps start-up fast from the second run on.
import { enableCompileCache } from 'node:module';

if (!process.features.typescript) {
  process.stderr.write(
    `happytube cần Node.js 22.18 trở lên (đang chạy ${process.version}).\n` +
      `happytube needs Node.js 22.18 or newer (this is ${process.version}).\n`,
  );
  process.exit(1);
}
enableCompileCache?.();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
