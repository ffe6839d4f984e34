import type { CommandRegistrar } from '../context.ts';
import { checkCommand } from './check.ts';
import { emulatorCommand } from './emulator.ts';
import { authCommand } from './auth.ts';
import { initCommand } from './init.ts';
import { uploadCommand } from './upload.ts';
import { playlistsCommand } from './playlists.ts';
import { statusCommand } from './status.ts';
import { syncCommand } from './sync.ts';
import { reportCommand } from './report.ts';
import { demoCommand } from './demo.ts';
import { setupCommand } from './setup.ts';
import { doctorCommand } from './doctor.ts';
import { scheduleCommand } from './schedule.ts';

/** Every command listed in docs/architecture.md that works, in the order `--help` lists them. */
export const commands: CommandRegistrar[] = [setupCommand, initCommand, authCommand, checkCommand, syncCommand, uploadCommand, statusCommand, playlistsCommand, emulatorCommand, reportCommand, scheduleCommand, doctorCommand, demoCommand];
