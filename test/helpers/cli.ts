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

/**
 * `main()` in this process with the same options as `runCli`: stdout and stderr captured, the clean
 * environment, `cwd` (this process's folder by default) and `input` on stdin (not a terminal).
 * `timeoutMs` bounds the run: past it the promise rejects (a child would be killed).
 */
export async function runMain(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  if (options.wrapper) throw new Error('a wrapper runs a child process: use runCli');
  const collect = (): { stream: PassThrough; text: () => string } => {
    const stream = new PassThrough();
    let text = '';
    stream.setEncoding('utf8').on('data', (d: string) => (text += d));
    return { stream, text: () => text };
  };
  const stdout = collect();
  const stderr = collect();
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`happytube ${args.join(' ')} did not end within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const run = main(args, { stdout: stdout.stream, stderr: stderr.stream, stdin, env: cleanEnv(options.env), cwd: options.cwd ?? process.cwd() });
    const code = await Promise.race([run, late]);
    // The streams hand on what was written last at the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    clearTimeout(timer);
  }
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
