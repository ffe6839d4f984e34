/**
 * `.happytube/report.json`: when the last e-mail report was made, so that the next one lists only
 * the videos published since (SPEC: `--since` defaults to the last report). Tiny, versioned and
 * written atomically like every state file.
 */
import { z } from 'zod';
import { report as R } from '../i18n/catalog/report.ts';
import { readStateFile, stateDir, writeStateFile } from '../state/files.ts';
import type { StateFileSpec } from '../state/files.ts';

const historySchema = z.object({
  /** ISO 8601: when the last `--format eml` report was made */
  lastEmailAt: z.iso.datetime({ offset: true }).optional(),
});

type History = z.infer<typeof historySchema>;

export const REPORT_HISTORY_FILE: StateFileSpec<History> = {
  name: 'report.json',
  version: 1,
  schema: historySchema,
  empty: () => ({}),
  corruptHint: (file) => R.historyCorruptHint({ file }),
};

/** When the last e-mail report of this library was made, if ever. */
export async function lastEmailReport(libraryDir: string): Promise<Date | undefined> {
  const { lastEmailAt } = await readStateFile(stateDir(libraryDir), REPORT_HISTORY_FILE);
  return lastEmailAt === undefined ? undefined : new Date(lastEmailAt);
}

/** Remembers that an e-mail report was made at `at`; resolves once on disk. */
export async function rememberEmailReport(libraryDir: string, at: Date): Promise<void> {
  const dir = stateDir(libraryDir);
  const history = await readStateFile(dir, REPORT_HISTORY_FILE);
  await writeStateFile(dir, REPORT_HISTORY_FILE, { ...history, lastEmailAt: at.toISOString() });
}
