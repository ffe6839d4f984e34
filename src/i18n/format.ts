/**
 * Numbers, sizes, dates and times as a reader of each language writes them: the one formatter of
 * the CLI's messages. Vietnamese groups thousands with a dot and writes decimals with a comma
 * ("1.003 đơn vị", "2,4 MB", "0,6 giây"), dates day first, times on the 24-hour clock
 * ("19:00 ngày 06/01/2025 (giờ Việt Nam)"); English writes "1,003 units", "2.4 MB",
 * "19:00 on 6 Jan 2025 (Vietnam time)".
 *
 * Written by hand, not with Intl: a sync or an upload prints numbers and the quota's reset time, and
 * the first Intl object of a process initialises ICU (~20 ms) that nothing else there needs (see
 * "Start-up is part of the upload bar" in DEVELOPERS.md). Only a library whose schedule uses a time
 * zone other than Vietnam's asks Intl for its clock.
 */
import type { Lang } from './index.ts';
import { wallClockIn } from '../util/time-zone.ts';

const MARKS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** `value` with `fractionDigits` decimals, thousands grouped: "1.234,5" (vi), "1,234.5" (en). */
export function formatDecimal(value: number, fractionDigits: number, lang: Lang): string {
  const { group: g, decimal } = MARKS[lang];
  const text = Math.abs(value).toFixed(fractionDigits);
  const [whole = '0', fraction] = text.split('.');
  const sign = value < 0 && Number(text) !== 0 ? '-' : '';
  return `${sign}${group(whole, g)}${fraction === undefined ? '' : `${decimal}${fraction}`}`;
}

/** A whole number, thousands grouped: "10.000" (vi), "10,000" (en). */
export function formatInteger(value: number, lang: Lang): string {
  return formatDecimal(Math.round(value), 0, lang);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** "512 B", "1,5 KB", "12 MB", "2,3 GB" (binary multiples; one decimal under 10, none above). */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${formatInteger(value, lang)} B`;
  // 9.96 rounds to "10.0": show it without a decimal, as every value from 10 up.
  return `${formatDecimal(value, value < 9.95 ? 1 : 0, lang)} ${UNITS[unit]}`;
}

// ── dates and times ─────────────────────────────────────────────────────────

/** Vietnam's zone: UTC+7 all year (no daylight time since 1975), so its clock needs no Intl. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_ZONES: ReadonlySet<string> = new Set([VIETNAM_TIME_ZONE, 'Asia/Saigon']);
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(instant: Date, timeZone: string): Wall {
  const wallMs = VIETNAM_ZONES.has(timeZone) ? instant.getTime() + VIETNAM_OFFSET_MS : wallClockIn(timeZone)(instant.getTime()).wallMs;
  const w = new Date(wallMs);
  return { year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes() };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The name of a zone in a sentence: "giờ Việt Nam", "Vietnam time", "múi giờ Europe/Paris". */
export function zoneName(timeZone: string, lang: Lang): string {
  if (VIETNAM_ZONES.has(timeZone)) return lang === 'vi' ? 'giờ Việt Nam' : 'Vietnam time';
  return lang === 'vi' ? `múi giờ ${timeZone}` : `${timeZone} time`;
}

/**
 * An instant as the wall clock of `timeZone` shows it, with the zone named:
 * "19:00 ngày 06/01/2025 (giờ Việt Nam)", "19:00 on 6 Jan 2025 (Vietnam time)".
 */
export function formatDateTime(instant: Date, lang: Lang, timeZone: string = VIETNAM_TIME_ZONE): string {
  const w = wallClock(instant, timeZone);
  const clock = `${two(w.hour)}:${two(w.minute)}`;
  const zone = zoneName(timeZone, lang);
  if (lang === 'vi') return `${clock} ngày ${two(w.day)}/${two(w.month)}/${w.year} (${zone})`;
  return `${clock} on ${w.day} ${MONTHS_EN[w.month - 1]} ${w.year} (${zone})`;
}

/**
 * An ISO 8601 date-time (a `publishAt`) as `formatDateTime` writes it; anything that is not one is
 * returned as written.
 */
export function formatIsoDateTime(iso: string, lang: Lang, timeZone: string = VIETNAM_TIME_ZONE): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : formatDateTime(new Date(time), lang, timeZone);
}

/** A whole hour of the day as people say it: "15 giờ (3 giờ chiều)", "15:00 (3 pm)". */
export function formatHour(hour: number, lang: Lang): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  if (lang === 'en') return `${two(hour)}:00 (${h12} ${hour < 12 ? 'am' : 'pm'})`;
  const part = hour < 11 ? 'sáng' : hour < 13 ? 'trưa' : hour < 18 ? 'chiều' : hour < 22 ? 'tối' : 'đêm';
  return `${hour} giờ (${h12} giờ ${part})`;
}
