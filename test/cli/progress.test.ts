/**
 * The progress listeners, fed the executor's real events (SyncEventMap) and writing into a Ui whose
 * streams collect the text: what a person would see on a terminal, in CI, and with --json.
 */
import { EventEmitter, once } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { attachProgress, chooseProgressMode, formatBytes, formatSpeed, formatTimeLeft, printSummary } from '../../src/cli/progress.ts';
import { Ui } from '../../src/cli/ui.ts';
import { same, tr, withLanguage } from '../../src/i18n/index.ts';
import type { ActionRef, SyncEventMap, SyncSummary } from '../../src/sync/events.ts';

class Collect extends Writable {
  text = '';
  isTTY: boolean;
  columns = 120;
  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    this.emit('written');
    done();
  }
}

/** Resolves once `err` has received text matching `pattern`: cli-progress draws on its own timer. */
async function drawn(err: Collect, pattern: RegExp): Promise<void> {
  while (!pattern.test(err.text)) await once(err, 'written');
}

function makeUi(options: { tty?: boolean; color?: boolean; quiet?: boolean } = {}): { ui: Ui; out: Collect; err: Collect } {
  const out = new Collect(false);
  const err = new Collect(options.tty ?? false);
  const ui = new Ui({ stdout: out, stderr: err }, { color: options.color ?? false, verbose: false, quiet: options.quiet ?? false });
  return { ui, out, err };
}

const MB = 1024 * 1024;

function upload(id: string, file: string): ActionRef {
  return { id, kind: 'video.upload', relPath: `01-muc-dich/${file}`, label: { vi: `Tải lên ${file}`, en: `Upload ${file}` } };
}

const ESC = '\u001b[';

