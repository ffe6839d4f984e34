/**
 * The video settings of the library (notifySubscribers, license, embeddable, publicStatsViewable,
 * localizations): validated by `check`, shown by `sync --dry-run` when they change, sent by `sync`
 * — the CLI against the emulator, on a copy of examples/happy-school.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { makeLibrary, removeLibrary } from '../library/helpers.ts';
import { callsBetween, onDisk, sha256File, sync, useExampleLibrary } from '../sync/helpers.ts';

const emulator = useEmulator();
const library = useExampleLibrary();

const GOC = '04-mo-hinh-hay/2025-01-08 Góc đọc sách của bé';
const VUON = '04-mo-hinh-hay/2025-02-14 Vườn rau của bé';
const KHAI = '01-muc-dich/2024-09-05 Khai giảng năm học mới';

async function edit(path: string, change: (text: string) => string): Promise<void> {
  await writeFile(path, change(await readFile(path, 'utf8')));
}

/** The emulator's video of a clip of the library. */
async function videoOf(relPath: string): Promise<{ resource: Record<string, Record<string, unknown>>; notifySubscribers: boolean }> {
  const sha = await sha256File(await onDisk(library.dir, relPath));
  const video = (await emulator.admin.state()).videos.find((v) => v.sha256 === sha);
  if (!video) throw new Error(`${relPath} is not on the emulator`);
  return video as unknown as { resource: Record<string, Record<string, unknown>>; notifySubscribers: boolean };
}

