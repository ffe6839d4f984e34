/**
 * The sync planner (docs/library.md, What sync does, step 3): what to do so that the channel matches the folder. PURE: it
 * reads plain values (the library's clips with their content hashes, the ledger, what the channel
 * holds now) and returns a plan; the executor (execute.ts) is the only part that acts on it.
 *
 * Order: playlists to create or update first; then, clip by clip (by date, oldest first, then by
 * path): upload or adopt, metadata update, thumbnail, captions, playlist items to add, items the
 * tool added for a clip that left a folder to remove. Every step carries its quota cost. With
 * `only` (sync --only, upload), only the selected clips' work and the playlists they need.
 *
 * Its parts live in plan/: the types, the playlists, the clips' order and contents, the schedule's
 * slots, a clip the ledger knows, a new clip (adopted or uploaded), and the resources sent.
 */
import { totalCost } from '../youtube/quota.ts';
import type { QuotaAmounts } from '../youtube/quota.ts';
import { clipsInOrder, Contents } from './plan/clips.ts';
import type { ClipCase, ClipPlanning } from './plan/clips.ts';
import { planKnownClip } from './plan/known-clip.ts';
import { claimedVideos, planNewClip } from './plan/new-clip.ts';
import { planPlaylists } from './plan/playlists.ts';
import { publishSlots } from './plan/slots.ts';
import type { ClipWork, Plan, PlanClip, PlanInput } from './plan/types.ts';

export type * from './plan/types.ts';
export { mayAdopt } from './plan/new-clip.ts';

/** Computes the plan. Pure: same input, same plan. */
export function plan(input: PlanInput): Plan {
  const out: Plan = { playlists: [], clips: [], bookkeeping: [], notices: [], skipped: 0, cost: { units: 0, uploads: 0 } };
  const playlists = planPlaylists(input, out);
  const clips = clipsInOrder(input, playlists, out);
  const ctx: ClipPlanning = { input, playlists, contents: new Contents(clips), slots: publishSlots(input, clips), claimed: claimedVideos(input.ledger), out };
  for (const clip of clips) {
    const work = planClip(clip, ctx);
    if (work && runsNow(work, input)) out.clips.push(work);
  }
  out.cost = planCost(out);
  return out;
}

/** One clip's work: none for a duplicate; else its video brought in line, or adopted, or uploaded. */
function planClip(clip: PlanClip, ctx: ClipPlanning): ClipWork | undefined {
  const original = ctx.contents.duplicateOf(clip);
  if (original !== undefined) {
    ctx.out.notices.push({ kind: 'duplicate', relPath: clip.relPath, original });
    ctx.out.skipped += 1;
    return undefined;
  }
  const record = clip.sha256 === undefined ? undefined : ctx.input.ledger.clips.get(clip.sha256);
  const work: ClipWork = { relPath: clip.relPath, size: clip.size, sha256: clip.sha256, videoId: record?.videoId, title: clip.metadata.title, steps: [] };
  const c: ClipCase = { clip, wanted: ctx.contents.wanted(clip, ctx.playlists), work };
  return record && clip.sha256 !== undefined ? planKnownClip({ ...c, sha256: clip.sha256, record }, ctx) : planNewClip(c, ctx);
}

/**
 * Work the plan keeps: some step to do, for a selected clip (`only`) whose file is not still being
 * written (`hold`). The others are planned all the same: they take their slots and their videos.
 */
function runsNow(work: ClipWork, input: PlanInput): boolean {
  return work.steps.length > 0 && (input.only === undefined || input.only.has(work.relPath)) && input.hold?.has(work.relPath) !== true;
}

/** What the plan spends, by quota bucket. */
function planCost(p: Plan): QuotaAmounts {
  return totalCost([...p.playlists.map((a) => a.cost), ...p.clips.flatMap((w) => w.steps.map((s) => s.cost))]);
}
