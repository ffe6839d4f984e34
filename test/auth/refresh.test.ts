import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvironment } from '../../src/config/env.ts';
import { createYouTubeClient } from '../../src/youtube/client.ts';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { consent, startLogin, tempDirs } from './session.ts';

// Access tokens live 2 s: a 10-second run has to refresh several times.
const emulator = useEmulator({ tokenTtl: 2 });

interface Saved {
  tokens: { access_token: string; refresh_token: string; expiry_date: number };
  lastUsedAt: string;
}

describe('a long run with 2-second access tokens', () => {
  it('keeps working for 10 s with concurrent calls, and the refreshed token is on disk afterwards', async () => {
    const { config, cwd } = await tempDirs();
    const env = { ...emulator.env(), HAPPYTUBE_REFRESH_TOKEN: undefined, HAPPYTUBE_CONFIG_DIR: config };
    const session = startLogin([], env, cwd);
    await fetch(await consent(await session.authUrl));
    expect((await session.result).code).toBe(0);
    const file = join(config, 'profiles', 'default', 'token.json');
    const before = JSON.parse(await readFile(file, 'utf8')) as Saved;

    // The client factory in-process, as a sync would use it: batches of parallel API calls.
    const environment = readEnvironment(env);
    const client = await createYouTubeClient({ environment, cwd });
    const channelId = (await emulator.admin.state()).channel.id;
    const issued = (): number => emulator.running.state.tokens.access.size; // every access token ever issued
    const issuedBefore = issued();
    const started = Date.now();
    let calls = 0;
    while (Date.now() - started < 10_000) {
      const batch = await Promise.all(
        Array.from({ length: 4 }, () => client.call('channels.list', (yt, o) => yt.channels.list({ part: ['id'], mine: true }, o))),
      );
      for (const res of batch) expect(res.items?.[0]?.id).toBe(channelId);
      calls += batch.length;
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    await client.flush();
    expect(calls).toBeGreaterThanOrEqual(40);

    const after = JSON.parse(await readFile(file, 'utf8')) as Saved;
    expect(after.tokens.refresh_token).toBe(before.tokens.refresh_token);
    expect(after.tokens.access_token).not.toBe(before.tokens.access_token);
    expect(after.tokens.access_token).toBe(client.oauth.credentials.access_token);
    expect(after.tokens.expiry_date).toBeGreaterThan(before.tokens.expiry_date + 8_000);
    expect(Date.parse(after.lastUsedAt)).toBeGreaterThan(started);
    // Several refreshes happened, and parallel calls shared them rather than each refreshing.
    const refreshes = issued() - issuedBefore;
    expect(refreshes).toBeGreaterThanOrEqual(4);
    expect(refreshes).toBeLessThan(calls / 2);

    // The token on disk works for the next command.
    const status = await runMain(['auth', 'status', '--json'], { env, cwd });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ refresh: 'ok', source: 'stored' });
  });
});
