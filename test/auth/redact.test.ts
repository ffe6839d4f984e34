import { describe, expect, it } from 'vitest';
import { ExitCode, InputError } from '../../src/errors.ts';
import { REDACTED, Redactor, redactHeaders, redactText, redactUrl } from '../../src/util/redact.ts';
import { checkChannelGuard } from '../../src/youtube/client.ts';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { consent, startLogin, tempDirs } from './session.ts';

const emulator = useEmulator({ tokenTtl: 2 });

describe('redaction', () => {
  it('removes tokens, codes, verifiers and secrets from URLs, headers and text', () => {
    expect(redactUrl('http://127.0.0.1:5/cb?code=4/0AbCdEf&state=xyz&scope=a')).toBe(
      `http://127.0.0.1:5/cb?code=${REDACTED}&state=xyz&scope=a`,
    );
    expect(redactUrl('https://oauth2.googleapis.com/revoke?token=1//0gAbc')).not.toContain('0gAbc');
    expect(redactHeaders({ Authorization: 'Bearer ya29.secret', 'User-Agent': 'happytube/1' })).toEqual({
      Authorization: REDACTED,
      'User-Agent': 'happytube/1',
    });
    const text = redactText(
      'grant_type=refresh_token&refresh_token=1//0gRefresh&client_secret=GOCSPX-abc&code_verifier=v3r1f13r ' +
        '{"access_token": "ya29.a0Token", "expires_in": 3599} Authorization: Bearer ya29.other and a bare ya29.third',
    );
    for (const secret of ['0gRefresh', 'GOCSPX-abc', 'v3r1f13r', 'a0Token', 'ya29.other', 'ya29.third']) expect(text).not.toContain(secret);
    expect(text).toContain('grant_type=refresh_token');
    expect(text).toContain('"expires_in": 3599');
  });

  it('a Redactor also removes the exact secret values of this run, wherever they appear', () => {
    const redactor = new Redactor();
    redactor.add('test-secret', undefined, null, 'abc'); // too short to be treated as a secret
    expect(redactor.text('failed with test-secret in the message')).toBe(`failed with ${REDACTED} in the message`);
    expect(redactor.text('abc stays')).toBe('abc stays');
    const error = new Error('body: test-secret');
    const safe = redactor.error(error);
    expect(safe.message).toBe(`body: ${REDACTED}`);
    expect(safe.stack).not.toContain('test-secret');
  });
});

describe('the channel guard', () => {
  it('stops with exit 2, naming happytube.yaml and both channels, when the library belongs to another channel', () => {
    const signedIn = { id: 'UCsignedin', title: 'Happy School' };
    expect(() => checkChannelGuard(undefined, signedIn)).not.toThrow();
    expect(() => checkChannelGuard('UCsignedin', signedIn)).not.toThrow();
    let error: unknown;
    try {
      checkChannelGuard('UCother', signedIn, { file: '/lib/happytube.yaml', profile: 'office' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(ExitCode.badInput);
    expect((error as InputError).text.en).toBe(
      '/lib/happytube.yaml: channel.id is UCother, but profile "office" is signed in to the channel "Happy School" (UCsignedin). Nothing was sent to YouTube.',
    );
    expect((error as InputError).text.vi).toContain('ghi mã kênh (channel.id) UCother, nhưng hồ sơ “office” đang đăng nhập kênh “Happy School”');
  });
});

describe('--verbose output', () => {
  it('of login, status and an API call holds none of the tokens, the code or the client secret', async () => {
    const { config, cwd } = await tempDirs();
    const env = { ...emulator.env(), HAPPYTUBE_REFRESH_TOKEN: undefined, HAPPYTUBE_CONFIG_DIR: config };
    const session = startLogin(['--verbose'], env, cwd);
    await fetch(await consent(await session.authUrl));
    const login = await session.result;
    expect(login.code).toBe(0);
    await emulator.admin.expireTokens(); // the access token expires: status refreshes
    const status = await runMain(['--verbose', 'auth', 'status'], { env, cwd });
    expect(status.code).toBe(0);
    expect(status.stdout + status.stderr).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/token → 200/);
    // A Data API call with an access token refreshed on the way (headless sign-in).
    const call = await runMain(['--verbose', 'auth', 'status'], { env: { ...emulator.env(), HAPPYTUBE_CONFIG_DIR: config }, cwd });
    expect(call.code).toBe(0);

    const output = [login, status, call].map((r) => r.stdout + r.stderr).join('\n');
    expect(output).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/token → 200 \(\d+ ms\)/);
    expect(output).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/youtube\/v3\/channels\?part=snippet&mine=true → 200/);
    expect(output).toContain(`?code=${REDACTED}&`);

    const tokens = emulator.running.state.tokens;
    const secrets = [...tokens.codes.keys(), ...tokens.refresh.keys(), ...tokens.access.keys(), emulator.env().HAPPYTUBE_CLIENT_SECRET!];
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(output).not.toContain(secret);
  });
});
