/**
 * Bars on a terminal (stderr is a TTY), drawn with cli-progress: one bar per upload in flight
 * (bytes, speed, time left) and a total bar once more than one file is uploaded; a line above the
 * bars for every finished or failed action, retry, resume and warning.
 */
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import type * as CliProgress from 'cli-progress';
import type { Params, SingleBar } from 'cli-progress';
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { Ui } from '../ui.ts';
import { terminalSafe } from '../../util/terminal.ts';
import { formatBytes, formatSpeed, formatTimeLeft, percentOf } from './format.ts';
import type { Handlers } from './lines.ts';
import { apiRetryLine, busyLine, doneLine, failedLine, resumedLine, retryLine, warningLines } from './lines.ts';

const BAR_WIDTH = 20;
const NAME_WIDTH = 28;

/** What the command knows before the run: the uploads it plans (for the total bar). */
export interface PlannedUploads {
  files: number;
  bytes: number;
}

interface Upload {
  bar: SingleBar;
  sent: number;
  total: number;
  bytesPerSec: number;
}

type BarPayload = { kind: 'file'; name: string; bytesPerSec: number } | { kind: 'total'; files: number; bytesPerSec: number };

/** Shortens a file name to `width` characters, keeping its end (the extension): "…hội thi bé khỏe.mp4". */
function fit(name: string, width: number): string {
  const chars = [...name];
  const shown = chars.length <= width ? name : `…${chars.slice(chars.length - width + 1).join('')}`;
  return shown.padEnd(width);
}

export function barHandlers(ui: Ui, planned: PlannedUploads | undefined): Handlers {
  const stream = ui.streams.stderr;

  function drawBar(ratio: number): string {
    const full = Math.round(Math.min(1, Math.max(0, ratio)) * BAR_WIDTH);
    return ui.style('cyan', '█'.repeat(full)) + ui.style('dim', '░'.repeat(BAR_WIDTH - full));
  }

  function render(_options: unknown, params: Params, payload: BarPayload): string {
    const common = {
      bar: drawBar(params.total > 0 ? params.value / params.total : 1),
      percent: percentOf(params.value, params.total),
      sent: formatBytes(params.value),
      total: formatBytes(params.total),
      speed: formatSpeed(payload.bytesPerSec),
      left: formatTimeLeft(params.total - params.value, payload.bytesPerSec),
    };
    if (payload.kind === 'total') return tr(M.progress.barTotal({ ...common, files: payload.files }));
    return tr(M.progress.barFile({ ...common, name: fit(terminalSafe(payload.name), NAME_WIDTH) }));
  }

  // cli-progress (CommonJS) loads only here, for a terminal: plain and --json runs never need it.
  const { MultiBar } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const multibar = new MultiBar({
    stream,
    format: render,
    hideCursor: true,
    clearOnComplete: true,
    linewrap: false,
    fps: 10,
    // A line logged above the bars clears them: draw every bar again, changed or not.
    forceRedraw: true,
  });
  const uploads = new Map<string, Upload>();
  let seenFiles = 0;
  let seenBytes = 0;
  /** Bytes of the uploads already finished (their bars are gone, the total keeps them). */
  let doneBytes = 0;
  let totalBar: SingleBar | undefined;

  function write(line: string): void {
    if (multibar.isActive) multibar.log(`${ui.safe(line)}\n`);
    else stream.write(`${ui.safe(line)}\n`);
  }

  function updateTotal(): void {
    const files = Math.max(planned?.files ?? 0, seenFiles);
    if (totalBar === undefined && files < 2) return;
    let sent = 0;
    let bytesPerSec = 0;
    for (const upload of uploads.values()) {
      sent += upload.sent;
      bytesPerSec += upload.bytesPerSec;
    }
    sent += doneBytes;
    const total = Math.max(planned?.bytes ?? 0, seenBytes, sent);
    const payload: BarPayload = { kind: 'total', files, bytesPerSec };
    if (totalBar === undefined) totalBar = multibar.create(total, sent, payload);
    else {
      totalBar.setTotal(total);
      totalBar.update(sent, payload);
    }
  }

  function track(id: string, name: string, sent: number, total: number, bytesPerSec: number): void {
    const upload = uploads.get(id);
    if (upload === undefined) {
      seenFiles += 1;
      seenBytes += total;
      const bar = multibar.create(total, sent, { kind: 'file', name, bytesPerSec } satisfies BarPayload);
      uploads.set(id, { bar, sent, total, bytesPerSec });
    } else {
      upload.sent = sent;
      upload.bytesPerSec = bytesPerSec;
      upload.bar.update(sent, { bytesPerSec });
    }
    updateTotal();
  }

  /** Removes an upload's bar; a failed upload's bytes are not going to arrive: out of the total. */
  function finish(id: string, arrived: boolean): void {
    const upload = uploads.get(id);
    if (upload === undefined) return;
    uploads.delete(id);
    if (arrived) doneBytes += upload.total;
    else seenBytes -= upload.total;
    multibar.remove(upload.bar);
    updateTotal();
  }

  const nameOf = (e: { action: { relPath?: string; label: { vi: string; en: string } } }): string =>
    e.action.relPath === undefined ? tr(e.action.label) : basename(e.action.relPath);

  return {
    'upload:resumed': (e) => {
      write(tr(resumedLine(e)));
      track(e.action.id, nameOf(e), e.offset, e.total, 0);
    },
    'upload:progress': (e) => track(e.action.id, nameOf(e), e.sent, e.total, e.bytesPerSec),
    'upload:retry': (e) => write(retryLine(ui, e)),
    'api:retry': (e) => write(apiRetryLine(ui, e)),
    'upload:busy': (e) => write(busyLine(ui, e)),
    'action:done': (e) => {
      finish(e.action.id, true);
      write(doneLine(ui, e));
    },
    'action:failed': (e) => {
      finish(e.action.id, false);
      write(failedLine(ui, e));
    },
    warning: (e) => {
      for (const line of warningLines(ui, e)) write(line);
    },
    'quota:stop': (e) => write(tr(M.progress.quotaStop({ bucket: e.bucket }))),
    stop: () => {
      if (multibar.isActive) multibar.stop();
    },
  };
}
