/**
 * The sync executor (docs/library.md, What sync does, step 4): the only part of happytube that writes to YouTube and to
 * `.happytube/`. It runs a plan (plan.ts) within what is left of today's quota, saves state after
 * every action, and tells its listeners what happens (events.ts); it never prints.
 *
 * - Playlists first, one at a time; then the clips' work, `concurrency` clips at a time, each
 *   clip's steps in order.
 * - `quotaExceeded`, `uploadLimitExceeded`, or a step that no longer fits the budget: no new work
 *   of that bucket starts — the bucket of the call that was refused (videos.insert has its own,
 *   every other call shares the units), so an empty upload bucket still lets updates, thumbnails
 *   and playlist items run; a project still on one bucket then pays one more refused call. What is
 *   in flight finishes, and `quota:stop` says what is left.
 * - A run that crosses Pacific midnight (a laptop asleep mid-run) takes the new day's quota from
 *   its record and every bucket may serve again.
 * - A clip whose file changed since the library was read, or while it uploaded (a copy still
 *   running), is left for a later run with a warning, its session dropped; nothing is published.
 * - A permanent refusal (4xx) fails that clip (recorded in the ledger) and the run goes on.
 * - Retries exhausted, or Ctrl-C (`signal`): nothing new starts; sessions stay saved.
 */
import type { EventEmitter } from 'node:events';
import { EventEmitter as Emitter } from 'node:events';
import { stat } from 'node:fs/promises';
import { AuthError, ExitCode, HappyError, WorkLeftError } from '../errors.ts';
import type { Text } from '../i18n/index.ts';
import { hasLinkStandIns, resolveLinks, resolveResourceLinks } from '../library/links.ts';
import type { LinkIds } from '../library/links.ts';
import type { ClipMetadata } from '../library/types.ts';
import { digestOf } from '../state/digest.ts';
import type { LibraryState, UploadSession, Verdict } from '../state/index.ts';
import type { YouTubeApi } from '../youtube/api.ts';
import { YouTubeApiError } from '../youtube/errors.ts';
import { API_AUDIT_FORM, costOf, nextQuotaReset } from '../youtube/quota.ts';
import type { QuotaBucket, QuotaCost } from '../youtube/quota.ts';
import type { TokenBucket } from '../youtube/rate-limit.ts';
import type { Authorize, UploadEventMap, UploadResult } from '../youtube/resumable.ts';
import { FileChangedError, onOrigin, uploadResumable } from '../youtube/resumable.ts';
import { emptySummary, type ActionKind, type ActionRef, type SyncEventMap, type SyncSummary } from './events.ts';
import type { QuotaMeter } from './meter.ts';
import { playlistActionText, stepText } from './plan-text.ts';
import type { ClipStep, ClipWork, Plan, PlaylistAction } from './plan.ts';
import { newFindings, verdictOf } from './verdict.ts';
import type { SentStatus } from './verdict.ts';
import type { VideoStatusView } from '../youtube/api.ts';
import { forEachLimit } from '../util/pool.ts';
import { playlistUrl, videoUrl } from '../youtube/links.ts';
import { M } from '../i18n/messages.ts';

/** A clip file as the executor needs it. */
export interface ClipFile {
  /** Absolute path. */
  path: string;
  relPath: string;
  size: number;
  mtimeMs: number;
  /** The library's rendered-metadata hash, recorded with the video. */
  metadataHash: string;
  /** A Short (recorded with the video, for status and the report). */
  short?: boolean;
  /** The library's rendered metadata: its link stand-ins are resolved when the video is sent. */
  metadata?: ClipMetadata;
}

export interface ExecuteOptions {
  plan: Plan;
  /** The library's clips by relPath. */
  files: ReadonlyMap<string, ClipFile>;
  state: LibraryState;
  api: YouTubeApi;
  /** `${apiRoot}upload/` (see createYouTubeClient). */
  uploadRoot: string;
  authorize: Authorize;
  /** The run's quota: budget left today, and where the calls are recorded. */
  meter: QuotaMeter;
  events: EventEmitter<SyncEventMap>;
  /** Uploads at a time, 1–4. */
  concurrency: number;
  limitRate: TokenBucket | undefined;
  signal: AbortSignal;
  now: () => Date;
  /** Clips skipped by the plan (skip: true, duplicates, deleted on YouTube). */
  skipped: number;
  /** The signed-in channel (for `{{ channel.url }}`). */
  channelId: string;
}