describe('plain lines (stderr is not a terminal)', () => {
  it('writes a line per action and the upload progress at most every 10 %', () => {
    const { ui, out, err } = makeUi();
    expect(chooseProgressMode(ui, false)).toBe('plain');
    const events = new EventEmitter<SyncEventMap>();
    const stop = attachProgress(events, ui, 'plain');
    const action = upload('1', 'Hội thi bé khỏe.mp4');
    events.emit('action:start', { action, cost: { bucket: 'uploads', amount: 1 } });
    for (let i = 0; i <= 100; i++) {
      events.emit('upload:progress', { action, sent: Math.round((i / 100) * 10 * MB), total: 10 * MB, bytesPerSec: 2 * MB });
    }
    events.emit('action:done', { action, videoId: 'abc', url: 'https://www.youtube.com/watch?v=abc' });
    stop();
    const lines = err.text.trimEnd().split('\n');
    expect(lines[0]).toBe('→ Upload Hội thi bé khỏe.mp4');
    const progress = lines.filter((l) => l.includes('%'));
    expect(progress.length).toBeGreaterThanOrEqual(9);
    expect(progress.length).toBeLessThanOrEqual(10);
    expect(progress[0]).toBe('  Upload Hội thi bé khỏe.mp4: 10% (1.0 MB of 10 MB, 2.0 MB/s, 5 s left)');
    expect(lines.at(-1)).toBe('✓ Upload Hội thi bé khỏe.mp4: https://www.youtube.com/watch?v=abc');
    expect(err.text).not.toContain(ESC);
    expect(out.text).toBe('');
  });

  it('also writes a progress line when 5 seconds have passed, even under 10 %', () => {
    const { ui, err } = makeUi();
    const events = new EventEmitter<SyncEventMap>();
    let clock = 0;
    const stop = attachProgress(events, ui, 'plain', { now: () => clock });
    const action = upload('1', 'a.mp4');
    events.emit('action:start', { action, cost: { bucket: 'uploads', amount: 1 } });
    events.emit('upload:progress', { action, sent: 1, total: 1000, bytesPerSec: 1 });
    clock = 4000;
    events.emit('upload:progress', { action, sent: 2, total: 1000, bytesPerSec: 1 });
    expect(err.text.split('\n').filter((l) => l.includes('%'))).toHaveLength(0);
    clock = 5200;
    events.emit('upload:progress', { action, sent: 3, total: 1000, bytesPerSec: 1 });
    stop();
    expect(err.text.split('\n').filter((l) => l.includes('%'))).toEqual(['  Upload a.mp4: 0% (3 B of 1,000 B, 1 B/s, 17 min left)']);
  });

  it('writes retries, resumes, failures with YouTube’s reason, the quota stop and warnings, in Vietnamese too', () => {
    withLanguage('vi', () => {
      const { ui, err } = makeUi();
      const events = new EventEmitter<SyncEventMap>();
      const stop = attachProgress(events, ui, 'plain');
      const action = upload('7', 'b.mp4');
      events.emit('action:start', { action, cost: { bucket: 'uploads', amount: 1 } });
      events.emit('upload:resumed', { action, offset: 3 * MB, total: 12 * MB });
      events.emit('upload:retry', { action, attempt: 2, delayMs: 1500, reason: 'HTTP 503' });
      events.emit('action:failed', { action, error: { vi: 'YouTube từ chối video.', en: 'YouTube refused the video.' }, reason: 'uploadLimitExceeded' });
      events.emit('quota:stop', { left: 3, resetAt: new Date(), bucket: 'units' });
      events.emit('warning', { text: { vi: 'Video bị khóa ở chế độ riêng tư.', en: 'Videos are locked private.' }, hint: same('support.google.com/youtube/contact/yt_api_form') });
      stop();
      expect(err.text).toContain('  Tải lên b.mp4: tải tiếp từ 25% (3,0 MB / 12 MB đã gửi ở lần trước).');
      expect(err.text).toContain('  Tải lên b.mp4: mạng hoặc YouTube đang trục trặc, thử lại lần 2 sau 2 giây.');
      // YouTube's reason code is for English readers; the Vietnamese error says it in words.
      expect(err.text).toContain('✗ Tải lên b.mp4: YouTube từ chối video.\n');
      expect(err.text).toContain('Đã hết hạn mức YouTube của hôm nay');
      expect(err.text).toContain('Cảnh báo: Video bị khóa ở chế độ riêng tư.\n  Cách sửa: support.google.com/youtube/contact/yt_api_form\n');
    });
  });

  it('with --quiet writes only failures and warnings', () => {
    const { ui, err } = makeUi({ quiet: true });
    const events = new EventEmitter<SyncEventMap>();
    const stop = attachProgress(events, ui, chooseProgressMode(ui, false));
    const action = upload('1', 'c.mp4');
    events.emit('action:start', { action, cost: { bucket: 'uploads', amount: 1 } });
    events.emit('upload:progress', { action, sent: 50, total: 100, bytesPerSec: 10 });
    events.emit('action:done', { action, url: 'https://www.youtube.com/watch?v=x' });
    expect(err.text).toBe('');
    events.emit('action:failed', { action, error: same('boom') });
    events.emit('warning', { text: same('careful') });
    stop();
    expect(err.text).toBe('✗ Upload c.mp4: boom\nWarning: careful\n');
  });

  it('stop() detaches: later events write nothing', () => {
    const { ui, err } = makeUi();
    const events = new EventEmitter<SyncEventMap>();
    attachProgress(events, ui, 'plain')();
    events.emit('warning', { text: same('late') });
    expect(err.text).toBe('');
    expect(events.listenerCount('warning')).toBe(0);
  });
});

describe('--json', () => {
  it('writes nothing during the run except warnings, on stderr', () => {
    const { ui, out, err } = makeUi({ tty: true, color: true });
    expect(chooseProgressMode(ui, true)).toBe('json');
    const events = new EventEmitter<SyncEventMap>();
    const stop = attachProgress(events, ui, 'json');
    const action = upload('1', 'd.mp4');
    events.emit('action:start', { action, cost: { bucket: 'uploads', amount: 1 } });
    events.emit('upload:progress', { action, sent: 50, total: 100, bytesPerSec: 10 });
    events.emit('action:done', { action, url: 'https://www.youtube.com/watch?v=x' });
    events.emit('warning', { text: same('locked private') });
    stop();
    expect(out.text).toBe('');
    expect(err.text).toContain('locked private');
    expect(err.text).not.toContain('d.mp4');
  });
});

