/**
 * `happytube doctor`: everything happytube needs, checked one thing at a time, each with the fix
 * of a failure — the versions, the clock against Google's, the two hosts and the proxy on the way,
 * the OAuth client and where it comes from, the sign-in (a real refresh), the library, its state,
 * today's quota as this computer recorded it, and the private lock if a sync saw it. It writes
 * nothing and never throws for a failed check: a check that cannot even run is a failed check.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Environment } from '../config/env.ts';
import { HappyError } from '../errors.ts';
import type { Text } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { CONFIG_FILE } from '../library/config.ts';
import { findLibraryRoot, loadLibrary } from '../library/load.ts';
import type { Library } from '../library/types.ts';
import { inspectLock, openState } from '../state/index.ts';
import type { LibraryState } from '../state/index.ts';
import { NetworkError } from '../youtube/auth/errors.ts';
import { exchange } from '../youtube/http.ts';
import { displayProxy, proxyFor } from '../youtube/proxy.ts';
import { API_AUDIT_FORM, DEFAULT_QUOTA_LIMITS, nextQuotaReset } from '../youtube/quota.ts';

export type CheckId = 'versions' | 'clock' | 'oauth-host' | 'api-host' | 'client' | 'sign-in' | 'library' | 'lock' | 'state' | 'quota' | 'private-lock';

export interface DoctorCheck {
  id: CheckId;
  ok: boolean;
  text: Text;
  fix?: Text | undefined;
}

export interface DoctorOptions {
  environment: Environment;
  /** The process environment: the proxy variables. */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The library folder given, else the one the current folder is in. */
  dir: string | undefined;
  version: string;
  signal?: AbortSignal | undefined;
  /** An instant as the user reads it ("15:00 ngày 07/12/2026 (giờ Việt Nam)"). */
  clock: (date: Date) => string;
  now?: () => Date;
}

/** A clock further off than this breaks TLS and the sign-in's time checks. */
const MAX_SKEW_SECONDS = 300;
/** How long a host may take to answer before it counts as unreachable. */
const REACH_TIMEOUT_MS = 15_000;

const pass = (id: CheckId, text: Text): DoctorCheck => ({ id, ok: true, text });
const fail = (id: CheckId, text: Text, fix?: Text): DoctorCheck => ({ id, ok: false, text, fix });

/** Runs a check; a failure it did not foresee is that check's ✗, never the end of the others. */
async function guarded(id: CheckId, run: () => Promise<DoctorCheck | DoctorCheck[]>): Promise<DoctorCheck[]> {
  try {
    const result = await run();
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    if (error instanceof HappyError) return [fail(id, error.text, error.hint)];
    return [fail(id, M.doctor.unexpected({ detail: error instanceof Error ? error.message : String(error) }), M.doctor.unexpectedHint())];
  }
}

function nodeSupported(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major >= 25 || (major === 24 && minor >= 15) || (major === 22 && (minor > 22 || (minor === 22 && patch >= 2)));
}

function versions(o: DoctorOptions): DoctorCheck {
  const p = { version: o.version, node: process.versions.node };
  return nodeSupported(p.node) ? pass('versions', M.doctor.versions(p)) : fail('versions', M.doctor.nodeTooOld(p), M.doctor.nodeTooOldFix());
}

interface Reach {
  check: DoctorCheck;
  /** The server's Date header and the local time half-way through the request. */
  date?: { server: number; local: number } | undefined;
}

/** Any HTTP answer, even a refusal, shows the host is reachable by the way the CLI's requests take. */
async function reach(id: CheckId, what: Text, address: string, o: DoctorOptions): Promise<Reach> {
  const url = new URL(address);
  const proxy = proxyFor(url, o.env);
  const via = M.doctor.via({ proxy: proxy === undefined ? undefined : displayProxy(proxy) });
  const started = Date.now();
  try {
    const answer = await exchange(url, { method: 'GET', headers: {}, idleTimeoutMs: REACH_TIMEOUT_MS, signal: o.signal });
    const header = answer.headers.date;
    const server = header === undefined ? Number.NaN : Date.parse(header);
    return {
      check: pass(id, M.doctor.hostOk({ what, host: url.host, via })),
      date: Number.isNaN(server) ? undefined : { server, local: (started + Date.now()) / 2 },
    };
  } catch (error) {
    if (o.signal?.aborted) throw error;
    const code = (error as { code?: unknown }).code;
    const detail = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
    return { check: fail(id, M.doctor.hostFailed({ what, host: url.host, via, detail }), M.doctor.hostFix({ proxy })) };
  }
}

