/**
 * Caption files (.srt, .vtt): parsed enough to prove they carry valid timing, as captions.insert
 * needs. A problem names the line of the caption file.
 */
import type { Text } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';

export interface CaptionProblem {
  line: number;
  message: Text;
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[,.]\d{3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[,.]\d{3})(\s.*)?$/;

/** Milliseconds of "01:02:03,456" / "02:03.456". */
function toMs(stamp: string): number {
  const [clock, ms] = stamp.split(/[,.]/) as [string, string];
  const parts = clock.split(':').map(Number);
  while (parts.length < 3) parts.unshift(0);
  const [h, m, s] = parts as [number, number, number];
  if (m >= 60 || s >= 60) return Number.NaN;
  return ((h * 60 + m) * 60 + s) * 1000 + Number(ms);
}

/**
 * Checks a caption file's text. Returns the first problem, or undefined when every cue has a
 * valid timing (end after start, starts never going back) and there is at least one cue.
 */
export function checkCaptions(text: string, format: 'srt' | 'vtt'): CaptionProblem | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (format === 'vtt' && !/^WEBVTT(\s|$)/.test(lines[0] ?? '')) return { line: 1, message: M.library.vttHeader() };
  let cues = 0;
  let lastStart = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('-->')) {
      // In SRT, a cue number must be followed by its timing line.
      if (format === 'srt' && /^\s*\d+\s*$/.test(line) && (i === 0 || lines[i - 1]!.trim() === '')) {
        const next = lines[i + 1] ?? '';
        if (!next.includes('-->')) return { line: i + 2, message: M.library.captionNoTiming() };
      }
      continue;
    }
    const m = TIMING.exec(line);
    if (!m) return { line: i + 1, message: M.library.captionBadTiming({ text: line.trim() }) };
    const start = toMs(m[1]!);
    const end = toMs(m[2]!);
    if (Number.isNaN(start) || Number.isNaN(end)) return { line: i + 1, message: M.library.captionBadTiming({ text: line.trim() }) };
    if (end <= start) return { line: i + 1, message: M.library.captionEndBeforeStart({ text: line.trim() }) };
    if (start < lastStart) return { line: i + 1, message: M.library.captionGoesBack({ text: line.trim() }) };
    lastStart = start;
    cues += 1;
  }
  if (cues === 0) return { line: 1, message: M.library.captionEmpty() };
  return undefined;
}
