import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, useEmulator } from '../helpers/emulator.ts';

const emu = useEmulator({ tokenTtl: 2 });
const SCOPE = 'https://www.googleapis.com/auth/youtube.force-ssl';
const REDIRECT = 'http://127.0.0.1:53682/callback';

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function authorize(challenge: string, redirect = REDIRECT): Promise<Response> {
  const q = new URLSearchParams({
    client_id: TEST_CLIENT_ID,
    redirect_uri: redirect,
    response_type: 'code',
    scope: SCOPE,
    state: 'st-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    access_type: 'offline',
  });
  return fetch(`${emu.url}/o/oauth2/v2/auth?${q.toString()}`, { redirect: 'manual' });
}

async function token(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${emu.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: TEST_CLIENT_ID, client_secret: TEST_CLIENT_SECRET, ...form }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function codeFor(challenge: string): Promise<string> {
  const res = await authorize(challenge);
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  expect(back.origin + back.pathname).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('st-123');
  return back.searchParams.get('code')!;
}

const channels = (accessToken: string): Promise<Response> =>
  fetch(`${emu.url}/youtube/v3/channels?part=id&mine=true`, { headers: { authorization: `Bearer ${accessToken}` } });

describe('emulator OAuth', () => {
  it('consents at once and exchanges the code once, with the PKCE verifier', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    const first = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 2, scope: SCOPE });
    expect(typeof first.body.refresh_token).toBe('string');
    // A replayed code is refused.
    const again = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('refuses a PKCE verifier that does not match the challenge', async () => {
    const { challenge } = pkce();
    const code = await codeFor(challenge);
    const r = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkce().verifier });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_grant' });
    expect(typeof r.body.error_description).toBe('string');
  });

  it('refuses a redirect_uri that is not loopback', async () => {
    const res = await authorize(pkce().challenge, 'https://evil.example.com/cb');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('expires access tokens (401 in Google shape), then a refresh works', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    const grant = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
    const access = grant.body.access_token as string;
    expect((await channels(access)).status).toBe(200);
    await emu.admin.expireTokens();
    const expired = await channels(access);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    const body = (await expired.json()) as { error: { code: number; status: string; errors: Array<{ reason: string; domain: string }> } };
    expect(body.error.code).toBe(401);
    expect(body.error.status).toBe('UNAUTHENTICATED');
    expect(body.error.errors[0]).toMatchObject({ reason: 'authError', domain: 'global', message: 'Invalid Credentials' });
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: grant.body.refresh_token as string });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect((await channels(refreshed.body.access_token as string)).status).toBe(200);
  });

  it('lets tokens lapse after tokenTtl seconds', async () => {
    const { access_token } = await emu.admin.tokens();
    expect((await channels(access_token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await channels(access_token)).status).toBe(401);
  });

  it('revokes a refresh token: refreshing then fails with invalid_grant', async () => {
    const { refresh_token, access_token } = await emu.admin.tokens();
    const res = await fetch(`${emu.url}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refresh_token }),
    });
    expect(res.status).toBe(200);
    expect((await channels(access_token)).status).toBe(401);
    const r = await token({ grant_type: 'refresh_token', refresh_token });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
  });

  it('env() gives a child process a working sign-in', async () => {
    const env = emu.env();
    expect(env.HAPPYTUBE_API_ROOT).toBe(`${emu.url}/`);
    const r = await token({ grant_type: 'refresh_token', refresh_token: env.HAPPYTUBE_REFRESH_TOKEN! });
    expect(r.status).toBe(200);
    const state = await emu.admin.state();
    expect(state.tokens.clients).toContain(TEST_CLIENT_ID);
  });
});
