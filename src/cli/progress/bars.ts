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

/** A bar: `ratio` of BAR_WIDTH cells filled. */
function drawBar(ui: Ui, ratio: number): string {
  const full = Math.round(Math.min(1, Math.max(0, ratio)) * BAR_WIDTH);
  return ui.style('cyan', '█'.repeat(full)) + ui.style('dim', '░'.repeat(BAR_WIDTH - full));
}

/** One bar's line (cli-progress calls it on every redraw): a file's, or the total's. */
function barLine(ui: Ui, params: Params, payload: BarPayload): string {
  const common = {
    bar: drawBar(ui, params.total > 0 ? params.value / params.total : 1),
    percent: percentOf(params.value, params.total),
    sent: formatBytes(params.value),
    total: formatBytes(params.total),
    speed: formatSpeed(payload.bytesPerSec),
    left: formatTimeLeft(params.total - params.value, payload.bytesPerSec),
  };
  if (payload.kind === 'total') return tr(M.progress.barTotal({ ...common, files: payload.files }));
  return tr(M.progress.barFile({ ...common, name: fit(terminalSafe(payload.name), NAME_WIDTH) }));
}

/** The bars on stderr: one per upload in flight, a total once there are several, lines logged above them. */
class UploadBars {
  readonly #ui: Ui;
  readonly #planned: PlannedUploads | undefined;
  readonly #multibar: CliProgress.MultiBar;
  readonly #uploads = new Map<string, Upload>();
  #seenFiles = 0;
  #seenBytes = 0;
  /** Bytes of the uploads already finished (their bars are gone, the total keeps them). */
  #doneBytes = 0;
  #totalBar: SingleBar | undefined;

  constructor(ui: Ui, planned: PlannedUploads | undefined) {
    this.#ui = ui;
    this.#planned = planned;
    // cli-progress (CommonJS) loads only here, for a terminal: plain and --json runs never need it.
    const { MultiBar } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
    this.#multibar = new MultiBar({
      stream: ui.streams.stderr,
      format: (_options: unknown, params: Params, payload: BarPayload) => barLine(ui, params, payload),
      hideCursor: true,
      clearOnComplete: true,
      linewrap: false,
      fps: 10,
      // A line logged above the bars clears them: draw every bar again, changed or not.
      forceRedraw: true,
    });
  }

  /** A line above the bars (or alone, when none is drawn). */
  write(line: string): void {
    if (this.#multibar.isActive) this.#multibar.log(`${this.#ui.safe(line)}\n`);
    else this.#ui.streams.stderr.write(`${this.#ui.safe(line)}\n`);
  }

  /** Draws an upload's bar, the first time it is heard of or as it moves on. */
  track(id: string, name: string, sent: number, total: number, bytesPerSec: number): void {
    const upload = this.#uploads.get(id);
    if (upload === undefined) {
      this.#seenFiles += 1;
      this.#seenBytes += total;
      const bar = this.#multibar.create(total, sent, { kind: 'file', name, bytesPerSec } satisfies BarPayload);
      this.#uploads.set(id, { bar, sent, total, bytesPerSec });
    } else {
      upload.sent = sent;
      upload.bytesPerSec = bytesPerSec;
      upload.bar.update(sent, { bytesPerSec });
    }
    this.#updateTotal();
  }

  /** Removes an upload's bar; a failed upload's bytes are not going to arrive: out of the total. */
  finish(id: string, arrived: boolean): void {
    const upload = this.#uploads.get(id);
    if (upload === undefined) return;
    this.#uploads.delete(id);
    if (arrived) this.#doneBytes += upload.total;
    else this.#seenBytes -= upload.total;
    this.#multibar.remove(upload.bar);
    this.#updateTotal();
  }

  /** Clears the bars. cli-progress writes logged lines only when it next redraws, and its stop()
   *  does not: one last redraw first, or the run's final lines (the last ✓, the quota stop) are lost. */
  stop(): void {
    if (!this.#multibar.isActive) return;
    this.#multibar.update();
    this.#multibar.stop();
  }

  /** The total bar, once more than one file is (or is planned to be) uploaded. */
  #updateTotal(): void {
    const files = Math.max(this.#planned?.files ?? 0, this.#seenFiles);
    if (this.#totalBar === undefined && files < 2) return;
    let sent = this.#doneBytes;
    let bytesPerSec = 0;
    for (const upload of this.#uploads.values()) {
      sent += upload.sent;
      bytesPerSec += upload.bytesPerSec;
    }
    const total = Math.max(this.#planned?.bytes ?? 0, this.#seenBytes, sent);
    const payload: BarPayload = { kind: 'total', files, bytesPerSec };
    if (this.#totalBar === undefined) this.#totalBar = this.#multibar.create(total, sent, payload);
    else {
      this.#totalBar.setTotal(total);
      this.#totalBar.update(sent, payload);
    }
  }
}

/** The name on an upload's bar: the clip's file name, else the action's label. */
const nameOf = (e: { action: { relPath?: string; label: { vi: string; en: string } } }): string =>
  e.action.relPath === undefined ? tr(e.action.label) : basename(e.action.relPath);

export function barHandlers(ui: Ui, planned: PlannedUploads | undefined): Handlers {
  const bars = new UploadBars(ui, planned);
  return {
    'upload:resumed': (e) => {
      bars.write(tr(resumedLine(e)));
      bars.track(e.action.id, nameOf(e), e.offset, e.total, 0);
    },
    'upload:progress': (e) => bars.track(e.action.id, nameOf(e), e.sent, e.total, e.bytesPerSec),
    'upload:retry': (e) => bars.write(retryLine(ui, e)),
    'api:retry': (e) => bars.write(apiRetryLine(ui, e)),
    'upload:busy': (e) => bars.write(busyLine(ui, e)),
    'action:done': (e) => {
      bars.finish(e.action.id, true);
      bars.write(doneLine(ui, e));
    },
    'action:failed': (e) => {
      bars.finish(e.action.id, false);
      bars.write(failedLine(ui, e));
    },
    warning: (e) => {
      for (const line of warningLines(ui, e)) bars.write(line);
    },
    'quota:stop': (e) => bars.write(tr(M.progress.quotaStop({ bucket: e.bucket }))),
    stop: () => bars.stop(),
  };
}
