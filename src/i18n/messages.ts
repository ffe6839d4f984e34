/** The whole catalogue: one namespace per area, Vietnamese and English side by side in each. */
import { cli } from './catalog/cli.ts';
import { upload } from './catalog/upload.ts';

export const M = { cli, upload };