/** Why a run ended early. */
export type StopReason = { kind: 'quota'; bucket: QuotaBucket } | { kind: 'interrupted'; error: HappyError };

export interface ExecuteResult {
  summary: SyncSummary;
  stop: StopReason | undefined;
  /** relPath → why it failed (YouTube's reason). */
  failures: Map<string, string>;
}


/** Runs the plan; see the module comment. Resolves with the summary (also emitted as `summary`). */
export async function executePlan(o: ExecuteOptions): Promise<ExecuteResult> {
  return new Executor(o).run();
}

/** A step could not run now: the clip is left for a later run. */
class LeftOver extends Error {}

type StepOf<K extends ClipStep['kind']> = Extract<ClipStep, { kind: K }>;
/** A clip's content hash and video id, as far as its steps so far tell them. */
interface ClipIds {
  sha256: string | undefined;
  videoId: string | undefined;
}
interface KnownIds {
  sha256: string;
  videoId: string;
}

class Executor {
  readonly #o: ExecuteOptions;
  readonly #summary: SyncSummary;
  readonly #failures = new Map<string, string>();
  readonly #exhausted = new Set<QuotaBucket>();
  readonly #warned = new Set<string>();
  /** thumbnails.set was refused (an unverified channel): the run sets no more thumbnails. */
  #thumbnailsRefused = false;
  readonly #playlistIds = new Map<string, string>();
  #stop: StopReason | undefined;
  /** The quota day the exhausted buckets belong to. */
  #day: string;
  #nextId = 0;
  /** State writes started without waiting (they coalesce); awaited before the run ends. */
  readonly #writes: Promise<unknown>[] = [];

  constructor(o: ExecuteOptions) {
    this.#o = o;
    this.#summary = emptySummary(o.skipped, o.meter.spent);
    this.#day = o.meter.day;
  }

