/**
 * A real terminal for the CLI: util-linux `script` gives it a pseudo-terminal, and each answer is
 * typed only once its question is on the screen.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { onTestFinished } from 'vitest';
import { BIN, cleanEnv } from './cli.ts';

export interface Terminal {
  /** Resolves once `pattern` appears in the output after what the last wait matched. */
  waitFor(pattern: RegExp): Promise<void>;
  type(keys: string): void;
  exit: Promise<number | null>;
  output(): string;
}

export function terminal(args: readonly string[], env: Record<string, string | undefined> = {}): Terminal {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qefc', command, '/dev/null'], {
    env: cleanEnv({ LANG: 'en_US.UTF-8', COLUMNS: '200', ...env }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let all = '';
  let seen = 0;
  let waiter: { pattern: RegExp; resolve: () => void } | undefined;
  const check = (): void => {
    const match = waiter?.pattern.exec(all.slice(seen));
    if (waiter && match) {
      // The next wait looks after this match, not after all that has arrived: two lines that came
      // in one chunk are two waits.
      seen += match.index + match[0].length;
      const { resolve } = waiter;
      waiter = undefined;
      resolve();
    }
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    all += d;
    check();
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  // A terminal left running (the test failed or timed out while waiting) goes with its test; no
  // clock decides, as a busy machine may take long to draw a question.
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return {
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        waiter = { pattern, resolve };
        void exit.then(() => reject(new Error(`exited before ${String(pattern)}:\n${all}`)));
        check();
      }),
    type: (keys) => child.stdin.write(keys),
    exit,
    output: () => all,
  };
}
