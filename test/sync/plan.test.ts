/** The pure planner, with plain objects: order, costs, schedule slots, adoption, deleted videos, removals. */
import { describe, expect, it } from 'vitest';
import type { ClipMetadata, PlaylistSpec } from '../../src/library/types.ts';
import type { ClipRecord } from '../../src/state/index.ts';
import { plan } from '../../src/sync/plan.ts';
import type { ChannelView, PlanClip, PlanInput } from '../../src/sync/plan.ts';
import { nextSlots } from '../../src/sync/schedule.ts';

const NOW = new Date('2025-03-05T03:00:00Z'); // a Wednesday, 10:00 in Ho Chi Minh City
const sha = (n: number): string => n.toString(16).padStart(64, '0');

const PLAYLISTS: PlaylistSpec[] = [
  { key: 'a', folder: '01-a', title: 'Playlist A', description: 'A', privacy: 'public' },
  { key: 'b', folder: '02-b', title: 'Playlist B', description: 'B', privacy: 'public' },
];

function meta(title: string, extra: Partial<ClipMetadata> = {}): ClipMetadata {
  return { title, description: `about ${title}`, tags: [], categoryId: '27', privacy: 'unlisted', madeForKids: false, defaultLanguage: 'vi', ...extra };
}

function clip(relPath: string, extra: Partial<PlanClip> = {}): PlanClip {
  const name = relPath.split('/').pop()!;
  return {
    relPath,
    fileName: name,
    size: 1000,
    sha256: undefined,
    date: name.slice(0, 10),
    playlists: [relPath.startsWith('02-b') ? 'b' : 'a'],
    metadata: meta(name),
    metadataHash: `hash-${name}`,
    thumbnail: undefined,
    captions: [],
    skip: false,
    duplicateOf: undefined,
    ...extra,
  };
}

function record(videoId: string, relPath: string, extra: Partial<ClipRecord> = {}): ClipRecord {
  const name = relPath.split('/').pop()!;
  return {
    videoId,
    size: 1000,
    relPaths: [relPath],
    title: name,
    metadataHash: `hash-${name}`,
    playlists: {},
    captions: {},
    uploadedAt: '2025-01-01T00:00:00Z',
    status: { state: 'published' },
    ...extra,
  };
}

function channel(extra: Partial<ChannelView> = {}): ChannelView {
  return {
    channelId: 'UC1',
    playlists: [
      { id: 'PLA', title: 'Playlist A', description: 'A', privacy: 'public', itemCount: 0 },
      { id: 'PLB', title: 'Playlist B', description: 'B', privacy: 'public', itemCount: 0 },
    ],
    items: new Map(),
    videos: new Map(),
    checkedVideoIds: new Set(),
    uploads: undefined,
    ...extra,
  };
}

function input(extra: Partial<PlanInput>): PlanInput {
  return {
    now: NOW,
    clips: [],
    playlists: PLAYLISTS,
    ledger: { clips: new Map(), playlists: { a: { playlistId: 'PLA' }, b: { playlistId: 'PLB' } } },
    channel: channel(),
    schedule: undefined,
    defaultLanguage: 'vi',
    ...extra,
  };
}

const kinds = (p: ReturnType<typeof plan>): string[][] => p.clips.map((w) => w.steps.map((s) => s.kind));

