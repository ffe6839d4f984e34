/**
 * The emulator for a vitest file: `useEmulator(options)` starts one in-process emulator before
 * the file's tests and closes it after. Each test starts from a fresh emulator state, whatever
 * the tests before it did: no videos, playlists, captions, upload sessions, calls, quota use or
 * sign-ins, the limits and faults of `options`, and a new sign-in for the test client. `env()`
 * gives the HAPPYTUBE_* variables a child process (the CLI) needs to use it, signed in through
 * `POST /__admin/tokens`.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { EmulatorOptions, RunningEmulator, StateSnapshot } from '../../src/emulator/index.ts';
import { emulatorEnvironment, startEmulator } from '../../src/emulator/index.ts';
import { DEFAULT_UNITS_PER_DAY, DEFAULT_UPLOADS_PER_DAY } from '../../src/emulator/quota.ts';

export const TEST_CLIENT_ID = 'test-client.apps.googleusercontent.com';
export const TEST_CLIENT_SECRET = 'test-secret';

export interface AdminTokens {
  refresh_token: string;
  access_token: string;
  client_id: string;
  client_secret: string;
}

export interface EmulatorAdmin {
  state(): Promise<StateSnapshot>;
  /** Replaces the pending faults (see parseFaults in src/emulator/faults.ts); `[]` clears. */
  faults(list: string[]): Promise<void>;
  expireTokens(): Promise<void>;
  resetQuota(): Promise<void>;
  wipe(): Promise<void>;
  /** A fresh sign-in for the test client. */
  tokens(): Promise<AdminTokens>;
}

export interface EmulatorHandle {
  /** The emulator's base URL (no trailing slash); valid once beforeAll ran. */
  readonly url: string;
  /** The HAPPYTUBE_* variables for a child process, signed in with a fresh refresh token. */
  env(): Record<string, string>;
  admin: EmulatorAdmin;
  /** The running emulator (in-process state), once started. */
  readonly running: RunningEmulator;
}

async function post(url: string, body: unknown = {}): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`${url} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface UseEmulatorOptions {
  /**
   * `each` (the default): every test starts from a fresh emulator. `once`: the file's tests are the
   * steps of one scenario (sign in, then sync, then report), each a test so a failure names its step.
   */
  fresh?: 'each' | 'once';
}

export function useEmulator(options: EmulatorOptions = {}, { fresh = 'each' }: UseEmulatorOptions = {}): EmulatorHandle {
  let running: RunningEmulator | undefined;
  let tokens: AdminTokens | undefined;
  const need = (): RunningEmulator => {
    if (!running) throw new Error('the emulator is not started yet: use it inside a test or a hook');
    return running;
  };
  const admin: EmulatorAdmin = {
    state: async () => (await (await fetch(`${need().url}/__admin/state`)).json()) as StateSnapshot,
    faults: async (list) => void (await post(`${need().url}/__admin/faults`, { faults: list })),
    expireTokens: async () => void (await post(`${need().url}/__admin/expire-tokens`)),
    resetQuota: async () => void (await post(`${need().url}/__admin/reset-quota`)),
    wipe: async () => {
      await post(`${need().url}/__admin/wipe`);
      tokens = (await post(`${need().url}/__admin/tokens`)) as AdminTokens;
    },
    tokens: async () => (await post(`${need().url}/__admin/tokens`)) as AdminTokens,
  };
  beforeAll(async () => {
    running = await startEmulator(options);
    if (fresh === 'once') await freshState();
  });
  // Before the file's own beforeEach hooks (registered later), which may seed the fresh state.
  if (fresh === 'each') beforeEach(freshState);
  async function freshState(): Promise<void> {
    await admin.wipe();
    // What a test may have changed in-process, back to how the emulator started.
    const { quota } = need().state;
    quota.unitLimit = options.quota ?? DEFAULT_UNITS_PER_DAY;
    quota.uploadLimit = options.uploads ?? DEFAULT_UPLOADS_PER_DAY;
    if (options.faults) await admin.faults(options.faults);
  }
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  return {
    get url() {
      return need().url;
    },
    get running() {
      return need();
    },
    env: () => {
      const url = need().url;
      if (!tokens) throw new Error('the emulator has no tokens yet');
      return emulatorEnvironment(url, tokens);
    },
    admin,
  };
}

/**
 * The bytes the emulator holds of the upload session a request is writing into now (0 if none).
 * The emulator answers in the test's process: a test waits on this to act at a moment of an
 * upload (a kill, a fault) rather than after a guessed delay.
 */
export function bytesArriving(emulator: EmulatorHandle): number {
  const writing = [...emulator.running.state.sessions.values()].find((s) => s.writer !== undefined);
  return writing?.sink.size ?? 0;
}
