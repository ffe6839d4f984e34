/** The weekly workflow's last two steps as a school runs them: `happytube sync`, then `happytube report`. */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';

const emu = useEmulator();
const made: string[] = [];

afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

it('reports every video the sync published, with its link, in the playlists of happytube.yaml', async () => {
  const work = await mkdtemp(join(tmpdir(), 'happytube-report-sync-'));
  made.push(work);
  const root = join(work, 'library');
  await cp(new URL('../../examples/happy-school', import.meta.url), root, { recursive: true });
  const env = { ...emu.env(), HAPPYTUBE_CONFIG_DIR: join(work, 'config') };
  const sync = await runMain(['sync', '--yes'], { cwd: root, env });
  expect(sync.code, sync.stderr).toBe(0);

  const res = await runMain(['report', '--format', 'csv', '--out', 'links.csv', '--lang', 'en'], { cwd: root, env });
  expect(res.code, res.stderr).toBe(0);
  const csv = await readFile(join(root, 'links.csv'), 'utf8');
  const state = await emu.admin.state();
  expect(state.videos).toHaveLength(6);
  for (const video of state.videos) expect(csv).toContain(`https://www.youtube.com/watch?v=${video.id}`);
  // the order of happytube.yaml: the four Happy School playlists
  const titles = ['Mục đích kế hoạch', 'Bộ tiêu chí Trường học hạnh phúc', 'Quá trình và kết quả', 'Mô hình hay'].map((t) => csv.indexOf(t));
  expect(titles.every((at) => at > 0)).toBe(true);
  expect([...titles].sort((a, b) => a - b)).toEqual(titles);
});