  async run(): Promise<ExecuteResult> {
    const { plan, state } = this.#o;
    await this.#bookkeeping();
    for (const [key, record] of Object.entries(state.ledger.playlists())) this.#playlistIds.set(key, record.playlistId);

    for (const action of plan.playlists) {
      if (this.#cannotStart(action.cost)) break;
      await this.#playlist(action);
    }
    // A playlist that could not be made leaves the items for it to a later run.
    await forEachLimit(plan.clips, Math.min(4, this.#o.concurrency), (work) => this.#clip(work));

    if (this.#stop?.kind === 'quota') {
      const resetAt = nextQuotaReset(this.#o.now());
      this.#summary.quotaResetAt = resetAt;
      this.#o.events.emit('quota:stop', { left: this.#summary.left, resetAt, bucket: this.#stop.bucket });
    }
    this.#summary.failed = this.#failures.size;
    await Promise.all([...this.#writes, this.#o.meter.flush()]);
    if (this.#writes.length > 0) await state.ledger.save(); // rethrows a failed write
    this.#summary.spent = { ...this.#o.meter.spent };
    this.#o.events.emit('summary', this.#summary);
    return { summary: this.#summary, stop: this.#stop, failures: this.#failures };
  }

  /** Free corrections of the state (moved clips, adopted items, videos deleted on YouTube). */
  async #bookkeeping(): Promise<void> {
    const { ledger } = this.#o.state;
    const now = this.#o.now().toISOString();
    for (const b of this.#o.plan.bookkeeping) {
      switch (b.kind) {
        case 'playlist.record':
          this.#track(ledger.setPlaylist(b.key, { playlistId: b.playlistId, metadataHash: b.hash }));
          break;
        case 'clip.paths':
          this.#track(ledger.updateClip(b.sha256, { relPaths: b.relPaths }));
          break;
        case 'clip.metadataHash':
          this.#track(ledger.updateClip(b.sha256, { metadataHash: b.metadataHash }));
          break;
        case 'clip.deleted':
          this.#track(ledger.updateClip(b.sha256, { status: { state: 'deleted-on-youtube', since: now } }));
          break;
        case 'item.record':
          this.#track(ledger.addToPlaylist(b.sha256, b.key, b.itemId));
          break;
        case 'item.forget':
          this.#track(ledger.removeFromPlaylist(b.sha256, b.key));
          break;
        case 'clip.verdict':
          this.#track(ledger.updateClip(b.sha256, { youtube: b.verdict }));
          break;
      }
    }
    for (const n of this.#o.plan.notices) {
      if (n.kind === 'youtube-finding') this.#summary.findings.push({ relPath: n.relPath, videoId: n.videoId, finding: n.finding });
    }
    if (this.#o.plan.bookkeeping.length > 0) await ledger.save();
  }

  #track(write: Promise<unknown>): void {
    // A failed write also fails the final save, which reports it; this keeps it from going unhandled.
    this.#writes.push(write.catch((error: unknown) => error));
  }

  #ref(kind: ActionKind, label: Text, extra: { relPath?: string; playlistKey?: string }): ActionRef {
    return { id: String(++this.#nextId), kind, label, ...extra };
  }

  /** True when no new work of this cost's bucket may start (stopping, or the budget is spent). */
  #cannotStart(cost: QuotaCost): boolean {
    if (this.#stop?.kind === 'interrupted') return true;
    if (this.#o.signal.aborted) {
      this.#stop = { kind: 'interrupted', error: new WorkLeftError(M.sync.interrupted(), { hint: M.sync.runAgainHint() }) };
      return true;
    }
    if (cost.amount === 0) return false;
    this.#newDay();
    if (this.#exhausted.has(cost.bucket)) return true;
    if (!this.#o.meter.budget.canAfford(cost)) {
      this.#exhaust(cost.bucket, false);
      return true;
    }
    return false;
  }

  /** Past Pacific midnight since the buckets ran out: the new day's quota serves again. */
  #newDay(): void {
    const day = this.#o.meter.day;
    if (day === this.#day) return;
    this.#day = day;
    this.#exhausted.clear();
    if (this.#stop?.kind === 'quota') this.#stop = undefined;
  }

  #exhaust(bucket: QuotaBucket, saidByYouTube: boolean): void {
    this.#exhausted.add(bucket);
    if (this.#stop?.kind !== 'interrupted') this.#stop = { kind: 'quota', bucket };
    if (saidByYouTube) this.#o.meter.exhaust(bucket);
  }

  async #playlist(action: PlaylistAction): Promise<void> {
    const { api, state, events } = this.#o;
    const ref = this.#ref(action.kind, playlistActionText(action), { playlistKey: action.key });
    events.emit('action:start', { action: ref, cost: action.cost });
    try {
      if (action.kind === 'playlist.create') {
        const id = await api.insertPlaylist(action.resource);
        await state.ledger.setPlaylist(action.key, { playlistId: id, metadataHash: action.hash });
        this.#playlistIds.set(action.key, id);
        this.#summary.playlistsCreated += 1;
        events.emit('action:done', { action: ref, playlistId: id, url: playlistUrl(id) });
      } else {
        await api.updatePlaylist(action.playlistId, action.resource);
        await state.ledger.setPlaylist(action.key, { playlistId: action.playlistId, metadataHash: action.hash });
        this.#summary.playlistsUpdated += 1;
        events.emit('action:done', { action: ref, playlistId: action.playlistId, url: playlistUrl(action.playlistId) });
      }
    } catch (error) {
      this.#handle(error, ref, undefined, action.cost.bucket);
    }
  }

  async #clip(work: ClipWork): Promise<void> {
    const ids: ClipIds = { sha256: work.sha256, videoId: work.videoId };
    let finished = true;
    for (const step of work.steps) {
      // One refusal tells for the whole channel: the other thumbnails would spend 50 units each for nothing.
      if (step.kind === 'thumbnail.set' && this.#thumbnailsRefused) continue;
      if (this.#cannotStart(step.cost)) {
        finished = false;
        break;
      }
      const ref = this.#ref(step.kind, stepText(step, work), step.kind === 'playlistItem.insert' || step.kind === 'playlistItem.delete' ? { relPath: work.relPath, playlistKey: step.key } : { relPath: work.relPath });
      this.#o.events.emit('action:start', { action: ref, cost: step.cost });
      try {
        await this.#step(step, work, ids, ref);
      } catch (error) {
        if (error instanceof LeftOver) {
          finished = false;
          break;
        }
        const outcome = this.#handle(error, ref, work, step.cost.bucket);
        if (outcome === 'left') {
          finished = false;
          break;
        }
        if (outcome === 'failed') return;
      }
    }
    if (!finished) this.#summary.left += 1;
  }

  /**
   * What a step's error means: `left` (quota, interruption: the clip waits for a later run),
   * `failed` (a permanent refusal: the clip is recorded as failed, the run goes on) or `go-on` (a
   * warning; the next step runs). AuthError and unexpected errors end the run. `bucket`: the quota
   * bucket the step draws on, the one a quota refusal empties.
   */
  #handle(error: unknown, ref: ActionRef, work: ClipWork | undefined, bucket: QuotaBucket): 'left' | 'failed' | 'go-on' {
    if (error instanceof YouTubeApiError && error.stopsRun) {
      this.#exhaust(bucket, true);
      return 'left';
    }
    if (error instanceof FileChangedError && work) {
      this.#o.events.emit('warning', { text: error.text, ...(error.hint ? { hint: error.hint } : {}) });
      this.#track(this.#o.state.sessions.clear(work.relPath));
      return 'left';
    }
    if (error instanceof WorkLeftError || this.#o.signal.aborted) {
      const stop = error instanceof WorkLeftError ? error : new WorkLeftError(M.sync.interrupted(), { hint: M.sync.runAgainHint() });
      this.#stop = { kind: 'interrupted', error: stop };
      return 'left';
    }
    if (error instanceof AuthError || !(error instanceof HappyError)) throw error;
    if (error instanceof YouTubeApiError && ref.kind === 'thumbnail.set' && error.status === 403) {
      this.#thumbnailsRefused = true;
      this.#warnOnce('thumbnail', M.sync.thumbnailRefused(), M.sync.thumbnailRefusedHint());
      return 'go-on';
    }
    const reason = error instanceof YouTubeApiError ? error.reason : error.message;
    this.#o.events.emit('action:failed', { action: ref, error: error.text, reason });
    if (!work) return 'failed';
    this.#failures.set(work.relPath, reason);
    if (ref.kind === 'video.upload') {
      // YouTube refused this file for good: its session is of no use to a later run.
      this.#track(this.#o.state.ledger.recordFailure(work.relPath, { size: work.size, reason, at: this.#o.now().toISOString() }));
      this.#track(this.#o.state.sessions.clear(work.relPath));
    }
    return 'failed';
  }

  #warnOnce(key: string, text: Text, hint: Text): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.#o.events.emit('warning', { text, hint });
  }

  #checkPrivateLock(asked: string, got: string | undefined, publishAt: string | undefined): void {
    if ((asked === 'public' || asked === 'unlisted') && got === 'private' && !publishAt) {
      if (!this.#warned.has('private-lock')) this.#track(this.#o.state.ledger.notePrivateLock(this.#o.now().toISOString()));
      this.#warnOnce('private-lock', M.sync.privateLock({ asked }), M.sync.privateLockHint({ form: API_AUDIT_FORM }));
    }
  }

  /** Runs one step; the clip's first step (upload, adoption) gives the ids the others need. */
  async #step(step: ClipStep, work: ClipWork, ids: ClipIds, ref: ActionRef): Promise<void> {
    switch (step.kind) {
      case 'video.upload':
        return this.#upload(step, work, ids, ref);
      case 'video.adopt':
        return this.#adopt(step, work, ids, ref);
      case 'video.update':
        return this.#update(step, work, this.#need(ids), ref);
      case 'thumbnail.set':
        return this.#setThumbnail(step, this.#need(ids), ref);
      case 'caption.insert':
        return this.#insertCaption(step, this.#need(ids), ref);
      case 'playlistItem.insert':
        return this.#addToPlaylist(step, this.#need(ids), ref);
      case 'playlistItem.delete':
        return this.#removeFromPlaylist(step, this.#need(ids), ref);
    }
  }

  /** The ids a step on the video needs: without them (no upload or adoption yet), the clip is left for a later run. */
  #need(ids: ClipIds): KnownIds {
    if (ids.sha256 === undefined || ids.videoId === undefined) throw new LeftOver();
    return { sha256: ids.sha256, videoId: ids.videoId };
  }

  async #upload(step: StepOf<'video.upload'>, work: ClipWork, ids: ClipIds, ref: ActionRef): Promise<void> {
    const result = await this.#uploadFile(step, work, ref);
    ids.sha256 = result.sha256;
    ids.videoId = result.videoId;
    this.#summary.uploaded += 1;
    const status = (result.video.status ?? {}) as { privacyStatus?: string; publishAt?: string };
    this.#checkPrivateLock(step.resource.status.privacyStatus, status.privacyStatus, step.resource.status.publishAt);
    this.#o.events.emit('action:done', { action: ref, videoId: result.videoId, url: videoUrl(result.videoId) });
  }

  /** The channel's video taken as the clip's: recorded with the items and captions it already has. */
  async #adopt(step: StepOf<'video.adopt'>, work: ClipWork, ids: ClipIds, ref: ActionRef): Promise<void> {
    const { ledger } = this.#o.state;
    const file = this.#file(work.relPath);
    const sha256 = work.sha256 ?? (await this.#hash(file));
    await ledger.recordUpload(sha256, {
      videoId: step.videoId,
      size: file.size,
      relPath: work.relPath,
      title: step.title,
      ...(step.metadataHash === undefined ? {} : { metadataHash: step.metadataHash }),
      uploadedAt: this.#o.now().toISOString(),
    });
    for (const [key, itemId] of Object.entries(step.items)) this.#track(ledger.addToPlaylist(sha256, key, itemId));
    for (const [lang, hash] of Object.entries(step.captions)) this.#track(ledger.setCaptions(sha256, lang, hash));
    await ledger.save();
    ids.sha256 = sha256;
    ids.videoId = step.videoId;
    this.#summary.adopted += 1;
    this.#o.events.emit('action:done', { action: ref, videoId: step.videoId, url: videoUrl(step.videoId) });
  }

  async #update(step: StepOf<'video.update'>, work: ClipWork, { sha256, videoId }: KnownIds, ref: ActionRef): Promise<void> {
    const { ledger } = this.#o.state;
    const video = await this.#o.api.updateVideo({ ...resolveResourceLinks(step.resource, this.#links()), id: videoId });
    // The update's answer is the video as YouTube now holds it: its read-back costs nothing more.
    const verdict = this.#verdict(work, videoId, video, step.resource.status, ledger.clip(sha256)?.youtube);
    await ledger.updateClip(sha256, { metadataHash: this.#metadataHash(this.#file(work.relPath)), title: step.resource.snippet.title, youtube: verdict });
    this.#summary.updated += 1;
    this.#checkPrivateLock(step.resource.status.privacyStatus, video.privacy, step.resource.status.publishAt);
    this.#o.events.emit('action:done', { action: ref, videoId, url: videoUrl(videoId) });
  }

  async #setThumbnail(step: StepOf<'thumbnail.set'>, { sha256, videoId }: KnownIds, ref: ActionRef): Promise<void> {
    await this.#o.api.setThumbnail(videoId, step.path);
    await this.#o.state.ledger.updateClip(sha256, { thumbnailHash: step.hash });
    this.#summary.thumbnails += 1;
    this.#o.events.emit('action:done', { action: ref, videoId });
  }

  async #insertCaption(step: StepOf<'caption.insert'>, { sha256, videoId }: KnownIds, ref: ActionRef): Promise<void> {
    await this.#o.api.insertCaption(videoId, step.lang, step.path, step.format);
    await this.#o.state.ledger.setCaptions(sha256, step.lang, step.hash);
    this.#summary.captions += 1;
    this.#o.events.emit('action:done', { action: ref, videoId });
  }

  /** A playlist this run could not make leaves the item for a later run. */
  async #addToPlaylist(step: StepOf<'playlistItem.insert'>, { sha256, videoId }: KnownIds, ref: ActionRef): Promise<void> {
    const playlistId = this.#playlistIds.get(step.key);
    if (playlistId === undefined) throw new LeftOver();
    const itemId = await this.#o.api.insertPlaylistItem(playlistId, videoId);
    await this.#o.state.ledger.addToPlaylist(sha256, step.key, itemId);
    this.#summary.addedToPlaylists += 1;
    this.#o.events.emit('action:done', { action: ref, videoId, playlistId, url: playlistUrl(playlistId) });
  }

  async #removeFromPlaylist(step: StepOf<'playlistItem.delete'>, { sha256 }: KnownIds, ref: ActionRef): Promise<void> {
    try {
      await this.#o.api.deletePlaylistItem(step.itemId);
    } catch (error) {
      // Already gone: nothing left to remove.
      if (!(error instanceof YouTubeApiError && error.status === 404)) throw error;
    }
    await this.#o.state.ledger.removeFromPlaylist(sha256, step.key);
    this.#summary.removedFromPlaylists += 1;
    this.#o.events.emit('action:done', { action: ref });
  }

  /** The verdict on a video just uploaded or updated; its new findings go to the summary. */
  #verdict(work: ClipWork, videoId: string, video: VideoStatusView, sent: SentStatus, previous: Verdict | undefined): Verdict {
    const verdict = verdictOf(video, this.#o.now().toISOString(), { sent });
    for (const finding of newFindings(previous, verdict)) this.#summary.findings.push({ relPath: work.relPath, videoId, finding });
    if (verdict.processing) this.#summary.processing += 1;
    return verdict;
  }

  #links(): LinkIds {
    return { channelId: this.#o.channelId, playlistId: (key) => this.#playlistIds.get(key) };
  }

  /** The hash of the metadata as sent: with the links of the playlists made in this run. */
  #metadataHash(file: ClipFile): string {
    return file.metadata && hasLinkStandIns(file.metadata) ? digestOf(resolveLinks(file.metadata, this.#links())) : file.metadataHash;
  }

  #file(relPath: string): ClipFile {
    const file = this.#o.files.get(relPath);
    if (!file) throw new Error(`sync: no clip ${relPath} in the library`);
    return file;
  }

  /** Hashes a file the plan adopts without a known hash, and remembers it. */
  #hash(file: ClipFile): Promise<string> {
    const { hashes } = this.#o.state;
    return hashes.sha256(file, (stamp, sha256) => hashes.remember(stamp, sha256));
  }

