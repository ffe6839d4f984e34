/** The whole catalogue: one namespace per area, Vietnamese and English side by side in each. */
import { auth } from './catalog/auth.ts';
import { cli } from './catalog/cli.ts';
import { init } from './catalog/init.ts';
import { report } from './catalog/report.ts';
import { state } from './catalog/state.ts';
import { upload } from './catalog/upload.ts';

export const M = { auth, cli, init, report, state, upload };
