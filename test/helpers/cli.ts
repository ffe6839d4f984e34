/**
 * Runs the real CLI with a clean environment: no HAPPYTUBE_* variables leak in from the
 * developer's shell, and no proxy variables (the CLI honours them, and the emulator is on this
 * machine). `runMain` calls `main()` in the test process, as bin/happytube.js does in its own: most
 * tests use it, since a Node started and the bundle loaded cost far more than most commands.
 * `runCli` starts bin/happytube.js as a child process, for a test about a signal, a kill, the
 * entry file, a real terminal or pipe on stdin, a wrapper (`setpriv`) or how the process exits.
 */
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export const BIN = fileURLToPath(new URL('../../bin/happytube.js', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  /** A command that runs Node in its turn (e.g. `setpriv … --`): how a test changes what the child may do. */
  wrapper?: readonly string[];
}

export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('HAPPYTUBE_') && !/^(https?_proxy|no_proxy)$/i.test(k)) env[k] = v;
  env.NO_COLOR = '1';
  env.LANG = 'en_US.UTF-8';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** A run of `main()` in this process, watched while it runs. */
export interface MainRun {
  /** Its stdin, open until ended: what a user types or pastes (not a terminal). */
  stdin: PassThrough;
  /** Its stdout and stderr as they are written. */
  stdout: PassThrough;
  stderr: PassThrough;
  result: Promise<RunResult>;
}

/**
 * Starts `main()` in this process with the same options as `runCli`: the clean environment, `cwd`
 * (this process's folder by default), stdout and stderr captured. `timeoutMs` bounds the run:
 * past it the result rejects (a child would be killed).
 */
export function startMain(args: readonly string[], options: RunOptions = {}): MainRun {
  if (options.wrapper) throw new Error('a wrapper runs a child process: use runCli');
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const result = (async (): Promise<RunResult> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`happytube ${args.join(' ')} did not end within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const code = await Promise.race([main(args, { stdout, stderr, stdin, env: cleanEnv(options.env), cwd: options.cwd ?? process.cwd() }), late]);
      // The streams hand on what was written last at the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      return { code, stdout: out, stderr: err };
    } finally {
      clearTimeout(timer);
    }
  })();
  return { stdin, stdout, stderr, result };
}

/** `main()` in this process with the options and result of `runCli`; `input` is its whole stdin. */
export function runMain(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const run = startMain(args, options);
  run.stdin.end(options.input ?? '');
  return run.result;
}

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runNode([BIN, ...args], options);
}

/** Node (the one running the tests) with these arguments, in the same clean environment. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const [command = process.execPath, ...prefix] = options.wrapper ?? [];
    const child = spawn(command, options.wrapper ? [...prefix, process.execPath, ...args] : args, {
      cwd: options.cwd ?? process.cwd(),
      env: cleanEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
