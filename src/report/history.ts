/**
 * `.happytube/report.json`: when the last e-mail report was made, so that the next one lists only
 * the videos published since (`--since` defaults to the last report). Tiny, versioned and
 * written atomically like every state file.
 */
import * as v from 'valibot';
import { report as R } from '../i18n/catalog/report.ts';
import { readStateFile, stateDir, writeStateFile } from '../state/files.ts';
import type { StateFileSpec } from '../state/files.ts';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An ISO 8601 date-time to the second or finer, with `Z` or an offset `±HH:MM`, of a day that
 * exists: "2024-11-20T12:00:00.000Z", "2024-11-20T19:00:00+07:00".
 */
function isIsoDateTime(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

const historySchema = v.object({
  /** ISO 8601: when the last `--format eml` report was made */
  lastEmailAt: v.optional(v.pipe(v.string(), v.check(isIsoDateTime, 'Invalid ISO datetime'))),
});

type History = v.InferOutput<typeof historySchema>;

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
