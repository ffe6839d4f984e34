/**
 * The local YouTube Data API v3 + Google OAuth emulator (docs/architecture.md). `startEmulator` serves it
 * in-process on 127.0.0.1; `happytube emulator` runs the same from the command line.
 */
import type { AddressInfo } from 'node:net';
import { applyActions } from './admin.ts';
import { parseFaults } from './faults.ts';
import { createEmulatorServer } from './server.ts';
import type { EmulatorOptions } from './store.ts';
import { EmulatorState } from './store.ts';

export type { EmulatorOptions, StateSnapshot } from './store.ts';
export { EmulatorState } from './store.ts';
export { FaultSyntaxError, parseFaults } from './faults.ts';
export { COSTS } from './quota.ts';

/** The sign-in that `POST /__admin/tokens` hands out: a ready client and refresh token. */
export interface EmulatorSignIn {
  client_id: string;
  client_secret: string;
  refresh_token: string;
}

/**
 * The HAPPYTUBE_* variables (docs/architecture.md) that point happytube at an emulator: its API root and
 * OAuth endpoints, and with `signIn` the client and a refresh token for a headless run.
 */
export function emulatorEnvironment(url: string, signIn?: EmulatorSignIn): Record<string, string> {
  return {
    HAPPYTUBE_API_ROOT: `${url}/`,
    HAPPYTUBE_OAUTH_AUTH_URL: `${url}/o/oauth2/v2/auth`,
    HAPPYTUBE_OAUTH_TOKEN_URL: `${url}/token`,
    HAPPYTUBE_OAUTH_REVOKE_URL: `${url}/revoke`,
    ...(signIn
      ? { HAPPYTUBE_CLIENT_ID: signIn.client_id, HAPPYTUBE_CLIENT_SECRET: signIn.client_secret, HAPPYTUBE_REFRESH_TOKEN: signIn.refresh_token }
      : {}),
  };
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:45123`, no trailing slash. */
  url: string;
  close(): Promise<void>;
  state: EmulatorState;
}

/** Starts the emulator on 127.0.0.1. Throws FaultSyntaxError for a bad fault spec. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { plan, actions } = parseFaults(options.faults ?? []);
  const state = new EmulatorState(options);
  state.faults = plan;
  applyActions(state, actions);
  const server = createEmulatorServer(state);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  state.baseUrl = url;
  return {
    url,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
