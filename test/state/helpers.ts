/** Shared helpers of the state tests: real temp folders and sample records. */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh library folder under the OS temp folder, removed after the test. */
export async function tempLibrary(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'happytube-state-'));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A SHA-256 (hex) derived from a label, to stand for a clip's content. */
export function sha(label: string | number): string {
  return createHash('sha256').update(String(label)).digest('hex');
}