  /** The resumable upload of one clip, with its session saved before the first byte; then confirmed and recorded. */
  async #uploadFile(step: StepOf<'video.upload'>, work: ClipWork, ref: ActionRef): ReturnType<typeof uploadResumable> {
    // The playlists are made before any upload: their links are known now.
    const resource = resolveResourceLinks(step.resource, this.#links()) as unknown as Record<string, unknown>;
    const o = this.#o;
    const file = this.#file(work.relPath);
    await unchangedSinceRead(file);
    const uploadRoot = `${o.uploadRoot}youtube/v3/videos`;
    const saved = await this.#savedSession(file, work.sha256, uploadRoot);
    const result = await uploadResumable({
      file: file.path,
      size: file.size,
      mtimeMs: file.mtimeMs,
      resource,
      parts: ['snippet', 'status', 'recordingDetails', ...(step.resource.localizations ? ['localizations'] : [])],
      // videos.insert's own parameter; YouTube's default (true) is left unsaid.
      uploadRoot: `${uploadRoot}${step.notifySubscribers ? '' : '?notifySubscribers=false'}`,
      authorize: o.authorize,
      ...(saved ? { session: { uri: saved.sessionUri, size: saved.size, mtimeMs: saved.mtimeMs, startedAt: saved.startedAt } } : {}),
      saveSession: async (session) => {
        // YouTube accepted the initiation: that is the call the upload bucket counts.
        o.meter.record(costOf('videos.insert'));
        await o.state.sessions.begin({
          relPath: file.relPath,
          sessionUri: session.uri,
          size: session.size,
          mtimeMs: session.mtimeMs,
          startedAt: session.startedAt,
          ...(work.sha256 ? { sha256: work.sha256 } : {}),
          resource,
        });
      },
      events: this.#uploadEvents(ref, file),
      ...(o.limitRate ? { limitRate: o.limitRate } : {}),
      signal: o.signal,
      ...(work.sha256 ? { knownSha256: work.sha256 } : {}),
    });
    await this.#confirmUpload(result, step, work, file);
    return result;
  }

