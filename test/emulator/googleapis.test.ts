import { Readable } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import { youtube } from '@googleapis/youtube';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, useEmulator } from '../helpers/emulator.ts';
import { mp4Bytes, sha256 } from './wire.ts';

const emu = useEmulator();
const REDIRECT = 'http://127.0.0.1:8976/';

function client(): OAuth2Client {
  return new OAuth2Client({
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    redirectUri: REDIRECT,
    endpoints: {
      oauth2AuthBaseUrl: `${emu.url}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${emu.url}/token`,
      oauth2RevokeUrl: `${emu.url}/revoke`,
    },
  });
}

describe('the official Google libraries against the emulator', () => {
  it('google-auth-library signs in with PKCE, refreshes and revokes', async () => {
    const auth = client();
    const verifier = randomBytes(40).toString('base64url');
    const url = auth.generateAuthUrl({
      access_type: 'offline',
      scope: ['https://www.googleapis.com/auth/youtube.force-ssl'],
      state: 'abc',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: CodeChallengeMethod.S256,
    });
    const consent = await fetch(url, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('abc');
    const { tokens } = await auth.getToken({ code: back.searchParams.get('code')!, codeVerifier: verifier });
    expect(tokens.refresh_token).toBeTruthy();
    auth.setCredentials(tokens);
    await emu.admin.expireTokens();
    // An expired token: the library's request gets 401, refreshes and retries.
    auth.setCredentials({ refresh_token: tokens.refresh_token! });
    const { token } = await auth.getAccessToken();
    expect(token).toBeTruthy();
    expect(token).not.toBe(tokens.access_token);
    await auth.revokeToken(token!);
    await expect(auth.refreshAccessToken()).rejects.toThrow(/invalid_grant|expired or revoked/);
  });

  it('@googleapis/youtube lists the channel, inserts a playlist and uploads multipart', async () => {
    const { refresh_token } = await emu.admin.tokens();
    const auth = client();
    auth.setCredentials({ refresh_token });
    const rootUrl = `${emu.url}/`;
    const yt = youtube({ version: 'v3', auth, rootUrl });
    const channels = await yt.channels.list({ part: ['snippet', 'contentDetails'], mine: true });
    const uploads = channels.data.items?.[0]?.contentDetails?.relatedPlaylists?.uploads;
    expect(uploads).toMatch(/^UU/);
    const playlist = await yt.playlists.insert({
      part: ['snippet', 'status'],
      requestBody: { snippet: { title: 'Happy School — Lá 1' }, status: { privacyStatus: 'unlisted' } },
    });
    expect(playlist.data.id).toMatch(/^PL/);
    const media = mp4Bytes(400_000, 9);
    const video = await yt.videos.insert(
      {
        part: ['snippet', 'status'],
        requestBody: { snippet: { title: 'Bé tập thể dục', categoryId: '27' }, status: { privacyStatus: 'private', selfDeclaredMadeForKids: true } },
        media: { mimeType: 'video/mp4', body: Readable.from([media]) },
      },
      { rootUrl },
    );
    expect(video.status).toBe(200);
    expect(video.data.status?.uploadStatus).toBe('processed');
    expect(video.data.status?.madeForKids).toBe(true);
    await yt.playlistItems.insert({
      part: ['snippet'],
      requestBody: { snippet: { playlistId: playlist.data.id!, resourceId: { kind: 'youtube#video', videoId: video.data.id! } } },
    });
    const list = await yt.videos.list({ part: ['fileDetails', 'processingDetails'], id: [video.data.id!] });
    expect(list.data.items?.[0]?.fileDetails?.fileSize).toBe(String(media.length));
    const err = await yt.videos.list({ part: ['nonsense'], id: ['x'] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400 });
    const state = await emu.admin.state();
    expect(state.videos.find((v) => v.id === video.data.id)?.sha256).toBe(sha256(media));
    expect(state.playlists.find((p) => p.id === playlist.data.id)?.videoIds).toEqual([video.data.id]);
  });
});