describe('bars on a terminal', () => {
  it('draws a bar per upload and a total bar, with sizes, speed and time left, then clears them', async () => {
    const { ui, err } = makeUi({ tty: true, color: true });
    expect(chooseProgressMode(ui, false)).toBe('tty');
    const events = new EventEmitter<SyncEventMap>();
    const stop = attachProgress(events, ui, 'tty');
    const a = upload('1', 'first clip.mp4');
    const b = upload('2', 'second clip.mp4');
    events.emit('action:start', { action: a, cost: { bucket: 'uploads', amount: 1 } });
    events.emit('action:start', { action: b, cost: { bucket: 'uploads', amount: 1 } });
    events.emit('upload:progress', { action: a, sent: 4 * MB, total: 8 * MB, bytesPerSec: MB });
    events.emit('upload:progress', { action: b, sent: 1 * MB, total: 2 * MB, bytesPerSec: MB });
    await drawn(err, /Total \(2 files\)/);
    expect(err.text).toContain('first clip.mp4');
    expect(err.text).toContain('second clip.mp4');
    expect(err.text).toContain('50% 4.0 MB/8.0 MB · 1.0 MB/s · 4 s left');
    expect(err.text).toContain('Total (2 files)');
    expect(err.text).toContain('50% 5.0 MB/10 MB · 2.0 MB/s · 3 s left');
    expect(err.text).toContain('█');
    events.emit('action:done', { action: a, videoId: 'v1', url: 'https://www.youtube.com/watch?v=v1' });
    await drawn(err, /✓ Upload first clip\.mp4: https:\/\/www\.youtube\.com\/watch\?v=v1/);
    stop();
    expect(err.text).toContain(`${ESC}?25h`); // the cursor is shown again
  });

  it('starts a resumed upload’s bar at its offset, keeps finished bytes in the total and takes a failed upload’s out', async () => {
    const { ui, err } = makeUi({ tty: true, color: false });
    const events = new EventEmitter<SyncEventMap>();
    const stop = attachProgress(events, ui, 'tty');
    const a = upload('1', 'a.mp4');
    const b = upload('2', 'b.mp4');
    events.emit('upload:resumed', { action: a, offset: 6 * MB, total: 8 * MB });
    events.emit('upload:progress', { action: b, sent: 1 * MB, total: 2 * MB, bytesPerSec: MB });
    await drawn(err, /Total \(2 files\) [█░]+ 70% 7\.0 MB\/10 MB · 1\.0 MB\/s · 3 s left/);
    expect(err.text).toContain('  Upload a.mp4: resuming from 75% (6.0 MB of 8.0 MB sent by an earlier run).\n');
    expect(err.text).toMatch(/a\.mp4 +[█░]+ 75% 6\.0 MB\/8\.0 MB · 0 B\/s · estimating/);
    events.emit('upload:retry', { action: b, attempt: 2, delayMs: 1500, reason: 'HTTP 503' });
    events.emit('action:failed', { action: b, error: same('boom') });
    await drawn(err, /Total \(2 files\) [█░]+ 75% 6\.0 MB\/8\.0 MB · 0 B\/s · estimating/);
    expect(err.text).toContain('  Upload b.mp4: temporary failure (HTTP 503), retry 2 in 2 s.\n');
    expect(err.text).toContain('✗ Upload b.mp4: boom\n');
    events.emit('upload:progress', { action: a, sent: 8 * MB, total: 8 * MB, bytesPerSec: MB });
    events.emit('action:done', { action: a, videoId: 'v1', url: 'https://www.youtube.com/watch?v=v1' });
    events.emit('quota:stop', { left: 3, resetAt: new Date(), bucket: 'uploads' });
    await drawn(err, /Total \(2 files\) [█░]+ 100% 8\.0 MB\/8\.0 MB/);
    await drawn(err, /Today's video upload quota is used up/);
    expect(err.text).toContain('✓ Upload a.mp4: https://www.youtube.com/watch?v=v1\n');
    stop();
  });

  it('shows the total bar from the first upload when the run plans several', async () => {
    const { ui, err } = makeUi({ tty: true, color: false });
    const events = new EventEmitter<SyncEventMap>();
    const stop = attachProgress(events, ui, 'tty', { planned: { files: 3, bytes: 30 * MB } });
    events.emit('upload:progress', { action: upload('1', 'a.mp4'), sent: 3 * MB, total: 10 * MB, bytesPerSec: MB });
    await drawn(err, /Total \(3 files\) [█░]+ 10% 3\.0 MB\/30 MB · 1\.0 MB\/s · 27 s left/);
    expect(err.text).toMatch(/a\.mp4 +[█░]+ 30% 3\.0 MB\/10 MB · 1\.0 MB\/s · 7 s left/);
    stop();
  });

  it('keeps the lines logged just before the bars stop (the last upload, the quota stop)', async () => {
    const { ui, err } = makeUi({ tty: true, color: false });
    const events = new EventEmitter<SyncEventMap>();
    const stop = attachProgress(events, ui, 'tty');
    const a = upload('1', 'a.mp4');
    events.emit('upload:progress', { action: a, sent: 1 * MB, total: 2 * MB, bytesPerSec: MB });
    await drawn(err, /a\.mp4 +[█░]+ 50%/);
    events.emit('action:done', { action: a, videoId: 'v1', url: 'https://www.youtube.com/watch?v=v1' });
    events.emit('quota:stop', { left: 3, resetAt: new Date(), bucket: 'uploads' });
    stop();
    expect(err.text).toContain('✓ Upload a.mp4: https://www.youtube.com/watch?v=v1\n');
    expect(err.text).toMatch(/Today's video upload quota is used up/);
  });

  it('writes a finished action as a line when no bar is drawn, and respects NO_COLOR', () => {
    const { ui, err } = makeUi({ tty: true, color: false });
    const events = new EventEmitter<SyncEventMap>();
    const stop = attachProgress(events, ui, 'tty');
    const action: ActionRef = { id: '1', kind: 'playlist.create', playlistKey: 'su-kien', label: same('Create playlist Sự kiện') };
    events.emit('action:start', { action, cost: { bucket: 'units', amount: 50 } });
    events.emit('action:done', { action, playlistId: 'PL1' });
    stop();
    expect(err.text).toBe('✓ Create playlist Sự kiện\n');
  });
});

describe('the summary', () => {
  const base: SyncSummary = {
    uploaded: 2,
    adopted: 0,
    updated: 1,
    addedToPlaylists: 3,
    removedFromPlaylists: 0,
    thumbnails: 1,
    captions: 0,
    playlistsCreated: 0,
    playlistsUpdated: 0,
    skipped: 4,
    failed: 0,
    left: 0,
    spent: { units: 201, uploads: 2 },
    findings: [],
    processing: 0,
  };

  it('prints the counts and the quota spent on stdout', () => {
    const { ui, out, err } = makeUi();
    printSummary(ui, base);
    expect(out.text).toBe(
      [
        'Summary:',
        '  uploaded: 2',
        '  updated: 1',
        '  added to playlists: 3',
        '  thumbnails: 1',
        '  skipped: 4',
        '  failed: 0',
        '  quota spent: 201 units, 2 uploads',
        '',
      ].join('\n'),
    );
    expect(err.text).toBe('');
  });

  it('after a quota stop says how many clips are left and when the quota resets, in Vietnam time', () => {
    const resetAt = new Date(Date.UTC(2026, 2, 5, 8, 0, 0));
    const { ui, out } = makeUi();
    printSummary(ui, { ...base, left: 3, quotaResetAt: resetAt });
    expect(out.text).toContain('3 clips left; the quota resets at 15:00 on 5 Mar 2026 (Vietnam time).');
    withLanguage('vi', () => {
      const vi = makeUi();
      printSummary(vi.ui, { ...base, left: 1, quotaResetAt: resetAt, adopted: 2 });
      expect(vi.out.text).toContain('Kết quả:');
      expect(vi.out.text).toContain('nhận lại video có sẵn: 2');
      expect(vi.out.text).toContain('Còn 1 clip chưa xong; hạn mức được làm mới lúc 15:00 ngày 05/03/2026 (giờ Việt Nam).');
    });
  });
});

describe('human-readable sizes and times', () => {
  it('formats in both languages', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1.5 * 1024 * MB)).toBe('1.5 GB');
    expect(formatBytes(10.2 * MB)).toBe('10 MB');
    expect(tr(formatSpeed(2 * MB))).toBe('2.0 MB/s');
    expect(tr(formatTimeLeft(120 * MB, MB))).toBe('2 min left');
    expect(tr(formatTimeLeft(3700 * MB, MB))).toBe('1 h 2 min left');
    expect(tr(formatTimeLeft(MB, 0))).toBe('estimating');
    expect(tr(formatTimeLeft(0, MB))).toBe('waiting for YouTube');
    withLanguage('vi', () => {
      expect(formatBytes(1536)).toBe('1,5 KB');
      expect(tr(formatSpeed(2 * MB))).toBe('2,0 MB/giây');
      expect(tr(formatTimeLeft(120 * MB, MB))).toBe('còn 2 phút');
    });
  });
});