describe('video settings', () => {
  it('are sent as the nearest level gives them: happytube.yaml defaults, then the playlist, then the sidecar', async () => {
    const config = join(library.dir, 'happytube.yaml');
    await edit(config, (t) => t.replace('  notifySubscribers: true\n', '  notifySubscribers: false\n  license: creativeCommon\n'));
    await edit(config, (t) => t.replace('    folder: 04-mo-hinh-hay\n', '    folder: 04-mo-hinh-hay\n    embeddable: false\n'));
    await edit(await onDisk(library.dir, `${GOC}.yaml`), (t) => `${t}\nembeddable: true\npublicStatsViewable: false\nnotifySubscribers: true\n`);

    const dry = await sync(emulator, library.dir, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Upload ${VUON}.mp4 · subscribers not notified`);
    expect(dry.stdout).toMatch(new RegExp(`Upload ${GOC}\\.mp4 \\(`)); // notified: nothing added

    const result = await sync(emulator, library.dir);
    expect(result.code).toBe(0);
    const goc = await videoOf(`${GOC}.mp4`);
    const vuon = await videoOf(`${VUON}.mp4`);
    const khai = await videoOf(`${KHAI}.mp4`);
    expect(goc.notifySubscribers).toBe(true);
    expect(vuon.notifySubscribers).toBe(false);
    expect(khai.notifySubscribers).toBe(false);
    expect(goc.resource.status).toMatchObject({ license: 'creativeCommon', embeddable: true, publicStatsViewable: false });
    expect(vuon.resource.status).toMatchObject({ license: 'creativeCommon', embeddable: false, publicStatsViewable: true });
    expect(khai.resource.status).toMatchObject({ license: 'creativeCommon', embeddable: true, publicStatsViewable: true });
  });

  it('unset, are YouTube defaults, and a change is shown by --dry-run and is one videos.update', async () => {
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const before = await emulator.admin.state();
    const goc = await videoOf(`${GOC}.mp4`);
    expect(goc.notifySubscribers).toBe(true);
    expect(goc.resource.status).toMatchObject({ license: 'youtube', embeddable: true, publicStatsViewable: true });

    await edit(await onDisk(library.dir, `${GOC}.yaml`), (t) => `${t}\nlicense: creativeCommon\nembeddable: false\n`);
    const dry = await sync(emulator, library.dir, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Update metadata of ${GOC}.mp4 · changes: license, embeddable (50 units)`);
    const json = JSON.parse((await sync(emulator, library.dir, ['--dry-run', '--json'])).stdout) as { plan: { clips: { steps: { kind: string; changes?: string[] }[] }[] } };
    expect(json.plan.clips.flatMap((c) => c.steps)).toEqual([expect.objectContaining({ kind: 'video.update', changes: ['license', 'embeddable'] })]);

    expect((await sync(emulator, library.dir)).code).toBe(0);
    const after = await emulator.admin.state();
    expect(callsBetween(before, after)['videos.update']).toBe(1);
    expect((await videoOf(`${GOC}.mp4`)).resource.status).toMatchObject({ license: 'creativeCommon', embeddable: false });
  });
});

describe('localizations', () => {
  it('are rendered with the same variables, sent with the upload, and a changed one is updated', async () => {
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const khai = await videoOf(`${KHAI}.mp4`);
    const en = khai.resource.localizations!.en as { title: string; description: string };
    expect(en.title).toBe('Khai giảng năm học mới | Trường Mầm non Thiên Đức');
    expect(en.description).toContain('(2024-09-05): a video of the "Happy School" plan of Trường Mầm non Thiên Đức.');
    const state = await emulator.admin.state();
    const playlist = state.playlists.find((p) => p.title === 'Mục đích kế hoạch Trường học hạnh phúc')!;
    expect(en.description).toContain(`The whole playlist: https://www.youtube.com/playlist?list=${playlist.id}`);
    expect(khai.resource.snippet!.defaultLanguage).toBe('vi');

    const template = join(library.dir, 'templates', 'default.yaml');
    await edit(template, (t) => t.replace('    title: "{{ title }} | {{ school.name }}"', '    title: "{{ title }} (English) | {{ school.name }}"'));
    const dry = await sync(emulator, library.dir, ['--dry-run']);
    expect(dry.stdout).toContain(`Update metadata of ${KHAI}.mp4 · changes: localizations`);
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const updated = (await videoOf(`${KHAI}.mp4`)).resource.localizations!.en as { title: string };
    expect(updated.title).toBe('Khai giảng năm học mới (English) | Trường Mầm non Thiên Đức');
  });
});

describe('check refuses a bad setting, naming the file, the key and the fix', () => {
  const check = async (files: Parameters<typeof makeLibrary>[0]): Promise<{ code: number | null; out: string }> => {
    const root = makeLibrary(files);
    try {
      const r = await runMain(['check', root, '--json'], { env: { HAPPYTUBE_LANG: 'en' } });
      const doc = JSON.parse(r.stdout) as { diagnostics: { severity: string; file: string; line: number | null; field: string | null; message: string; fix: string | null }[] };
      return { code: r.code, out: doc.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line ?? '-'} ${d.field ?? '-'}: ${d.message} | ${d.fix ?? ''}`).join('\n') };
    } finally {
      removeLibrary(root);
    }
  };

  it('a licence YouTube does not know', async () => {
    const r = await check({ '01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml': 'license: cc-by\n' });
    expect(r.code).toBe(2);
    expect(r.out).toContain('01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml:1 license: "license" must be one of: youtube, creativeCommon.');
  });

  it('a setting that is not true or false', async () => {
    const r = await check({ 'happytube.yaml': `${(await import('../library/helpers.ts')).CONFIG.replace('  madeForKids: false\n', '  madeForKids: false\n  embeddable: sometimes\n')}` });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^happytube\.yaml:9 defaults\.embeddable: "defaults\.embeddable" must be true or false\./m);
  });

  it('a limitRate that is not a rate, or a window that is not one', async () => {
    const { CONFIG } = await import('../library/helpers.ts');
    const rate = await check({ 'happytube.yaml': `${CONFIG}limitRate: { rate: fast, between: "07:00-16:30" }\n` });
    expect(rate.code).toBe(2);
    expect(rate.out).toContain('happytube.yaml:19 limitRate: The upload rate "fast" is not valid. | Write for example limitRate: 2MB/s');
    const window = await check({ 'happytube.yaml': `${CONFIG}limitRate:\n  rate: 2MB/s\n  between: "7h-16h30"\n` });
    expect(window.code).toBe(2);
    expect(window.out).toContain('happytube.yaml:21 limitRate.between: The time window "7h-16h30" is not valid. | Give the start and end');
    const good = await check({ 'happytube.yaml': `${CONFIG}limitRate: { rate: 2MB/s, between: "22:00-06:00" }\n` });
    expect(good).toEqual({ code: 0, out: '' });
  });

  it('a localization of no language, or over YouTube\'s limits', async () => {
    const { TEMPLATE } = await import('../library/helpers.ts');
    const lang = await check({ 'templates/default.yaml': `${TEMPLATE}localizations:\n  english:\n    title: "{{ title }}"\n` });
    expect(lang.code).toBe(2);
    expect(lang.out).toContain('templates/default.yaml:7 localizations.english: "english" is not a language code. | Use a BCP 47 language code');
    const long = await check({ 'templates/default.yaml': `${TEMPLATE}localizations:\n  en:\n    title: "{{ title }} ${'x'.repeat(100)}"\n    description: "<b>{{ school.name }}</b>"\n` });
    expect(long.code).toBe(2);
    expect(long.out).toContain('01-muc-dich/2024-11-20 Hội thi bé khỏe.mp4:- localizations.en.title: The title has 116 characters');
    expect(long.out).toContain('localizations.en.description: "localizations.en.description" contains < or >');
    const variable = await check({ 'templates/default.yaml': `${TEMPLATE}localizations:\n  en:\n    title: "{{ titel }}"\n` });
    expect(variable.code).toBe(2);
    expect(variable.out).toContain('templates/default.yaml:8 localizations.en.title:');
  });
});

describe('links in templates', () => {
  it('{{ channel.url }} and {{ playlist.title }} are the channel and playlist the video is in, from its first upload', async () => {
    const template = join(library.dir, 'templates', 'default.yaml');
    await edit(template, (t) => t.replace('  #TruongHocHanhPhuc #GiaoDuc\n', '  Kênh của trường: {{ channel.url }} · {{ playlist.title }}\n  #TruongHocHanhPhuc #GiaoDuc\n'));
    const check = JSON.parse((await runMain(['check', library.dir, '--json'], { env: { HAPPYTUBE_LANG: 'en' } })).stdout) as { clips: { relPath: string; metadata: { description: string } }[] };
    const offline = check.clips.find((c) => c.relPath === `${KHAI}.mp4`)!.metadata.description;
    // Offline, the ids stand in at their real length ("~" is never in a YouTube id).
    expect(offline).toContain(`Kênh của trường: https://www.youtube.com/channel/UC${'~'.repeat(22)} · Mục đích kế hoạch Trường học hạnh phúc`);
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const state = await emulator.admin.state();
    const description = (await videoOf(`${KHAI}.mp4`)).resource.snippet!.description as string;
    expect(description).toContain(`Kênh của trường: https://www.youtube.com/channel/${state.channel.id} · Mục đích kế hoạch Trường học hạnh phúc`);
    expect(description).not.toContain('~');
  });
});
