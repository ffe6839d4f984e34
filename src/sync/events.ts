/**
 * What the sync executor (and `happytube upload`, which runs the same executor on a few files)
 * tells its listeners. The executor emits; the CLI draws: TTY bars, plain lines and `--json` are
 * three listeners of the same events (src/cli/progress.ts). Nothing here prints.
 */
import type { Text } from '../i18n/index.ts';
import type { Finding } from '../state/index.ts';
import type { QuotaAmounts } from '../youtube/quota.ts';

/** The kinds of work the executor does, one per YouTube call (or none, for adopt). */
export type ActionKind =
  | 'playlist.create'
  | 'playlist.update'
  | 'video.upload'
  | 'video.adopt'
  | 'video.update'
  | 'thumbnail.set'
  | 'caption.insert'
  | 'playlistItem.insert'
  | 'playlistItem.delete';

export interface ActionRef {
  /** Unique within a run, e.g. "3". */
  id: string;
  kind: ActionKind;
  /** The clip concerned (library-relative, NFC), if any. */
  relPath?: string;
  /** The playlist concerned, if any. */
  playlistKey?: string;
  /** What a person reads: "Upload 01-muc-dich/2024-11-20 Hội thi bé khỏe.mp4". */
  label: Text;
}

export interface SyncSummary {
  uploaded: number;
  adopted: number;
  updated: number;
  addedToPlaylists: number;
  removedFromPlaylists: number;
  thumbnails: number;
  captions: number;
  playlistsCreated: number;
  playlistsUpdated: number;
  skipped: number;
  failed: number;
  /** Clips (and their steps) left for a later run: quota, upload limit, interruption. */
  left: number;
  spent: QuotaAmounts;
  /** When today's quota resets, if the run stopped for quota. */
  quotaResetAt?: Date;
  /** What YouTube did differently from what was sent or declared, found in this run. */
  findings: { relPath: string; videoId: string; finding: Finding }[];
  /** Videos uploaded or updated in this run that YouTube was still processing (the next run checks them). */
  processing: number;
}

/** A summary of a run that did nothing (yet): a dry run, a cancelled one, or the executor's start. */
export function emptySummary(skipped: number, spent: QuotaAmounts): SyncSummary {
  return {
    uploaded: 0,
    adopted: 0,
    updated: 0,
    addedToPlaylists: 0,
    removedFromPlaylists: 0,
    thumbnails: 0,
    captions: 0,
    playlistsCreated: 0,
    playlistsUpdated: 0,
    skipped,
    failed: 0,
    left: 0,
    spent: { ...spent },
    findings: [],
    processing: 0,
  };
}

/**
 * Two runs' summaries as one (`sync --wait`, `--watch`: several rounds): counts add up; what is
 * left and when the quota resets are the later run's.
 */
export function addSummaries(a: SyncSummary, b: SyncSummary): SyncSummary {
  const out: SyncSummary = {
    uploaded: a.uploaded + b.uploaded,
    adopted: a.adopted + b.adopted,
    updated: a.updated + b.updated,
    addedToPlaylists: a.addedToPlaylists + b.addedToPlaylists,
    removedFromPlaylists: a.removedFromPlaylists + b.removedFromPlaylists,
    thumbnails: a.thumbnails + b.thumbnails,
    captions: a.captions + b.captions,
    playlistsCreated: a.playlistsCreated + b.playlistsCreated,
    playlistsUpdated: a.playlistsUpdated + b.playlistsUpdated,
    skipped: b.skipped,
    failed: b.failed,
    left: b.left,
    spent: { units: a.spent.units + b.spent.units, uploads: a.spent.uploads + b.spent.uploads },
    // A later round reads back the earlier rounds' videos too: a finding is told once.
    findings: [...new Map([...a.findings, ...b.findings].map((f) => [JSON.stringify(f), f])).values()],
    processing: a.processing + b.processing,
  };
  if (b.quotaResetAt !== undefined) out.quotaResetAt = b.quotaResetAt;
  return out;
}

export interface SyncEventMap {
  /** An action begins; `cost` is what it will spend. */
  'action:start': [{ action: ActionRef; cost: { bucket: 'units' | 'uploads'; amount: number } }];
  /** Bytes of an upload: `sent` counts a resumed part too. */
  'upload:progress': [{ action: ActionRef; sent: number; total: number; bytesPerSec: number }];
  /** A transient failure, retried after `delayMs`. */
  'upload:retry': [{ action: ActionRef; attempt: number; delayMs: number; reason: string }];
  /** A Data API call failed for a moment (no answer in time, 5xx…) and is tried again: a line to show. */
  'api:retry': [{ text: Text }];
  /**
   * YouTube holds the session busy (a previous connection it has not seen end): waited on for
   * `delayMs`, then asked again; not a failure.
   */
  'upload:busy': [{ action: ActionRef; attempt: number; delayMs: number; reason: string }];
  /** An upload continues a session saved by an earlier run, from `offset` bytes. */
  'upload:resumed': [{ action: ActionRef; offset: number; total: number }];
  /** An action finished; `url` for a video or playlist a person may want to open. */
  'action:done': [{ action: ActionRef; videoId?: string; playlistId?: string; url?: string }];
  /** An action failed for good (the run goes on with the next clip). */
  'action:failed': [{ action: ActionRef; error: Text; reason?: string }];
  /** Something the user must know, once per run (the private lock, thumbnails refused…). */
  warning: [{ text: Text; hint?: Text }];
  /** The run stops for quota or the upload limit: what is left, and when the quota resets. */
  'quota:stop': [{ left: number; resetAt: Date; bucket: 'units' | 'uploads' }];
  /** The end of the run. */
  summary: [SyncSummary];
}
