/** Before the release tests: release/ built from the sources as they are (npm run release). */
import { release } from '../../scripts/release.ts';

export default async function setup(): Promise<void> {
  await release();
}
