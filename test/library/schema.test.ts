/**
 * What the schemas of happytube.yaml, sidecars and state files say about each kind of mistake:
 * every unknown key with the allowed ones, a wrong type, a value not in a list, a missing key, a
 * fraction or Infinity where a whole number goes, a value that fits no option; and, for a damaged
 * state file, the field and what is wrong with it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/library/config.ts';
import { readSidecar } from '../../src/library/sidecar.ts';
import type { Diagnostic } from '../../src/library/types.ts';
import { readStateFile } from '../../src/state/files.ts';
import { HASHES_FILE } from '../../src/state/hash-cache.ts';
import { LEDGER_FILE } from '../../src/state/ledger.ts';
import { SESSIONS_FILE } from '../../src/state/sessions.ts';

/** "line field: message | fix", in English. */
const lines = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.line ?? '-'} ${d.field ?? '-'}: ${d.message.en}${d.fix ? ` | ${d.fix.en}` : ''}`);
const config = (text: string): string[] => lines(readConfig(`school:\n  name: Trường\n${text}`).diagnostics);

describe('happytube.yaml and sidecar diagnostics', () => {
  it('names every unknown key of an object, with the keys it allows', () => {
    expect(config('quota:\n  units: 5\n  unit: 5\n  upload: 1\n')).toEqual([
      '5 quota.unit: Unknown key "unit". | Remove it or correct its spelling. Allowed keys: units, uploads.',
      '6 quota.upload: Unknown key "upload". | Remove it or correct its spelling. Allowed keys: units, uploads.',
    ]);
    expect(config('playlists:\n  - key: a\n    folder: b\n    title: c\n    colour: red\n')).toEqual([
      '7 playlists[0].colour: Unknown key "colour". | Remove it or correct its spelling. Allowed keys: key, folder, title, description, privacy, notifySubscribers, license, embeddable, publicStatsViewable.',
    ]);
  });

  it('says what type a value must be, once, and which values a list allows', () => {
    expect(config('defaults:\n  madeForKids: "no"\n  privacy: secret\n')).toEqual([
      '5 defaults.privacy: "defaults.privacy" must be one of: public, unlisted, private.',
      '4 defaults.madeForKids: "defaults.madeForKids" must be true or false.',
    ]);
    expect(config('quota:\n  units: -1.5\n  uploads: .inf\n')).toEqual([
      '4 quota.units: "quota.units" must be a whole number.',
      '5 quota.uploads: "quota.uploads" must be a number.',
    ]);
    expect(config('quota:\n  units: 0\n  uploads: 1e300\n')).toEqual([
      '4 quota.units: "quota.units" is too short or too small (minimum 0).',
      '5 quota.uploads: "quota.uploads" is too long or too large (maximum 9007199254740991).',
    ]);
    expect(config('school2: 1\n').slice(0, 1)).toEqual([
      '3 school2: Unknown key "school2". | Remove it or correct its spelling. Allowed keys: language, school, channel, defaults, limitRate, quota, schedule, playlists, report.',
    ]);
    expect(lines(readConfig('- a\n').diagnostics)).toEqual(['1 -: "" must be a group of keys.']);
  });

  it('names a missing key, and a value that fits none of its options', () => {
    expect(config('schedule:\n  timezone: Asia/Ho_Chi_Minh\n')).toEqual([
      '3 schedule.slots: The required key "schedule.slots" is missing. | Add "schedule.slots" to the file (see the example in the “The library folder” section of README.md).',
    ]);
    expect(config('defaults:\n  category: 2.5\n')).toEqual(['4 defaults.category: The value of "defaults.category" is not valid.']);
    expect(lines(readSidecar('title: [a]\ntags: [a, .inf]\ncaptions: [vi.srt]\n', 'a.yaml').diagnostics)).toEqual([
      '1 title: The value of "title" is not valid.',
      '2 tags: The value of "tags" is not valid.',
      '3 captions: "captions" must be a group of keys.',
    ]);
  });
});

describe('damaged state files', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const problem = async (spec: { name: string }, text: string): Promise<string> => {
    const dir = await mkdtemp(path.join(tmpdir(), 'happytube-schema-'));
    dirs.push(dir);
    await writeFile(path.join(dir, spec.name), text);
    const error = (await readStateFile(dir, spec as typeof LEDGER_FILE).then(
      () => undefined,
      (e: unknown) => e,
    )) as { text: { en: string } } | undefined;
    return error?.text.en.slice(error.text.en.indexOf(': ') + 2) ?? 'accepted';
  };
  const sha = 'a'.repeat(64);
  const clip = { videoId: 'v', size: 3, relPaths: [], title: 't', playlists: {}, captions: {}, uploadedAt: 'x', status: { state: 'published' } };
  const ledger = (patch: object): string => JSON.stringify({ version: 1, clips: { [sha]: { ...clip, ...patch } }, playlists: {}, failures: {} });

  it('names the field and what is wrong with it', async () => {
    expect(await problem(LEDGER_FILE, ledger({ size: -1 }))).toBe(`field "clips.${sha}.size" is wrong: Too small: expected number to be >=0.`);
    expect(await problem(LEDGER_FILE, ledger({ size: 1.5 }))).toBe(`field "clips.${sha}.size" is wrong: Invalid input: expected int, received number.`);
    expect(await problem(LEDGER_FILE, ledger({ title: undefined }))).toBe(`field "clips.${sha}.title" is wrong: Invalid input: expected string, received undefined.`);
    expect(await problem(LEDGER_FILE, ledger({ playlists: [] }))).toBe(`field "clips.${sha}.playlists" is wrong: Invalid input: expected record, received array.`);
    expect(await problem(LEDGER_FILE, ledger({ status: { state: 'gone' } }))).toBe(
      `field "clips.${sha}.status.state" is wrong: Invalid discriminator value. Expected 'published' | 'deleted-on-youtube' | 'failed'.`,
    );
    expect(await problem(LEDGER_FILE, ledger({ status: { state: 'failed', reason: 'r' } }))).toBe(
      `field "clips.${sha}.status.at" is wrong: Invalid input: expected string, received undefined.`,
    );
    expect(await problem(LEDGER_FILE, JSON.stringify({ version: 1, clips: { ABC: clip }, playlists: {}, failures: {} }))).toBe('field "clips.ABC" is wrong: Invalid key in record.');
    expect(await problem(HASHES_FILE, `{"version":1,"files":{"a":{"size":1,"mtimeMs":1e999,"sha256":"${sha}"}}}`)).toBe(
      'field "files.a.mtimeMs" is wrong: Invalid input: expected number, received Infinity.',
    );
    const session = { relPath: 'a', sessionUri: 'not a url', size: 3, mtimeMs: 1, startedAt: 'x', resource: {} };
    expect(await problem(SESSIONS_FILE, JSON.stringify({ version: 1, sessions: { a: session } }))).toBe('field "sessions.a.sessionUri" is wrong: Invalid URL.');
  });
});
