/**
 * useEmulator gives each test a fresh emulator, whatever the test before it did: the second test
 * here finds nothing of what the first left behind, and the limits and faults of its options back.
 */
import { expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.ts';

const emulator = useEmulator({ uploads: 7, faults: ['slow:1000000'] });

async function channels(accessToken: string): Promise<number> {
  const res = await fetch(`${emulator.url}/youtube/v3/channels?part=id&mine=true`, { headers: { authorization: `Bearer ${accessToken}` } });
  await res.arrayBuffer();
  return res.status;
}

let firstToken = '';

it('a test that spends quota, signs in, changes the limits and the faults', async () => {
  const { access_token } = await emulator.admin.tokens();
  firstToken = access_token;
  expect(await channels(access_token)).toBe(200);
  await emulator.admin.faults(['slow:5', 'uploads-exhausted']);
  emulator.running.state.quota.unitLimit = 3;
  emulator.running.state.quota.uploadLimit = 1;
  const state = await emulator.admin.state();
  expect(state.calls['channels.list']).toBe(1);
  expect(state.quota.uploads.used).toBeGreaterThan(0);
});

it('the next test starts from a fresh emulator: no calls, no quota used, no old sign-in, the options back', async () => {
  const state = await emulator.admin.state();
  expect(state.calls).toEqual({});
  expect(state.quota.units).toEqual({ used: 0, limit: 10_000 });
  expect(state.quota.uploads).toEqual({ used: 0, limit: 7 });
  expect(state.faults.slowBytesPerSecond).toBe(1_000_000);
  expect(firstToken).not.toBe('');
  expect(await channels(firstToken)).toBe(401);
  // …and one sign-in, the new one that env() hands to the CLI.
  expect(state.tokens.refresh).toBe(1);
  expect(emulator.env().HAPPYTUBE_REFRESH_TOKEN).toMatch(/./);
});
