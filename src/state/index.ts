/**
 * The state kept in `<library>/.happytube/` (never tokens or secrets):
 *
 * | file | what | written |
 * |---|---|---|
 * | `ledger.json` | clips by SHA-256 → video, metadata hash, playlist items; playlists by key; the channel | after every action on YouTube |
 * | `hashes.json` | path + size + mtime → SHA-256 | after each file is hashed |
 * | `sessions.json` | resumable upload sessions | before an upload's first byte, and when it ends |
 * | `quota.json` | units and uploads spent in the current Pacific day | after every call |
 * | `lock` | the run that holds the library | while a run lasts (`acquireLock`) |
 *
 * Read once with `openState`, then every change method writes its own file atomically and
 * resolves once it is on disk. Each file carries a format version.
 */
import { stateDir } from './files.ts';
import { HashCache } from './hash-cache.ts';
import { Ledger } from './ledger.ts';
import { QuotaUsage } from './quota-usage.ts';
import { UploadSessions } from './sessions.ts';

export { STATE_DIR, stateDir } from './files.ts';
export { digestOf } from './digest.ts';
export { pathKey } from './paths.ts';
export { Ledger } from './ledger.ts';
export type { ClipEntry, ClipPatch, ClipRecord, ClipStatus, FailureRecord, Finding, NewClip, PlaylistRecord, Verdict } from './ledger.ts';
export { HashCache } from './hash-cache.ts';
export type { FileStamp } from './hash-cache.ts';
export { UploadSessions } from './sessions.ts';
export type { SessionCheck, SessionFile, UploadSession } from './sessions.ts';
export { QuotaUsage } from './quota-usage.ts';
export { acquireLock, FOREIGN_LOCK_STALE_HOURS, inspectLock, LibraryLockedError } from './lock.ts';
export type { LockOwner, LockReport, ReleaseLock } from './lock.ts';

/** A library's state, read once. */
export interface LibraryState {
  /** the `.happytube/` folder */
  readonly dir: string;
  readonly ledger: Ledger;
  readonly hashes: HashCache;
  readonly sessions: UploadSessions;
  readonly quota: QuotaUsage;
}

/**
 * Reads the whole state of a library. Writes nothing: a library that never synced (no
 * `.happytube/`) gives empty state, so `sync --dry-run` leaves no trace. Throws `InputError` for a
 * damaged file or one written by a newer happytube.
 */
export async function openState(libraryDir: string): Promise<LibraryState> {
  const dir = stateDir(libraryDir);
  const [ledger, hashes, sessions, quota] = await Promise.all([
    Ledger.load(dir),
    HashCache.load(dir),
    UploadSessions.load(dir),
    QuotaUsage.load(dir),
  ]);
  return { dir, ledger, hashes, sessions, quota };
}
