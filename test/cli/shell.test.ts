import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { runMain } from '../helpers/cli.ts';

describe('the CLI shell', () => {
  it('prints its version', async () => {
    const r = await runMain(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('prints help in English and in Vietnamese', async () => {
    const en = await runMain(['--help'], { env: { LANG: 'en_US.UTF-8' } });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage: happytube');
    expect(en.stdout).toContain('sign-in profile');
    const vi = await runMain(['--help'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.stdout).toContain('Cách dùng: happytube');
    expect(vi.stdout).toContain('hồ sơ đăng nhập');
    const flag = await runMain(['--lang', 'vi', '--help']);
    expect(flag.stdout).toContain('Tùy chọn:');
    const env = await runMain(['--help'], { env: { HAPPYTUBE_LANG: 'vi' } });
    expect(env.stdout).toContain('Tùy chọn:');
  });

  it('maps a usage error to exit 2 with a message in the chosen language', async () => {
    const r = await runMain(['--lang', 'vi', '--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Lệnh không đúng');
    expect(r.stderr).toContain('--no-such-option');
    const bad = await runMain(['--lang', 'fr', '--help']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"fr"');
  });
});