async function network(o: DoctorOptions): Promise<DoctorCheck[]> {
  const api = new URL('youtube/v3/channels?part=id&mine=true', o.environment.apiRoot);
  const [oauth, data] = await Promise.all([
    reach('oauth-host', M.doctor.oauthHost(), o.environment.oauthTokenUrl, o),
    reach('api-host', M.doctor.apiHost(), api.toString(), o),
  ]);
  const host = api.host;
  const date = data.date ?? oauth.date;
  let clock: DoctorCheck;
  if (!date) clock = fail('clock', M.doctor.clockUnknown({ host }), M.doctor.hostFix({ proxy: proxyFor(api, o.env) }));
  else {
    // The Date header has whole seconds: a second of difference is no skew.
    const seconds = Math.round(Math.abs(date.local - date.server) / 1000);
    clock = seconds <= MAX_SKEW_SECONDS ? pass('clock', M.doctor.clockOk({ seconds, host })) : fail('clock', M.doctor.clockSkewed({ seconds, host }), M.doctor.clockFix());
  }
  return [clock, oauth.check, data.check];
}

async function client(o: DoctorOptions): Promise<DoctorCheck> {
  const { resolveClientCredentials } = await import('../youtube/auth/credentials.ts');
  const found = resolveClientCredentials(o.environment, o.cwd);
  const p = { clientId: found.clientId, file: found.file ?? '' };
  const text = found.source === 'environment' ? M.doctor.clientEnvironment(p) : found.source === 'secret-file' ? M.doctor.clientSecretFile(p) : M.doctor.clientProfile(p);
  return pass('client', text);
}

async function signIn(o: DoctorOptions, guard: string | undefined, root: string | undefined): Promise<DoctorCheck> {
  const { authStatus } = await import('../youtube/auth/status.ts');
  const profile = o.environment.profile;
  let status;
  try {
    status = await authStatus({ environment: o.environment, cwd: o.cwd });
  } catch (error) {
    if (!(error instanceof HappyError)) throw error;
    return fail('sign-in', M.doctor.signInFailed({ profile, problem: error.text }), error.hint ?? M.doctor.signInFix({ profile }));
  }
  if (status.problem) {
    const text = status.problem instanceof NetworkError ? M.doctor.signInOffline({ profile, problem: status.problem.text }) : M.doctor.signInFailed({ profile, problem: status.problem.text });
    return fail('sign-in', text, status.problem.hint ?? M.doctor.signInFix({ profile }));
  }
  const channel = status.channel ?? { id: '?', title: '?' };
  if (guard !== undefined && root !== undefined && guard !== channel.id) {
    return fail('sign-in', M.doctor.wrongChannel({ file: join(root, CONFIG_FILE), configured: guard, ...channel }), M.doctor.signInFix({ profile }));
  }
  const now = (o.now ?? (() => new Date()))().getTime();
  const since = status.signedInAt === undefined ? Number.NaN : Date.parse(status.signedInAt);
  const days = Number.isNaN(since) ? undefined : Math.max(0, Math.floor((now - since) / 86_400_000));
  return pass('sign-in', M.doctor.signedIn({ ...channel, profile: status.profile, days, source: status.source }));
}

