/** The planner's schedule slots: publish times for the clips it uploads without one of their own. */
import { nextSlots } from '../schedule.ts';
import type { PlanClip, PlanInput } from './types.ts';

/**
 * The schedule's next free slots, one for each clip that may be uploaded without its own publish
 * time (not a duplicate, content not in the ledger), in order; none without a schedule. A slot a
 * scheduled video of the channel holds is taken.
 */
export function publishSlots(input: PlanInput, clips: readonly PlanClip[]): string[] {
  if (!input.schedule) return [];
  const taken = new Set<number>();
  for (const v of input.channel.videos.values()) if (v.publishAt) taken.add(Date.parse(v.publishAt));
  const count = clips.filter((c) => !c.duplicateOf && c.metadata.publishAt === undefined && (c.sha256 === undefined || !input.ledger.clips.has(c.sha256))).length;
  return nextSlots(input.schedule, input.now, count, taken);
}
