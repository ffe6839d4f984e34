/**
 * One upload in its own process, for the kill -9 test and the bench:
 *   node test/upload/child-upload.ts URL FILE SESSION_JSON [READ_SIZE]
 * Resumes the session saved in SESSION_JSON if there is one, saves a new one there (atomically)
 * before the first byte, and prints the UploadResult as JSON on stdout.
 */
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { uploadResumable, type UploadSession } from '../../src/youtube/resumable.ts';
import { tokenSource, videoResource } from './support.ts';

const [url, file, sessionFile, readSize] = process.argv.slice(2);
if (url === undefined || file === undefined || sessionFile === undefined) throw new Error('usage: child-upload.ts URL FILE SESSION_JSON [READ_SIZE]');

async function savedSession(path: string): Promise<UploadSession | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as UploadSession;
  } catch {
    return undefined;
  }
}

const info = await stat(file);
const tokens = await tokenSource(url);
const result = await uploadResumable({
  file,
  size: info.size,
  mtimeMs: info.mtimeMs,
  resource: videoResource('Bé vui đến trường'),
  parts: ['snippet', 'status'],
  uploadRoot: `${url}/upload/youtube/v3/videos`,
  authorize: tokens.authorize,
  session: await savedSession(sessionFile),
  saveSession: async (session) => {
    await writeFile(`${sessionFile}.tmp`, JSON.stringify(session));
    await rename(`${sessionFile}.tmp`, sessionFile);
  },
  retry: { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 2000 },
  readSize: readSize === undefined ? undefined : Number(readSize),
});
process.stdout.write(`${JSON.stringify({ ...result, video: undefined })}\n`);
