/**
 * Runs the real CLI as a child process (bin/happytube.js under the Node that runs the tests), with
 * a clean environment: no HAPPYTUBE_* variables leak in from the developer's shell, and no proxy
 * variables (the CLI honours them, and the emulator is on this machine).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
