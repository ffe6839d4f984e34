/**
 * Runs a program the way a user does, for the release tests: no terminal, standard input empty,
 * the clean environment of test/helpers/cli.ts plus what the test sets (PATH, HOME…).
 */
import { spawn } from 'node:child_process';
import { cleanEnv } from '../helpers/cli.ts';
import type { RunResult } from '../helpers/cli.ts';

export function runProgram(file: string, args: readonly string[], options: { cwd: string; env: Record<string, string | undefined> }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
