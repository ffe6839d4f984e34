// Loaded with `node --import` by test/cli/lazy-google.test.ts: writes the URL of every module the
// process loaded (ES modules and require()d CommonJS alike) to HAPPYTUBE_TEST_MODULES_OUT at exit.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded = new Set<string>();
registerHooks({
  load(url, context, nextLoad) {
    loaded.add(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => writeFileSync(process.env.HAPPYTUBE_TEST_MODULES_OUT ?? '/dev/null', [...loaded].join('\n')));