async function library(root: string): Promise<{ check: DoctorCheck; library: Library }> {
  const { cachedHasher, countDiagnostics } = await import('../library/check.ts');
  // The hashes computed are not saved: doctor writes nothing.
  const { hashFile } = await cachedHasher(root);
  const loaded = await loadLibrary(root, { hashFile });
  const counts = countDiagnostics(loaded);
  const check =
    counts.errors === 0
      ? pass('library', M.doctor.libraryOk({ root, clips: counts.clips, warnings: counts.warnings }))
      : fail('library', M.doctor.libraryErrors({ root, errors: counts.errors, files: counts.filesWithErrors }), M.doctor.libraryFix({ root }));
  return { check, library: loaded };
}

async function lock(root: string, o: DoctorOptions): Promise<DoctorCheck> {
  const found = await inspectLock(root);
  switch (found.state) {
    case 'free':
      return pass('lock', M.doctor.lockFree());
    case 'alive':
      return pass('lock', M.doctor.lockAlive({ pid: found.owner.pid, since: o.clock(new Date(found.owner.since)) }));
    case 'dead':
      return pass('lock', M.doctor.lockDead({ pid: found.owner.pid, file: found.file }));
    case 'blank':
      return pass('lock', M.doctor.lockBlank({ file: found.file }));
    case 'foreign':
      return fail('lock', M.doctor.lockForeign({ host: found.owner.host, file: found.file }), M.doctor.lockForeignFix({ file: found.file }));
  }
}

function quota(state: LibraryState, loaded: Library | undefined, o: DoctorOptions): DoctorCheck {
  const now = (o.now ?? (() => new Date()))();
  const spent = state.quota.spent(now);
  const limits = {
    units: loaded?.config.quota.units ?? DEFAULT_QUOTA_LIMITS.units,
    uploads: loaded?.config.quota.uploads ?? DEFAULT_QUOTA_LIMITS.uploads,
  };
  const reset = o.clock(nextQuotaReset(now));
  const text = M.doctor.quotaToday({ units: spent.units, unitLimit: limits.units, uploads: spent.uploads, uploadLimit: limits.uploads, reset });
  return spent.units >= limits.units || spent.uploads >= limits.uploads ? fail('quota', text, M.doctor.quotaFix({ reset })) : pass('quota', text);
}

function privateLock(state: LibraryState, o: DoctorOptions): DoctorCheck {
  const seen = state.ledger.privateLockSeenAt;
  if (seen === undefined) return pass('private-lock', M.doctor.privateLockNone());
  return fail('private-lock', M.doctor.privateLockSeen({ when: o.clock(new Date(seen)) }), M.doctor.privateLockFix({ form: API_AUDIT_FORM }));
}

export async function runDoctor(o: DoctorOptions): Promise<DoctorCheck[]> {
  const root = o.dir === undefined ? findLibraryRoot(o.cwd) : resolve(o.cwd, o.dir);
  const hasLibrary = root !== undefined && existsSync(join(root, CONFIG_FILE));
  let loaded: Library | undefined;
  const libraryChecks = hasLibrary
    ? guarded('library', async () => {
        const result = await library(root);
        loaded = result.library;
        return result.check;
      })
    : Promise.resolve([fail('library', M.doctor.noLibrary({ dir: root ?? o.cwd }), M.doctor.noLibraryFix())]);
  const found = await libraryChecks;
  const checks: DoctorCheck[] = [
    ...(await guarded('versions', () => Promise.resolve(versions(o)))),
    ...(await guarded('clock', () => network(o))),
    ...(await guarded('client', () => client(o))),
    ...(await guarded('sign-in', () => signIn(o, loaded?.config.channel?.id, root))),
    ...found,
  ];
  if (!hasLibrary) return checks;
  checks.push(...(await guarded('lock', () => lock(root, o))));
  let state: LibraryState | undefined;
  checks.push(
    ...(await guarded('state', async () => {
      state = await openState(root);
      return pass('state', M.doctor.stateOk({ sessions: state.sessions.list().length }));
    })),
  );
  if (state) {
    const opened = state;
    checks.push(...(await guarded('quota', () => Promise.resolve(quota(opened, loaded, o)))));
    checks.push(...(await guarded('private-lock', () => Promise.resolve(privateLock(opened, o)))));
  }
  return checks;
}
