/**
 * One sync run (docs/library.md), from the folder to the channel: validate the library offline, read the
 * state, read the channel cheaply, plan (pure), then run the plan — or stop after planning for a
 * dry run. Used by `happytube sync` and, on a few files, by `happytube upload`.
 *
 * Disk: a file whose path, size and mtime are in the hash cache is never read. A new file of the
 * same size as a known clip (or as a video the plan may adopt) is hashed ahead; any other new file
 * is read once, while it uploads.
 *
 * Channel: read by src/sync/channel.ts, only what the plan needs.
 */
import type { EventEmitter } from 'node:events';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import type { Environment } from '../config/env.ts';
import { InputError } from '../errors.ts';
import { M } from '../i18n/messages.ts';
import { loadLibrary } from '../library/index.ts';
import type { Clip, Library } from '../library/index.ts';
import { acquireLock, openState, pathKey } from '../state/index.ts';
import type { FileStamp, LibraryState } from '../state/index.ts';
import { retryText, YouTubeApi } from '../youtube/api.ts';
import type { ChannelVideo } from '../youtube/api.ts';
import type { LogSink, YouTubeClient } from '../youtube/client.ts';
import { DEFAULT_QUOTA_LIMITS } from '../youtube/quota.ts';
import type { QuotaAmounts, QuotaBudget } from '../youtube/quota.ts';
import { TokenBucket } from '../youtube/rate-limit.ts';
import type { RateLimit } from '../youtube/rate-limit.ts';
import { guardChannel, readChannel } from './channel.ts';
import { emptySummary, type SyncEventMap, type SyncSummary } from './events.ts';
import { executePlan } from './execute.ts';
import type { ClipFile, ExecuteOptions, StopReason } from './execute.ts';
import { QuotaMeter } from './meter.ts';
import { mayAdopt, plan as makePlan } from './plan.ts';
import type { ChannelView, Plan, PlanClip } from './plan.ts';
import { forEachLimit } from '../util/pool.ts';

/** What to sync: the library, which of its clips, and how. */
export interface SyncRequest {
  /** The library folder (absolute). */
  dir: string;
  /**
   * The library as the caller just loaded it and found valid (`upload`, when it wrote no sidecar):
   * not read again. Default: read and validated here.
   */
  library?: Library;
  /** Only these clips: paths absolute or relative to `cwd` (or to the library), files of the library. */
  only?: readonly string[];
  /** Where the relative paths of `only` start (default: the process's working folder). */
  cwd?: string;
  /**
   * Library-relative paths (NFC) of files still being written (`sync --watch`): the clips they
   * belong to wait for a later round, and the library's errors about them do not count (a
   * half-copied clip or sidecar is not a mistake yet).
   */
  hold?: ReadonlySet<string>;
  /** Plan and stop: nothing sent but reads, nothing written anywhere. */
  dryRun?: boolean;
  /** `--no-update`. */
  noUpdate?: boolean;
  /** Bytes per second for uploads, all together, always or within a window of the day (default: the library's `limitRate`). */
  limitRate?: number | RateLimit;
  /** Clips at a time, 1–4 (default 1). */
  concurrency?: number;
  /**
   * The caller already holds the library's lock (`sync --wait`, `--watch`: one lock across every
   * round, so that a rival run is refused while this one waits). Default: taken and released here.
   */
  lockHeld?: boolean;
}

/** The services a sync uses: the sign-in, who listens, who is asked, and the clock. */
export interface SyncServices {
  /** `ctx.environment([dir])`: the sign-in and endpoints. */
  environment: Environment;
  /** The client to use, or its promise (default: `startClient` with `environment`). */
  client?: YouTubeClient | Promise<YouTubeClient>;
  /** What the run does, for the progress listeners. */
  events: EventEmitter<SyncEventMap>;
  /** Ctrl-C: stop at a safe point. */
  signal: AbortSignal;
  /** Asked once the plan is known and before anything is spent; false cancels (nothing sent). */
  confirm?: (plan: Plan, budget: QuotaBudget) => Promise<boolean>;
  /** The library is valid and loaded (e.g. to choose the library's language for messages). */
  onLibrary?: (library: Library) => void;
  log?: LogSink;
  /** Clock (tests). */
  now?: () => Date;
}