describe('plan', () => {
  it('creates missing playlists first, then uploads clips by date, oldest first, with their costs', () => {
    const p = plan(
      input({
        ledger: { clips: new Map(), playlists: {} },
        channel: channel({ playlists: [] }),
        clips: [
          clip('02-b/2025-02-01 late.mp4', { thumbnail: { path: '/t.jpg', hash: 't' }, captions: [{ lang: 'vi', path: '/c.srt', format: 'srt', hash: 'c' }] }),
          clip('01-a/2024-12-01 early.mp4'),
        ],
      }),
    );
    expect(p.playlists.map((a) => [a.kind, a.key])).toEqual([['playlist.create', 'a'], ['playlist.create', 'b']]);
    expect(p.clips.map((w) => w.relPath)).toEqual(['01-a/2024-12-01 early.mp4', '02-b/2025-02-01 late.mp4']);
    expect(kinds(p)).toEqual([
      ['video.upload', 'playlistItem.insert'],
      ['video.upload', 'thumbnail.set', 'caption.insert', 'playlistItem.insert'],
    ]);
    // 2 playlists (100) + 2 items (100) + thumbnail (50) + captions (400); uploads in their own bucket.
    expect(p.cost).toEqual({ units: 650, uploads: 2 });
    expect(p.clips[0]!.steps[0]!.cost).toEqual({ bucket: 'uploads', amount: 1 });
  });

  it('leaves the work of a held clip (still being copied in) for a later round, and out of the cost', () => {
    const p = plan(input({ clips: [clip('01-a/2024-12-01 early.mp4'), clip('01-a/2024-12-02 copying.mp4')], hold: new Set(['01-a/2024-12-02 copying.mp4']) }));
    expect(p.clips.map((w) => w.relPath)).toEqual(['01-a/2024-12-01 early.mp4']);
    expect(p.cost).toEqual({ units: 50, uploads: 1 });
  });

  it('adopts existing playlists by title and updates one whose description changed', () => {
    const p = plan(
      input({
        ledger: { clips: new Map(), playlists: {} },
        channel: channel({ playlists: [
          { id: 'PLA', title: 'Playlist A', description: 'A', privacy: 'public', itemCount: 0 },
          { id: 'PLB', title: 'Playlist B', description: 'old', privacy: 'public', itemCount: 0 },
        ] }),
      }),
    );
    expect(p.playlists.map((a) => [a.kind, a.key])).toEqual([['playlist.update', 'b']]);
    expect(p.bookkeeping).toContainEqual(expect.objectContaining({ kind: 'playlist.record', key: 'a', playlistId: 'PLA' }));
  });

  it('plans nothing for an unchanged library, and an update when the rendered metadata changed (not with --no-update)', () => {
    const c = clip('01-a/2025-01-01 one.mp4', { sha256: sha(1) });
    const rec = record('V1', c.relPath, { playlists: { a: 'I1' } });
    const view = channel({
      items: new Map([['PLA', [{ id: 'I1', videoId: 'V1' }]]]),
      videos: new Map([['V1', { id: 'V1', title: 'x', description: '', tags: [], categoryId: '27', privacy: 'unlisted', publishAt: undefined }]]),
      checkedVideoIds: new Set(['V1']),
    });
    const base = { clips: [c], channel: view, ledger: { clips: new Map([[sha(1), rec]]), playlists: { a: { playlistId: 'PLA' }, b: { playlistId: 'PLB' } } } };
    const same = plan(input(base));
    expect(same.clips).toEqual([]);
    expect(same.cost).toEqual({ units: 0, uploads: 0 });

    const edited = { ...base, clips: [{ ...c, metadataHash: 'changed', metadata: meta('new title') }] };
    const p = plan(input(edited));
    expect(kinds(p)).toEqual([['video.update']]);
    const step = p.clips[0]!.steps[0]!;
    expect(step.kind === 'video.update' && step.resource.id).toBe('V1');
    expect(step.kind === 'video.update' && step.resource.snippet.categoryId).toBe('27');
    expect(p.cost.units).toBe(50);
    expect(plan(input({ ...edited, noUpdate: true })).clips).toEqual([]);
  });

  it('a moved clip is not uploaded: it joins its new folder\'s playlist and leaves the item the tool added', () => {
    const moved = clip('02-b/2025-01-01 one.mp4', { sha256: sha(1) });
    const rec = record('V1', '01-a/2025-01-01 one.mp4', { playlists: { a: 'I1' }, metadataHash: moved.metadataHash });
    const p = plan(
      input({
        clips: [moved],
        ledger: { clips: new Map([[sha(1), rec]]), playlists: { a: { playlistId: 'PLA' }, b: { playlistId: 'PLB' } } },
        channel: channel({ items: new Map([['PLA', [{ id: 'I1', videoId: 'V1' }]], ['PLB', []]]), videos: new Map(), checkedVideoIds: new Set() }),
      }),
    );
    expect(kinds(p)).toEqual([['playlistItem.insert', 'playlistItem.delete']]);
    expect(p.bookkeeping).toContainEqual({ kind: 'clip.paths', sha256: sha(1), relPaths: ['02-b/2025-01-01 one.mp4'] });
    expect(p.cost.uploads).toBe(0);
  });

  it('reports a video deleted on YouTube and does not upload it again', () => {
    const c = clip('01-a/2025-01-01 one.mp4', { sha256: sha(1) });
    const p = plan(
      input({
        clips: [c],
        ledger: { clips: new Map([[sha(1), record('V1', c.relPath)]]), playlists: { a: { playlistId: 'PLA' }, b: { playlistId: 'PLB' } } },
        channel: channel({ checkedVideoIds: new Set(['V1']) }),
      }),
    );
    expect(p.clips).toEqual([]);
    expect(p.notices).toEqual([{ kind: 'deleted-on-youtube', relPath: c.relPath, videoId: 'V1' }]);
    expect(p.bookkeeping).toContainEqual({ kind: 'clip.deleted', sha256: sha(1) });
    expect(p.skipped).toBe(1);
  });

  it('adopts a channel video with the same size and the same title or file name instead of uploading', () => {
    const byTitle = clip('01-a/2025-01-01 one.mp4', { sha256: sha(1) });
    const byName = clip('01-a/2025-01-02 two.mp4', { sha256: sha(2), size: 2000 });
    const other = clip('01-a/2025-01-03 three.mp4', { sha256: sha(3), size: 3000 });
    const video = (id: string, title: string, fileName: string, fileSize: number): NonNullable<ChannelView['uploads']>[number] => ({
      id, title, description: `about ${title}`, tags: [], categoryId: '27', privacy: 'unlisted', publishAt: undefined, fileName, fileSize, hasCaptions: false,
    });
    const p = plan(
      input({
        clips: [byTitle, byName, other],
        channel: channel({
          items: new Map([['PLA', [{ id: 'I1', videoId: 'V1' }]]]),
          uploads: [
            video('V1', byTitle.metadata.title, 'whatever.mp4', 1000),
            video('V2', 'another title', '2025-01-02 two.mp4', 2000),
            video('V3', '2025-01-03 three.mp4', 'x.mp4', 9999), // same title, other size: not the clip
          ],
        }),
      }),
    );
    expect(kinds(p)).toEqual([
      ['video.adopt'],
      ['video.adopt', 'video.update', 'playlistItem.insert'],
      ['video.upload', 'playlistItem.insert'],
    ]);
    const first = p.clips[0]!.steps[0]!;
    expect(first.kind === 'video.adopt' && first.items).toEqual({ a: 'I1' });
    expect(p.cost.uploads).toBe(1);
  });

  it('uploads the same content once, and skips clips marked skip', () => {
    const p = plan(
      input({
        clips: [
          clip('01-a/2025-01-01 one.mp4', { sha256: sha(1) }),
          clip('02-b/2025-01-01 copy.mp4', { sha256: sha(1) }),
          clip('01-a/2025-01-05 skipped.mp4', { skip: true }),
        ],
      }),
    );
    expect(kinds(p)).toEqual([['video.upload', 'playlistItem.insert', 'playlistItem.insert']]);
    expect(p.notices).toEqual([{ kind: 'duplicate', relPath: '02-b/2025-01-01 copy.mp4', original: '01-a/2025-01-01 one.mp4' }]);
    expect(p.skipped).toBe(2);
  });

  it('gives clips without publishAt the next free schedule slots, in order, one clip per slot, uploaded private', () => {
    const schedule = {
      timezone: 'Asia/Ho_Chi_Minh',
      slots: [
        { weekday: 1, hour: 19, minute: 0, text: 'MON 19:00' },
        { weekday: 4, hour: 19, minute: 0, text: 'THU 19:00' },
      ],
    };
    const scheduled = { id: 'V9', title: 't', description: '', tags: [], categoryId: '27', privacy: 'private', publishAt: '2025-03-06T12:00:00.000Z' };
    const own = clip('01-a/2025-01-03 own.mp4', { metadata: meta('own', { privacy: 'private', publishAt: '2025-04-01T00:00:00.000Z' }) });
    const p = plan(
      input({
        schedule,
        clips: [clip('01-a/2025-01-01 one.mp4'), clip('01-a/2025-01-02 two.mp4'), own],
        channel: channel({ videos: new Map([['V9', scheduled]]) }),
      }),
    );
    const uploads = p.clips.map((w) => w.steps[0]!).map((s) => (s.kind === 'video.upload' ? s.resource.status : undefined));
    // Thu 6 March 19:00 is taken by V9: Mon 10 March and Thu 13 March, 19:00 in Vietnam (UTC+7).
    expect(uploads).toEqual([
      { privacyStatus: 'private', selfDeclaredMadeForKids: false, publishAt: '2025-03-10T12:00:00.000Z' },
      { privacyStatus: 'private', selfDeclaredMadeForKids: false, publishAt: '2025-03-13T12:00:00.000Z' },
      { privacyStatus: 'private', selfDeclaredMadeForKids: false, publishAt: '2025-04-01T00:00:00.000Z' },
    ]);
  });

  it('finds slots across daylight saving in the schedule\'s own time zone', () => {
    // New York springs forward on Sunday 9 March 2025: 19:00 is UTC-5 on 2 March, UTC-4 on 9 March.
    const sunday = [{ weekday: 0, hour: 19, minute: 0, text: 'SUN 19:00' }];
    const slots = nextSlots({ timezone: 'America/New_York', slots: sunday }, new Date('2025-02-26T00:00:00Z'), 2);
    expect(slots).toEqual(['2025-03-03T00:00:00.000Z', '2025-03-09T23:00:00.000Z']);
  });

  it('updates a clip whose publish time has passed without sending it again, keeping the privacy YouTube gave', () => {
    const published = meta('new title', { privacy: 'private', publishAt: '2025-02-01T12:00:00.000Z' });
    const c = clip('01-a/2025-01-01 one.mp4', { sha256: sha(1), metadata: published, metadataHash: 'changed' });
    const rec = record('V1', c.relPath, { playlists: { a: 'I1' } });
    const view = channel({
      items: new Map([['PLA', [{ id: 'I1', videoId: 'V1' }]]]),
      videos: new Map([['V1', { id: 'V1', title: 'x', description: '', tags: [], categoryId: '27', privacy: 'public', publishAt: undefined }]]),
      checkedVideoIds: new Set(['V1']),
    });
    const p = plan(input({ clips: [c], channel: view, ledger: { clips: new Map([[sha(1), rec]]), playlists: { a: { playlistId: 'PLA' }, b: { playlistId: 'PLB' } } } }));
    const step = p.clips[0]!.steps[0]!;
    expect(step.kind).toBe('video.update');
    expect(step.kind === 'video.update' && step.resource.status).toEqual({ privacyStatus: 'public', selfDeclaredMadeForKids: false });
  });

  it('with only, plans the selected clips and only the playlists they need (others wait for a full sync)', () => {
    const specs: PlaylistSpec[] = [...PLAYLISTS, { key: 'c', folder: '03-c', title: 'Playlist C', description: 'C', privacy: 'public' }];
    const view = channel({ playlists: [{ id: 'PLB', title: 'Playlist B', description: 'old', privacy: 'public', itemCount: 0 }] });
    const clips = [
      clip('01-a/2025-01-01 one.mp4'),
      clip('02-b/2025-01-02 two.mp4', { sha256: sha(2) }),
      clip('03-c/2025-01-03 three.mp4', { playlists: ['c'], sha256: sha(2) }),
      clip('02-b/2025-01-04 four.mp4'),
    ];
    const all = plan(input({ clips, playlists: specs, channel: view, ledger: { clips: new Map(), playlists: {} } }));
    expect(all.playlists.map((a) => [a.kind, a.key])).toEqual([['playlist.create', 'a'], ['playlist.update', 'b'], ['playlist.create', 'c']]);

    // A new clip of folder a: a is created; b (differs) and c (missing) are left alone.
    const one = plan(input({ clips, playlists: specs, channel: view, ledger: { clips: new Map(), playlists: {} }, only: new Set(['01-a/2025-01-01 one.mp4']) }));
    expect(one.playlists.map((a) => [a.kind, a.key])).toEqual([['playlist.create', 'a']]);
    expect(kinds(one)).toEqual([['video.upload', 'playlistItem.insert']]);
    expect(one.cost).toEqual({ units: 100, uploads: 1 });

    // A clip whose content is also in folder c: one video, in b and in c, so both are planned.
    const two = plan(input({ clips, playlists: specs, channel: view, ledger: { clips: new Map(), playlists: {} }, only: new Set(['02-b/2025-01-02 two.mp4']) }));
    expect(two.playlists.map((a) => [a.kind, a.key])).toEqual([['playlist.update', 'b'], ['playlist.create', 'c']]);
    expect(two.clips.map((w) => [w.relPath, w.steps.filter((s) => s.kind === 'playlistItem.insert').map((s) => s.kind === 'playlistItem.insert' && s.key)])).toEqual([
      ['02-b/2025-01-02 two.mp4', ['b', 'c']],
    ]);
    expect(two.cost).toEqual({ units: 50 + 50 + 100, uploads: 1 });

    // An existing playlist that is not needed is still known: its id is recorded, nothing is sent to it.
    const adopted = plan(
      input({ clips, playlists: specs, channel: channel(), ledger: { clips: new Map(), playlists: {} }, only: new Set(['02-b/2025-01-04 four.mp4']) }),
    );
    expect(adopted.playlists).toEqual([]);
    expect(adopted.bookkeeping.filter((b) => b.kind === 'playlist.record').map((b) => b.kind === 'playlist.record' && b.key)).toEqual(['a', 'b']);
    expect(kinds(adopted)).toEqual([['video.upload', 'playlistItem.insert']]);
  });

  // How fast it plans is measured by `npm run bench` (bench/sync.ts), not here.
  it('plans 2,000 new clips, every one an upload', () => {
    const clips = Array.from({ length: 2000 }, (_, i) => clip(`01-a/2024-01-01 clip ${i}.mp4`, { size: 1000 + i }));
    const p = plan(input({ clips, channel: channel({ uploads: [] }) }));
    expect(p.cost).toEqual({ units: 100_000, uploads: 2000 });
  });
});
