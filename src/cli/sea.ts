/**
 * The entry of the single executable application (scripts/release.ts bundles it with everything it
 * imports into one CommonJS file, which Node's SEA runs). Its process.argv is [the program, the
 * program, …arguments], as with `node script`.
 */
import { main } from './main.ts';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
