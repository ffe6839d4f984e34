/**
 * An unverified Google project: YouTube locks uploads private. Sync says so once, with the audit
 * form's address; `--only` and `--json` on the way; Ctrl-C stops at a safe point with exit 3.
 * The runs are in-process (runMain), but for Ctrl-C: a real SIGINT to a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BIN, cleanEnv } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { sync, useExampleLibrary } from './helpers.ts';

const emulator = useEmulator({ forcePrivate: true });
const library = useExampleLibrary();

it('explains the private lock once, with the audit form, for the clips asked public or unlisted', async () => {
  const only = ['04-mo-hinh-hay/2025-01-08 Góc đọc sách của bé.mp4', '04-mo-hinh-hay/2025-02-14 Vườn rau của bé.mp4'].map((p) => join(library.dir, p));
  const result = await sync(emulator, library.dir, ['--json', '--only', ...only]);
  expect(result.code).toBe(0);
  expect(result.stderr.match(/support\.google\.com\/youtube\/contact\/yt_api_form/g)).toHaveLength(1);
  expect(result.stderr).toMatch(/locked private/);
  const doc = JSON.parse(result.stdout) as { summary: { uploaded: number }; videos: Record<string, string> };
  expect(doc.summary.uploaded).toBe(2);
  expect(Object.keys(doc.videos).sort()).toEqual(['04-mo-hinh-hay/2025-01-08 Góc đọc sách của bé.mp4', '04-mo-hinh-hay/2025-02-14 Vườn rau của bé.mp4']);
  expect((await emulator.admin.state()).videos).toHaveLength(2);
});

/** Resolves once an upload's bytes are arriving at the emulator. */
async function uploading(): Promise<void> {
  const { sessions } = emulator.running.state;
  while (![...sessions.values()].some((s) => s.writer !== undefined && s.sink.size > s.writer.before)) await new Promise((resolve) => setTimeout(resolve, 5));
}

it('Ctrl-C stops at a safe point with exit 3, the upload session kept for the next run', async () => {
  await emulator.admin.faults(['slow:4096']);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'sync', library.dir, '--yes'], { env: cleanEnv({ ...emulator.env(), HAPPYTUBE_LANG: 'en' }), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sent = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      // The playlists are made, so the first upload comes next: interrupt once its bytes flow
      // (seen in the emulator, in this process), however long the machine takes to get there.
      if (!sent && /Create playlist "Mô hình hay/.test(stderr)) {
        sent = true;
        void uploading().then(() => child.kill('SIGINT'));
      }
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  await emulator.admin.faults(['slow:0']);
  expect(code).toBe(3);
  expect(existsSync(join(library.dir, '.happytube', 'sessions.json'))).toBe(true);
  expect(existsSync(join(library.dir, '.happytube', 'lock'))).toBe(false);
  const next = await sync(emulator, library.dir);
  expect(next.code).toBe(0);
  expect(next.stderr).toMatch(/resuming from/);
});
