/**
 * Sizes, speeds and durations as a person reads them, in the current language:
 * "1.5 MB", "2.0 MB/s", "2 min left" / "1,5 MB", "2,0 MB/giây", "còn 2 phút". Sizes use 1024
 * multiples, as `--limit-rate` does, so `--limit-rate 2M` shows as about 2.0 MB/s.
 */
import type { Text } from '../../i18n/index.ts';
import { formatBytes as formatBytesIn } from '../../i18n/format.ts';
import { getLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';

/** "1.5 MB" / "1,5 MB" in the current language (src/i18n/format.ts). */
export function formatBytes(bytes: number): string {
  return formatBytesIn(bytes, getLang());
}

/** "2.0 MB/s" / "2,0 MB/giây". */
export function formatSpeed(bytesPerSec: number): Text {
  return M.progress.perSecond({ size: formatBytes(bytesPerSec) });
}

/** "45 s", "2 min", "1 h 5 min" (rounded up to the unit shown, never "0 s" for work left). */
export function formatDuration(seconds: number): Text {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return M.progress.seconds({ n: String(s) });
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return M.progress.minutes({ n: String(minutes) });
  return M.progress.hoursMinutes({ h: String(Math.floor(minutes / 60)), m: String(minutes % 60) });
}

/** "2 min left" / "còn 2 phút"; "estimating" while the speed is not known yet; "finishing" once all is sent. */
export function formatTimeLeft(remainingBytes: number, bytesPerSec: number): Text {
  if (remainingBytes <= 0) return M.progress.finishing();
  if (!(bytesPerSec > 0) || !Number.isFinite(bytesPerSec)) return M.progress.timeLeftUnknown();
  return M.progress.timeLeft({ duration: formatDuration(remainingBytes / bytesPerSec) });
}

/** Whole percent, 0–100; 100 only when everything is there. */
export function percentOf(sent: number, total: number): number {
  if (total <= 0) return 100;
  if (sent >= total) return 100;
  return Math.min(99, Math.floor((sent / total) * 100));
}