export interface SyncResult {
  library: Library;
  plan: Plan;
  /** Left for today, before the run (the plan's cost is compared with it). */
  remaining: QuotaAmounts;
  dryRun: boolean;
  /** The user said no at the prompt: nothing was sent. */
  cancelled: boolean;
  summary: SyncSummary;
  /** Why the run stopped early, if it did (quota: exit 3 with the reset time). */
  stop: StopReason | undefined;
  /** relPath → YouTube's reason, for clips that failed for good. */
  failures: Map<string, string>;
  /** The videos by relPath that this library has on YouTube after the run (for `upload`). */
  videos: Map<string, string>;
}

/** The library failed validation: nothing was sent. Exit 2; `library` holds the diagnostics. */
export class LibraryInvalidError extends InputError {
  readonly library: Library;
  constructor(library: Library, errors: number, files: number) {
    super(M.check.failed({ errors, files }), { hint: M.check.failedFix() });
    this.library = library;
  }
}

/** Hashes through the state's hash cache; what had to be read is remembered unless dry. */
function stateHasher(state: LibraryState, remember: boolean): (file: FileStamp & { path: string }) => Promise<string> {
  return (file) => state.hashes.sha256(file, remember ? (stamp, sha256) => state.hashes.remember(stamp, sha256) : undefined);
}

/**
 * The YouTube client, started while the caller reads the disk: it reads the sign-in and gets an
 * access token (the round trip to the OAuth server — nothing goes to the Data API). A failure of
 * that early refresh is left for the first real request, which refreshes again and reports it
 * typed; a failure to create the client is the promise's, for the caller to await once the library
 * is known to be valid.
 */
export function startClient(environment: Environment, cwd: string, log: LogSink | undefined): Promise<YouTubeClient> {
  const ready = import('../youtube/client.ts').then(({ createYouTubeClient }) => createYouTubeClient({ environment, cwd, log }));
  ready.then((client) => client.accessToken()).catch(() => undefined);
  return ready;
}

/**
 * Runs one sync of `request.dir` (see the module comment). Throws LibraryInvalidError (exit 2) when
 * the library has errors, InputError for the channel guard, LibraryLockedError when another run
 * holds the library, AuthError when not signed in; otherwise resolves with what happened — the
 * caller decides the exit code from `stop` (3) and `failures` (1).
 */
export async function runSync(request: SyncRequest, services: SyncServices): Promise<SyncResult> {
  const root = resolve(request.dir);
  // The client loads and signs in while the library is read; it sends nothing to YouTube until
  // the library is known to be valid.
  const clientReady = clientFor(root, services);
  const valid = await readValidLibrary(request, services, root);
  const release = valid.dry || request.lockHeld === true ? undefined : await acquireLock(root);
  try {
    return await syncLocked(request, services, { ...valid, client: await clientReady });
  } finally {
    await release?.();
  }
}

/** The run's client, which tells the listeners of its retries; a failure is awaited later. */
function clientFor(root: string, services: SyncServices): Promise<YouTubeClient> {
  const ready = services.client !== undefined ? Promise.resolve(services.client) : startClient(services.environment, root, services.log);
  ready.then(
    (client) => client.onRetry((text) => services.events.emit('api:retry', { text })),
    () => undefined, // awaited after validation
  );
  return ready;
}

/** A library read and found valid, with its state. */
interface ValidLibrary {
  root: string;
  state: LibraryState;
  library: Library;
  /** relPaths of `--only`, or undefined for all. */
  selected: Set<string> | undefined;
  /** relPaths of clips left for a later round (`hold`). */
  held: ReadonlySet<string>;
  dry: boolean;
  now: () => Date;
}

/** What the locked run starts from: a valid library, and the client signed in. */
interface Prepared extends ValidLibrary {
  client: YouTubeClient;
}

