/**
 * `happytube emulator`: serving until SIGTERM needs a process of its own to signal (a child);
 * refusing bad options runs in-process (runMain).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, runMain } from '../helpers/cli.ts';

describe('happytube emulator', () => {
  it('prints its address, serves, and stops on SIGTERM with exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'emulator', '--quota', '7', '--uploads', '2', '--fault', 'api-503:1', '--fault', 'expire-sessions'], {
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: string) => {
        out += d;
        const m = /^emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const state = (await (await fetch(`${url}/__admin/state`)).json()) as {
      quota: { units: { limit: number }; uploads: { limit: number } };
      faults: { api503: number };
    };
    expect(state.quota.units.limit).toBe(7);
    expect(state.quota.uploads.limit).toBe(2);
    expect(state.faults.api503).toBe(1);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('refuses a bad fault spec or number with exit 2', async () => {
    const fault = await runMain(['emulator', '--fault', 'explode:3']);
    expect(fault.code).toBe(2);
    expect(fault.stderr).toContain('explode:3');
    expect(fault.stderr).toContain('expire-sessions');
    const quota = await runMain(['--lang', 'vi', 'emulator', '--quota', 'many']);
    expect(quota.code).toBe(2);
    expect(quota.stderr).toContain('--quota');
  });
});
