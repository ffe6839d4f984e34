/**
 * The video settings a library gives at three levels — happytube.yaml `defaults`, a playlist
 * entry, a clip's sidecar; the nearest one wins — and happytube.yaml's `limitRate`. The names are
 * YouTube's own (videos.insert's `notifySubscribers`, `status.license`, `status.embeddable`,
 * `status.publicStatsViewable`).
 */
import * as v from 'valibot';
import { finiteNumber, map } from '../util/schema.ts';
import { parseWindow, rateBytes } from '../youtube/rate-limit.ts';
import type { RateLimit } from '../youtube/rate-limit.ts';
import type { VideoSettings } from './types.ts';

export const LICENSES = ['youtube', 'creativeCommon'] as const;

/** The keys of the settings, for the strict objects of happytube.yaml and the sidecar. */
export const videoSettingsEntries = {
  notifySubscribers: v.optional(v.boolean()),
  license: v.optional(v.picklist(LICENSES)),
  embeddable: v.optional(v.boolean()),
  publicStatsViewable: v.optional(v.boolean()),
};

/** `limitRate: 2MB/s`, or `limitRate: { rate: 2MB/s, between: "07:00-16:30" }`. */
export const limitRateSchema = v.union([
  v.string(),
  finiteNumber(),
  map(v.strictObject({ rate: v.union([v.string(), finiteNumber()]), between: v.optional(v.string()) })),
]);

const KEYS = ['notifySubscribers', 'license', 'embeddable', 'publicStatsViewable'] as const;

/** The settings of one level, without the keys it leaves unset. */
export function pickSettings(raw: VideoSettings | undefined): VideoSettings {
  const out: VideoSettings = {};
  for (const key of KEYS) if (raw?.[key] !== undefined) (out as Record<string, unknown>)[key] = raw[key];
  return out;
}

/** The nearest level's value of each setting (later levels win). */
export function mergeSettings(...levels: readonly VideoSettings[]): VideoSettings {
  return Object.assign({}, ...levels.map(pickSettings)) as VideoSettings;
}

/**
 * `limitRate` as written → the limit, or which part is wrong (`rate` or `between`) with the value.
 */
export function readLimitRate(raw: v.InferOutput<typeof limitRateSchema>): { limit: RateLimit } | { bad: 'rate' | 'between'; value: string } {
  const spec = typeof raw === 'object' ? raw : { rate: raw, between: undefined };
  const bytesPerSec = rateBytes(String(spec.rate));
  if (bytesPerSec === undefined) return { bad: 'rate', value: String(spec.rate) };
  if (spec.between === undefined) return { limit: { bytesPerSec, between: undefined } };
  const between = parseWindow(spec.between);
  return between === undefined ? { bad: 'between', value: spec.between } : { limit: { bytesPerSec, between } };
}