/** The state and the library, read together; the library's errors, but those of held files, stop the run. */
async function readValidLibrary(request: SyncRequest, services: SyncServices, root: string): Promise<ValidLibrary> {
  const now = services.now ?? (() => new Date());
  const dry = request.dryRun === true;
  // The state is read while the library is: its reads wait on the disk, the library's work on the CPU.
  const stateReady = openState(root);
  stateReady.catch(() => undefined); // awaited below, before the library's own errors
  let library: Library;
  try {
    library = request.library ?? (await loadLibrary(root, { now: now(), hashFile: async (file) => stateHasher(await stateReady, !dry)(file) }));
  } catch (error) {
    await stateReady; // a damaged state is reported first, as when it was read first
    throw error;
  }
  const state = await stateReady;
  const { held, heldFiles } = heldClips(library, request.hold);
  const errors = library.diagnostics.filter((d) => d.severity === 'error' && !heldFiles.has(d.file));
  if (errors.length > 0) throw new LibraryInvalidError(library, errors.length, new Set(errors.map((d) => d.file)).size);
  services.onLibrary?.(library);
  return { root, state, library, selected: selectClips(library, request), held, dry, now };
}

/**
 * The clips a file of `hold` belongs to (the video itself, its sidecar, thumbnail or captions),
 * and all the files of those clips. A held happytube.yaml or template holds no clip: its errors
 * still count.
 */
function heldClips(library: Library, hold: ReadonlySet<string> | undefined): { held: Set<string>; heldFiles: Set<string> } {
  const held = new Set<string>();
  const heldFiles = new Set<string>();
  if (!hold || hold.size === 0) return { held, heldFiles };
  const rel = (path: string): string => pathKey(relative(library.root, path));
  for (const c of library.clips) {
    const files = [c.relPath, ...[c.sidecarPath, c.thumbnailPath, ...c.captions.map((cap) => cap.path)].filter((f) => f !== undefined).map(rel)];
    if (!files.some((f) => hold.has(f))) continue;
    held.add(c.relPath);
    for (const f of files) heldFiles.add(f);
  }
  return { held, heldFiles };
}

function selectClips(library: Library, request: SyncRequest): Set<string> | undefined {
  if (!request.only || request.only.length === 0) return undefined;
  const byPath = new Map(library.clips.map((c) => [c.relPath, c]));
  const cwd = request.cwd ?? process.cwd();
  const out = new Set<string>();
  for (const given of request.only) {
    const candidates = [isAbsolute(given) ? given : resolve(cwd, given), resolve(library.root, given)];
    const rel = candidates.map((abs) => pathKey(relative(library.root, abs))).find((r) => byPath.has(r));
    if (rel === undefined) throw new InputError(M.sync.onlyNotFound({ path: given }), { hint: M.sync.onlyNotFoundHint() });
    out.add(rel);
  }
  return out;
}

/**
 * The run once the library is valid (and locked): the channel, the plan, and — unless this is a
 * dry run or the user says no — the plan carried out.
 */
async function syncLocked(request: SyncRequest, services: SyncServices, prepared: Prepared): Promise<SyncResult> {
  const run = connect(services, prepared);
  const channel = await guardChannel(run.api, {
    configChannelId: run.library.config.channel.id,
    configPath: run.library.configPath,
    profile: run.client.profile,
    ledger: run.state.ledger,
    bind: !run.dry,
  });
  const shaOf = await hashKnownClips(run);
  const seen = await readChannel(run.api, channel, {
    ledger: run.state.ledger,
    playlists: run.library.playlists,
    adopt: needsAdoption(run, shaOf),
    onUploads: (uploads) => hashAdoptable(run, uploads, shaOf),
  });
  const planned: Planned = {
    plan: planRun(request, run, await planClips(run, shaOf), seen),
    remaining: run.meter.budget.remaining(),
    files: clipFiles(run.library),
  };
  if (run.dry) return summarise(run, planned, emptySummary(planned.plan.skipped, run.meter.spent));
  if (!(await confirmed(services, planned.plan, run.meter))) {
    await run.meter.flush(); // the reads' cost is on disk before the run ends: no executor waits for it
    return summarise(run, planned, emptySummary(planned.plan.skipped, run.meter.spent), { cancelled: true });
  }
  const executed = await executePlan(executeOptions(request, services, run, planned, channel.id));
  await saveForNextRun(run);
  return summarise(run, planned, executed.summary, { stop: executed.stop, failures: executed.failures });
}

