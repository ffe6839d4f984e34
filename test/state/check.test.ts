/**
 * The fast path of reading state files (src/state/check.ts): each plain check must accept only what
 * its valibot schema accepts unchanged, so that reading a file means the same with or without it.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { HASHES_FILE } from '../../src/state/hash-cache.ts';
import { LEDGER_FILE } from '../../src/state/ledger.ts';
import type { StateFileSpec } from '../../src/state/files.ts';
import { sha } from './helpers.ts';

const clip = {
  videoId: 'vid1',
  size: 1234,
  relPaths: ['01-muc-dich/2024-11-20 Hội thi.mp4'],
  title: 'Hội thi',
  metadataHash: sha('m'),
  playlists: { p0: 'item1' },
  thumbnailHash: sha('t'),
  captions: { vi: sha('c') },
  uploadedAt: '2024-11-20T12:00:00.000Z',
  status: { state: 'published' },
};
const ledger = {
  channelId: 'UCx',
  clips: { [sha(1)]: clip },
  playlists: { p0: { playlistId: 'PL1', metadataHash: sha('p') } },
  failures: { 'a.mp4': { size: 3, reason: 'invalidTitle', at: '2024-11-20T12:00:00.000Z' } },
};
const hashes = { files: { 'a.mp4': { size: 3, mtimeMs: 1732100000000.25, sha256: sha('a') } } };

type Json = Record<string, unknown>;
const withClip = (patch: Json): Json => ({ ...ledger, clips: { [sha(1)]: { ...clip, ...patch } } });
const without = (o: Json, key: string): Json => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

const ledgerVariants: [string, Json][] = [
  ['valid', ledger],
  ['valid, bare', { clips: {}, playlists: {}, failures: {} }],
  ['deleted on YouTube', withClip({ status: { state: 'deleted-on-youtube', since: '2024-12-01T00:00:00Z' } })],
  ['failed', withClip({ status: { state: 'failed', reason: 'x', at: '2024-12-01T00:00:00Z' } })],
  ['no optional hashes', { ...ledger, clips: { [sha(1)]: without(without(clip, 'metadataHash'), 'thumbnailHash') } }],
  ['video id a number', withClip({ videoId: 42 })],
  ['empty video id', withClip({ videoId: '' })],
  ['negative size', withClip({ size: -1 })],
  ['fractional size', withClip({ size: 1.5 })],
  ['unsafe size', withClip({ size: 2 ** 60 })],
  ['relPaths not a list', withClip({ relPaths: 'a.mp4' })],
  ['relPaths of numbers', withClip({ relPaths: [1] })],
  ['metadataHash null', withClip({ metadataHash: null })],
  ['playlists a list', withClip({ playlists: ['x'] })],
  ['caption hash a number', withClip({ captions: { vi: 1 } })],
  ['empty uploadedAt', withClip({ uploadedAt: '' })],
  ['unknown status', withClip({ status: { state: 'gone' } })],
  ['deleted without since', withClip({ status: { state: 'deleted-on-youtube' } })],
  ['published with an extra key', withClip({ status: { state: 'published', since: 'x' } })],
  ['clip with an unknown key', withClip({ colour: 'red' })],
  ['clip missing its title', { ...ledger, clips: { [sha(1)]: without(clip, 'title') } }],
  ['key not a SHA-256', { ...ledger, clips: { 'ABC': clip } }],
  ['clips missing', without(ledger, 'clips')],
  ['unknown top-level key', { ...ledger, extra: 1 }],
  ['empty channel id', { ...ledger, channelId: '' }],
  ['playlist without id', { ...ledger, playlists: { p0: {} } }],
  ['failure without reason', { ...ledger, failures: { 'a.mp4': { size: 3, at: 'x' } } }],
  ['status a list', withClip({ status: [] })],
  ['clip a list', { ...ledger, clips: { [sha(1)]: [] } }],
  ['failures a list', { ...ledger, failures: [] }],
  ['playlist a list', { ...ledger, playlists: { p0: ['PL1'] } }],
];

const hashVariants: [string, Json][] = [
  ['valid', hashes],
  ['empty', { files: {} }],
  ['upper-case hash', { files: { 'a.mp4': { size: 3, mtimeMs: 1, sha256: sha('a').toUpperCase() } } }],
  ['mtime a string', { files: { 'a.mp4': { size: 3, mtimeMs: '1', sha256: sha('a') } } }],
  ['extra key', { files: { 'a.mp4': { size: 3, mtimeMs: 1, sha256: sha('a'), path: 'a' } } }],
  ['files a list', { files: [] }],
  ['entry a list', { files: { 'a.mp4': [3, 1, sha('a')] } }],
];

function agrees<T extends object>(spec: StateFileSpec<T>, name: string, content: Json): void {
  const copy = JSON.parse(JSON.stringify(content)) as object;
  const parsed = v.safeParse(spec.schema, copy);
  const fast = spec.check!(copy);
  // What the fast path accepts, valibot accepts and returns unchanged; what valibot would change
  // (an unknown key it strips) the fast path declines, so that valibot still decides.
  const unchanged = parsed.success && JSON.stringify(parsed.output) === JSON.stringify(copy);
  expect(fast, name).toBe(unchanged);
}

describe('fast checks of state files', () => {
  it('accept exactly what the ledger schema accepts', () => {
    for (const [name, content] of ledgerVariants) agrees(LEDGER_FILE, name, content);
  });

  it('accept exactly what the hash cache schema accepts', () => {
    for (const [name, content] of hashVariants) agrees(HASHES_FILE, name, content);
  });
});
