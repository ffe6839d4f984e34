/**
 * Saved upload sessions (`.happytube/sessions.json`): the resumable session of each upload in
 * progress, saved BEFORE the first byte is sent, so that any later run asks YouTube how much
 * arrived and goes on from there. A file that changed since its session began starts over.
 *
 * Kept apart from the ledger so that saving a session never rewrites the (large) ledger.
 */
import * as v from 'valibot';
import { ExitCode, HappyError } from '../errors.ts';
import { M } from '../i18n/messages.ts';
import { finiteNumber, map, wholeNumber } from '../util/schema.ts';
import { StoredFile } from './files.ts';
import type { StateFileSpec } from './files.ts';
import type { FileStamp } from './hash-cache.ts';
import { pathKey } from './paths.ts';

const sessionSchema = map(
  v.object({
    /** library-relative path of the file being uploaded (a `pathKey`) */
    relPath: v.pipe(v.string(), v.minLength(1)),
    /** the session URI from YouTube's `Location` header (trimmed, tabs and line breaks taken out) */
    sessionUri: v.pipe(
      v.string(),
      v.trim(),
      v.url(),
      v.transform((uri) => uri.replace(/[\t\n\r]/g, '')),
    ),
    size: v.pipe(wholeNumber(), v.minValue(0)),
    mtimeMs: finiteNumber(),
    /** when the session was created, ISO 8601 */
    startedAt: v.pipe(v.string(), v.minLength(1)),
    /** the file's SHA-256 when it was known before the upload (hashed ahead of time) */
    sha256: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'Invalid string: must match pattern /^[0-9a-f]{64}$/'))),
    /** the rendered video resource sent when the session was created */
    resource: map(v.record(v.string(), v.unknown())),
  }),
);

const sessionsSchema = v.object({
  /** path key → session */
  sessions: map(v.record(v.string(), sessionSchema)),
});

export type UploadSession = v.InferOutput<typeof sessionSchema>;
export type SessionsData = v.InferOutput<typeof sessionsSchema>;

/** A file as it is now, to compare with a saved session. */
export interface SessionFile extends FileStamp {
  /** its SHA-256, when known: finds the session of the same content under another path */
  readonly sha256?: string;
}

/**
 * - `none`: no session for that file: start a new one.
 * - `resumable`: the file is as it was when the session began: ask YouTube how much arrived.
 * - `stale`: the file changed since (size or mtime differ): clear it and start over.
 */
export type SessionCheck =
  | { readonly kind: 'none' }
  | { readonly kind: 'resumable'; readonly session: Readonly<UploadSession> }
  | { readonly kind: 'stale'; readonly session: Readonly<UploadSession>; readonly changed: 'size' | 'mtime' };

export const SESSIONS_FILE: StateFileSpec<SessionsData> = {
  name: 'sessions.json',
  version: 1,
  schema: sessionsSchema,
  empty: () => ({ sessions: {} }),
  corruptHint: (file) => M.state.corruptSessionsHint({ file }),
};

export class UploadSessions {
  readonly #store: StoredFile<SessionsData>;

  private constructor(store: StoredFile<SessionsData>) {
    this.#store = store;
  }

  /** Reads `sessions.json` from a `.happytube/` folder (empty when it does not exist). */
  static async load(dir: string): Promise<UploadSessions> {
    return new UploadSessions(await StoredFile.load(dir, SESSIONS_FILE));
  }

  /** Every saved session. */
  list(): Readonly<UploadSession>[] {
    return Object.values(this.#store.data.sessions);
  }

  /**
   * The saved session for this file: by its path, else (when `sha256` is given) one of the same
   * content and size under another path (the file was renamed mid-upload).
   */
  check(file: SessionFile): SessionCheck {
    const sessions = this.#store.data.sessions;
    const session =
      sessions[pathKey(file.relPath)] ??
      (file.sha256 === undefined ? undefined : Object.values(sessions).find((s) => s.sha256 === file.sha256 && s.size === file.size));
    if (!session) return { kind: 'none' };
    if (session.size !== file.size) return { kind: 'stale', session, changed: 'size' };
    const sameContent = file.sha256 !== undefined && session.sha256 === file.sha256;
    if (session.mtimeMs !== file.mtimeMs && !sameContent) return { kind: 'stale', session, changed: 'mtime' };
    return { kind: 'resumable', session };
  }

  /**
   * Saves a new session; resolves once it is on disk. Await it BEFORE sending the first byte.
   * Replaces any session saved for the same path.
   */
  begin(session: UploadSession): Promise<void> {
    if (/[?&](?:access_token|key)=/.test(session.sessionUri)) {
      // A credential in the URI would end up in the library folder (docs/architecture.md).
      return Promise.reject(new HappyError(ExitCode.failure, M.state.secretInState({ file: this.#store.file })));
    }
    const key = pathKey(session.relPath);
    this.#store.data.sessions[key] = { ...session, relPath: key };
    return this.#store.save();
  }

  /** Forgets the session of this path (the upload finished, or the session is stale or expired). */
  clear(relPath: string): Promise<void> {
    const key = pathKey(relPath);
    if (!(key in this.#store.data.sessions)) return Promise.resolve();
    delete this.#store.data.sessions[key];
    return this.#store.save();
  }
}