/** A run that talks to YouTube: every call counted against the library's quota. */
interface Connected extends Prepared {
  meter: QuotaMeter;
  api: YouTubeApi;
}

function connect(services: SyncServices, prepared: Prepared): Connected {
  const { library, state, now, dry, client } = prepared;
  const limits: QuotaAmounts = {
    units: library.config.quota.units ?? DEFAULT_QUOTA_LIMITS.units,
    uploads: library.config.quota.uploads ?? DEFAULT_QUOTA_LIMITS.uploads,
  };
  const meter = new QuotaMeter(limits, state.quota, now, { record: !dry });
  const api = new YouTubeApi(client, {
    onCost: (cost) => meter.record(cost),
    signal: services.signal,
    onRetry: (info) => services.events.emit('api:retry', { text: retryText(info) }),
  });
  return { ...prepared, meter, api };
}

/**
 * relPath → content hash of the clips whose hash costs no read, or that a known clip of the same
 * size may be (renamed or copied); the others are hashed later, if at all.
 */
async function hashKnownClips(run: Prepared): Promise<Map<string, string>> {
  const { state } = run;
  const shaOf = new Map<string, string>();
  const hash = stateHasher(state, !run.dry);
  await forEachLimit(run.library.clips, 8, async (c) => {
    if (c.skip) return;
    const sha = state.hashes.lookup(c) ?? c.contentHash ?? (state.ledger.clipsWithSize(c.size).length > 0 ? await hash(c) : undefined);
    if (sha !== undefined) shaOf.set(c.relPath, sha);
  });
  return shaOf;
}

/** Some clip has no ledger entry: it may be on the channel already (a lost ledger, an upload made another way). */
function needsAdoption(run: Prepared, shaOf: ReadonlyMap<string, string>): boolean {
  return run.library.clips.some((c) => {
    const sha = shaOf.get(c.relPath);
    return !c.skip && !c.duplicateOf && (sha === undefined || run.state.ledger.clip(sha) === undefined);
  });
}

/**
 * A new clip that may be one of these uploads (same size, and same title or file name) is hashed
 * now: adoption records its hash. Any other is read once, while it uploads.
 */
async function hashAdoptable(run: Prepared, uploads: readonly ChannelVideo[], shaOf: Map<string, string>): Promise<void> {
  const hash = stateHasher(run.state, !run.dry);
  await forEachLimit(run.library.clips, 8, async (c) => {
    if (c.skip || shaOf.has(c.relPath)) return;
    const clip = { size: c.size, fileName: basename(c.relPath), metadata: c.metadata };
    if (uploads.some((v) => mayAdopt(v, clip))) shaOf.set(c.relPath, await hash(c));
  });
}

function planClips(run: Prepared, shaOf: ReadonlyMap<string, string>): Promise<PlanClip[]> {
  return Promise.all(run.library.clips.map((c) => planClip(c, shaOf.get(c.relPath), run)));
}

async function planClip(c: Clip, sha256: string | undefined, run: Prepared): Promise<PlanClip> {
  return {
    relPath: c.relPath,
    fileName: basename(c.relPath),
    size: c.size,
    sha256,
    date: c.date,
    playlists: c.playlists,
    metadata: c.metadata,
    metadataHash: c.metadataHash,
    notifySubscribers: c.notifySubscribers,
    thumbnail: c.thumbnailPath && !c.skip ? { path: c.thumbnailPath, hash: await hashSmallFile(c.thumbnailPath, run) } : undefined,
    captions: c.skip ? [] : await Promise.all(c.captions.map(async (cap) => ({ ...cap, hash: await hashSmallFile(cap.path, run) }))),
    skip: c.skip,
    duplicateOf: c.duplicateOf,
  };
}

