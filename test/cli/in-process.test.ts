/**
 * `main()` as the tests run it, in this process (runMain): each run is a process of its own in
 * what it says and what it leaves behind, even when several run at once.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/happy-school', import.meta.url));

const count = (text: string, word: string): number => text.split(word).length - 1;

describe('main() in-process', () => {
  it('runs at the same time each speak their own language: --lang, and the library’s when none is chosen', async () => {
    // Started together: each loads the library while the others start, and prints after.
    const [vi, en, library] = await Promise.all([
      runMain(['--lang', 'vi', 'check', EXAMPLE]),
      runMain(['--lang', 'en', 'check', EXAMPLE]),
      // The example library says `language: vi`; the environment chooses no language (LANG is English).
      runMain(['check', EXAMPLE], { env: { LANG: 'en_US.UTF-8' } }),
    ]);
    for (const run of [vi, en, library]) expect(run.code).toBe(0);
    expect(count(vi.stdout, 'Tiêu đề:')).toBe(6);
    expect(vi.stdout).not.toContain('Title:');
    expect(count(en.stdout, 'Title:')).toBe(6);
    expect(en.stdout).not.toContain('Tiêu đề:');
    expect(count(library.stdout, 'Tiêu đề:')).toBe(6);
    expect(library.stdout).not.toContain('Title:');
  });

  it('leaves no Ctrl-C handler behind when it returns', async () => {
    const before = process.listenerCount('SIGINT');
    const run = await runMain(['--lang', 'en', 'check', EXAMPLE]);
    expect(run.code).toBe(0);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