  /**
   * The saved session this upload resumes, if any. Sessions of a changed file, or of the same
   * content under another path, are dropped; so is one on another origin than the upload address.
   */
  async #savedSession(file: ClipFile, sha256: string | undefined, uploadRoot: string): Promise<UploadSession | undefined> {
    const { sessions } = this.#o.state;
    const check = sessions.check({ relPath: file.relPath, size: file.size, mtimeMs: file.mtimeMs, ...(sha256 ? { sha256 } : {}) });
    if (check.kind === 'stale') await sessions.clear(check.session.relPath);
    const saved = check.kind === 'resumable' ? check.session : undefined;
    if (saved && saved.relPath !== file.relPath) await sessions.clear(saved.relPath);
    if (saved && !onOrigin(saved.sessionUri, uploadRoot)) {
      // The URI would receive the access token and every byte: drop it, open a new session.
      this.#o.events.emit('warning', { text: M.sync.sessionElsewhere({ file: file.relPath, origin: new URL(uploadRoot).origin }), hint: M.sync.sessionElsewhereHint() });
      await sessions.clear(saved.relPath);
      return undefined;
    }
    return saved;
  }

  /** The upload's events, passed on to the run's listeners as this action's. */
  #uploadEvents(ref: ActionRef, file: ClipFile): Emitter<UploadEventMap> {
    const events = this.#o.events;
    const uploadEvents = new Emitter<UploadEventMap>();
    uploadEvents.on('progress', (p) => events.emit('upload:progress', { action: ref, sent: p.sent, total: p.total, bytesPerSec: p.bytesPerSec }));
    uploadEvents.on('retry', (r) => events.emit('upload:retry', { action: ref, attempt: r.attempt, delayMs: r.delayMs, reason: r.reason }));
    uploadEvents.on('busy', (b) => events.emit('upload:busy', { action: ref, attempt: b.attempt, delayMs: b.delayMs, reason: b.reason }));
    uploadEvents.on('session', (s) => {
      if (!s.isNew) events.emit('upload:resumed', { action: ref, offset: s.offset, total: file.size });
    });
    return uploadEvents;
  }

  /**
   * Recorded as published only once the Data API shows the video on the signed-in channel
   * (videos.list, 1 unit): an answer from elsewhere, or a forged one, never is. The same read
   * tells what YouTube did with it. Until then the session stays saved: a run stopped here
   * resumes it, gets the final answer again and reads it back.
   */
  async #confirmUpload(result: UploadResult, step: StepOf<'video.upload'>, work: ClipWork, file: ClipFile): Promise<void> {
    const { sessions, ledger, hashes } = this.#o.state;
    const [video] = await this.#o.api.videos([result.videoId], ['status', 'processingDetails']);
    if (video === undefined) {
      throw new HappyError(ExitCode.failure, M.settings.notConfirmed({ videoId: result.videoId }), { hint: M.settings.notConfirmedHint() });
    }
    const verdict = this.#verdict(work, result.videoId, video, step.resource.status, undefined);
    // Then the video id and the content hash go to disk, before anything else is sent.
    await ledger.recordUpload(result.sha256, {
      videoId: result.videoId,
      size: file.size,
      relPath: file.relPath,
      title: work.title,
      metadataHash: this.#metadataHash(file),
      uploadedAt: this.#o.now().toISOString(),
      youtube: verdict,
      ...(file.short ? { short: true } : {}),
    });
    await Promise.all([hashes.remember(file, result.sha256), sessions.clear(file.relPath)]);
  }
}

/** Changed in the seconds since the library was read: still being copied. */
async function unchangedSinceRead(file: ClipFile): Promise<void> {
  const now = await stat(file.path);
  if (now.size !== file.size || now.mtimeMs !== file.mtimeMs) throw new FileChangedError(file.path);
}
