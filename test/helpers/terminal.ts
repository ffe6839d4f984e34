/**
 * A real terminal for the CLI: util-linux `script` gives it a pseudo-terminal, and each answer is
 * typed only once its question is on the screen.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN, cleanEnv } from './cli.ts';

export interface Terminal {
  /** Resolves once `pattern` appears in the output after the last answer. */
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
    if (waiter && waiter.pattern.test(all.slice(seen))) {
      seen = all.length;
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
  const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  void exit.then(() => clearTimeout(timer));
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
