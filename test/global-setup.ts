/** Before the tests: dist/ built from the sources as they are, so the CLI tests run what users run. */
import { buildDist } from '../scripts/build.ts';

export default async function setup(): Promise<void> {
  await buildDist();
}
