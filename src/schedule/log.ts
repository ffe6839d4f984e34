/**
 * `.happytube/schedule.log`: what the scheduled runs printed, each between two marker lines that
 * `schedule status` reads back (language-independent):
 *
 *   === happytube sync: start 2026-12-06T08:05:00.000Z pid 4242 ===
 *   …the run's plain output…
 *   === happytube sync: end 2026-12-06T08:07:12.000Z exit 0 ===
 *
 * Written synchronously (a run ends with process exit: nothing may be left in a buffer). When the
 * log passes LOG_MAX_BYTES it keeps its newest part.
 */
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { isErrno, stateDir } from '../state/files.ts';

export const LOG_NAME = 'schedule.log';
const LOG_MAX_BYTES = 1024 * 1024;
const LOG_KEEP_BYTES = 256 * 1024;
const START = /^=== happytube sync: start (\S+) pid (\d+) ===$/;
const END = /^=== happytube sync: end (\S+) exit (\d+) ===$/;

export function logPath(root: string): string {
  return join(stateDir(root), LOG_NAME);
}

export interface RunLog {
  /** A stream of the log file for the run's output (a Ui's stdout and stderr). */
  stream: Writable & { isTTY?: boolean };
  /** Writes the end marker with the exit code and closes the file. */
  end(exitCode: number): void;
}

/** Opens the log for a run and writes its start marker. */
export async function openRunLog(root: string, now: Date = new Date()): Promise<RunLog> {
  const file = logPath(root);
  await mkdir(stateDir(root), { recursive: true });
  trim(file);
  const fd = openSync(file, 'a');
  const write = (text: string): void => void writeSync(fd, text);
  write(`=== happytube sync: start ${now.toISOString()} pid ${process.pid} ===\n`);
  let open = true;
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (open) write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      callback();
    },
  });
  return {
    stream,
    end: (exitCode) => {
      if (!open) return;
      write(`=== happytube sync: end ${new Date().toISOString()} exit ${exitCode} ===\n`);
      open = false;
      closeSync(fd);
    },
  };
}

function trim(file: string): void {
  try {
    if (statSync(file).size <= LOG_MAX_BYTES) return;
    const text = readFileSync(file);
    const tail = text.subarray(text.length - LOG_KEEP_BYTES);
    const cut = tail.indexOf(0x0a);
    writeFileSync(file, tail.subarray(cut + 1));
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}

export interface LastRun {
  startedAt: Date;
  pid: number;
  /** Absent while the run goes on, or if it died without a word (power cut, killed). */
  endedAt?: Date;
  exitCode?: number;
  /** What it printed. */
  lines: string[];
}

/** The last run recorded in the log, if any. */
export async function readLastRun(root: string): Promise<LastRun | undefined> {
  let text: string;
  try {
    text = await readFile(logPath(root), 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  const lines = text.split('\n');
  let last: LastRun | undefined;
  for (const line of lines) {
    const start = START.exec(line);
    if (start) {
      last = { startedAt: new Date(start[1]!), pid: Number(start[2]), lines: [] };
      continue;
    }
    const end = END.exec(line);
    if (end && last) {
      last.endedAt = new Date(end[1]!);
      last.exitCode = Number(end[2]);
    } else if (last && last.endedAt === undefined && line !== '') last.lines.push(line);
  }
  return last;
}
