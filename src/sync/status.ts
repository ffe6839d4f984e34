/**
 * `happytube status`: where each clip of the library stands, from the state alone (no network):
 * published, pending, failed, deleted on YouTube, skipped; resumable sessions; quota used today
 * and when it resets. A new file whose hash is not cached yet counts as pending (status never reads
 * clip contents beyond what `check` reads).
 */
import type { Library } from '../library/index.ts';
import { loadLibrary } from '../library/index.ts';
import { openState } from '../state/index.ts';
import type { Finding } from '../state/index.ts';
import { DEFAULT_QUOTA_LIMITS, nextQuotaReset, pacificDay } from '../youtube/quota.ts';
import type { QuotaAmounts } from '../youtube/quota.ts';

export interface LibraryStatus {
  root: string;
  library: Library;
  published: number;
  pending: string[];
  failed: { relPath: string; reason: string; at: string }[];
  deleted: string[];
  skipped: number;
  sessions: { relPath: string; size: number; startedAt: string }[];
  /** Clips that are (or will be) Shorts on YouTube: vertical or square, 3 minutes or less. */
  shorts: string[];
  /** What YouTube did differently from what was sent or declared, as the last sync read it back. */
  findings: { relPath: string; videoId: string; finding: Finding }[];
  /** Published clips YouTube was still processing at the last read (the next sync looks again). */
  processing: string[];
  quota: { day: string; units: number; uploads: number; limits: QuotaAmounts; resetsAt: Date };
}

export async function libraryStatus(dir: string, now: Date = new Date()): Promise<LibraryStatus> {
  const state = await openState(dir);
  const library = await loadLibrary(dir, {
    now,
    hashFile: (file) => state.hashes.sha256(file),
  });
  const out: LibraryStatus = {
    root: library.root,
    library,
    published: 0,
    pending: [],
    failed: [],
    deleted: [],
    skipped: 0,
    shorts: [],
    findings: [],
    processing: [],
    sessions: state.sessions.list().map((s) => ({ relPath: s.relPath, size: s.size, startedAt: s.startedAt })),
    quota: { day: pacificDay(now), ...state.quota.spent(now), limits: { units: 0, uploads: 0 }, resetsAt: nextQuotaReset(now) },
  };
  out.quota.limits = {
    units: library.config.quota.units ?? DEFAULT_QUOTA_LIMITS.units,
    uploads: library.config.quota.uploads ?? DEFAULT_QUOTA_LIMITS.uploads,
  };
  for (const clip of library.clips) {
    if (clip.skip || clip.duplicateOf) {
      out.skipped += 1;
      continue;
    }
    const sha = state.hashes.lookup(clip) ?? clip.contentHash;
    const record = sha === undefined ? undefined : state.ledger.clip(sha);
    const failure = state.ledger.failure(clip.relPath);
    if (clip.short) out.shorts.push(clip.relPath);
    if (record?.youtube && record.status.state !== 'deleted-on-youtube') {
      for (const finding of record.youtube.findings) out.findings.push({ relPath: clip.relPath, videoId: record.videoId, finding });
      if (record.youtube.processing) out.processing.push(clip.relPath);
    }
    if (record?.status.state === 'published') out.published += 1;
    else if (record?.status.state === 'deleted-on-youtube') out.deleted.push(clip.relPath);
    else if (record?.status.state === 'failed') out.failed.push({ relPath: clip.relPath, reason: record.status.reason, at: record.status.at });
    else if (failure && failure.size === clip.size) out.failed.push({ relPath: clip.relPath, reason: failure.reason, at: failure.at });
    else out.pending.push(clip.relPath);
  }
  return out;
}
