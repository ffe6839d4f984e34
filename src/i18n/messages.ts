/** The whole catalogue: one namespace per area, Vietnamese and English side by side in each. */
import { auth } from './catalog/auth.ts';
import { check } from './catalog/check.ts';
import { cli } from './catalog/cli.ts';
import { demo } from './catalog/demo.ts';
import { doctor } from './catalog/doctor.ts';
import { emulator } from './catalog/emulator.ts';
import { files } from './catalog/files.ts';
import { init } from './catalog/init.ts';
import { library } from './catalog/library.ts';
import { menu } from './catalog/menu.ts';
import { progress } from './catalog/progress.ts';
import { report } from './catalog/report.ts';
import { schedule } from './catalog/schedule.ts';
import { settings } from './catalog/settings.ts';
import { setup } from './catalog/setup.ts';
import { state } from './catalog/state.ts';
import { sync } from './catalog/sync.ts';
import { upload } from './catalog/upload.ts';

export const M = { auth, check, cli, demo, doctor, emulator, files, init, library, menu, progress, report, schedule, settings, setup, state, sync, upload };