/** The hash of a thumbnail or captions file, through the hash cache as the clips'. */
async function hashSmallFile(path: string, run: Prepared): Promise<string> {
  const { stat } = await import('node:fs/promises');
  const info = await stat(path);
  return stateHasher(run.state, !run.dry)({ path, relPath: relative(run.root, path), size: info.size, mtimeMs: info.mtimeMs });
}

function planRun(request: SyncRequest, run: Prepared, clips: readonly PlanClip[], channel: ChannelView): Plan {
  const { library, state } = run;
  return makePlan({
    now: run.now(),
    clips,
    playlists: library.playlists,
    ledger: { clips: new Map([...state.ledger.clips()].map((e) => [e.sha256, e.clip])), playlists: state.ledger.playlists() },
    channel,
    schedule: library.config.schedule,
    noUpdate: request.noUpdate === true,
    defaultLanguage: library.config.defaults.language ?? library.config.language ?? 'vi',
    ...(run.selected ? { only: run.selected } : {}),
    ...(run.held.size > 0 ? { hold: run.held } : {}),
  });
}

/** The plan, with what every result of the run carries. */
interface Planned {
  plan: Plan;
  /** Left for today, before anything is spent. */
  remaining: QuotaAmounts;
  files: Map<string, ClipFile>;
}

function clipFiles(library: Library): Map<string, ClipFile> {
  return new Map(library.clips.map((c) => [c.relPath, { path: c.path, relPath: c.relPath, size: c.size, mtimeMs: c.mtimeMs, metadataHash: c.metadataHash, short: c.short, metadata: c.metadata }]));
}

/** The caller's prompt, asked once the plan is known and only when there is something to do. */
async function confirmed(services: SyncServices, thePlan: Plan, meter: QuotaMeter): Promise<boolean> {
  const empty = thePlan.clips.length === 0 && thePlan.playlists.length === 0;
  return empty || !services.confirm || (await services.confirm(thePlan, meter.budget));
}

function executeOptions(request: SyncRequest, services: SyncServices, run: Connected, planned: Planned, channelId: string): ExecuteOptions {
  const { client, library } = run;
  return {
    plan: planned.plan,
    files: planned.files,
    state: run.state,
    api: run.api,
    uploadRoot: client.uploadRoot,
    authorize: (o) => client.authorize(o),
    meter: run.meter,
    events: services.events,
    concurrency: request.concurrency ?? 1,
    limitRate: uploadRate(request.limitRate ?? library.config.limitRate),
    signal: services.signal,
    now: run.now,
    skipped: planned.plan.skipped,
    channelId,
  };
}

function summarise(run: Prepared, planned: Planned, summary: SyncSummary, end: Partial<Pick<SyncResult, 'cancelled' | 'stop' | 'failures'>> = {}): SyncResult {
  return {
    library: run.library,
    plan: planned.plan,
    remaining: planned.remaining,
    dryRun: run.dry,
    cancelled: false,
    summary,
    stop: undefined,
    failures: new Map(),
    ...end,
    videos: videoIds(run.state, planned.files),
  };
}

/** What the next run reads: the hash cache, of this library's files only, and a refreshed sign-in. */
async function saveForNextRun(run: Prepared): Promise<void> {
  await run.state.hashes.retainOnly(hashedPaths(run.library));
  await run.client.flush();
}

/** One bucket for every upload of the run; it asks the limit's window for the rate of the moment. */
function uploadRate(limit: number | RateLimit | undefined): TokenBucket | undefined {
  return limit === undefined ? undefined : new TokenBucket(limit);
}

/** Every path the hash cache should keep: clips, thumbnails, captions. */
function hashedPaths(library: Library): string[] {
  const out: string[] = [];
  for (const c of library.clips) {
    out.push(c.relPath);
    if (c.thumbnailPath) out.push(pathKey(relative(library.root, c.thumbnailPath)));
    for (const cap of c.captions) out.push(pathKey(relative(library.root, cap.path)));
  }
  return out;
}

function videoIds(state: LibraryState, files: ReadonlyMap<string, ClipFile>): Map<string, string> {
  const out = new Map<string, string>();
  for (const { clip } of state.ledger.clips()) for (const rel of clip.relPaths) if (files.has(rel)) out.set(rel, clip.videoId);
  return out;
}
