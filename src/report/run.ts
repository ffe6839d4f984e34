/**
 * `happytube report` without the printing: reads happytube.yaml (only it: no clip is read) and the
 * state, asks YouTube once (`videos.list`, 50 ids a call) how the videos stand, and renders the
 * chosen format. The command writes the text and then calls `remember()`.
 */
import { join, resolve } from 'node:path';
import type { Environment } from '../config/env.ts';
import { InputError } from '../errors.ts';
import type { Lang } from '../i18n/index.ts';
import { report as R } from '../i18n/catalog/report.ts';
import { CONFIG_FILE, readConfig, readConfigFile } from '../library/config.ts';
import type { LibraryConfig } from '../library/types.ts';
import { openState } from '../state/index.ts';
import { createYouTubeClient } from '../youtube/client.ts';
import type { LogSink } from '../youtube/client.ts';
import { costOf } from '../youtube/quota.ts';
import { buildReportModel, fetchLiveVideos, ledgerVideoIds, parseSince, withoutDeleted } from './build.ts';
import type { LiveVideo } from './build.ts';
import { lastEmailReport, rememberEmailReport } from './history.ts';
import { renderReport } from './index.ts';
import type { ReportFormat } from './index.ts';
import { DEFAULT_TIME_ZONE } from './model.ts';
import type { ReportModel } from './model.ts';

/** happytube.yaml of the library, validated; its first error is an InputError (exit 2). */
export function readLibraryConfig(root: string): LibraryConfig {
  const { configPath: file, text } = readConfigFile(resolve(root));
  const { config, diagnostics } = readConfig(text);
  const first = diagnostics.find((d) => d.severity === 'error');
  if (!config || first) {
    const detail = first?.message ?? { vi: '', en: '' };
    throw new InputError(R.configInvalid({ file, line: first?.line, field: first?.field, detail }), { hint: first?.fix ?? R.configInvalidHint() });
  }
  return config;
}

export interface ReportOptions {
  root: string;
  config: LibraryConfig;
  format: ReportFormat;
  /** `--since` as typed. */
  since?: string | undefined;
  /** The report's language (the library's unless --lang or HAPPYTUBE_LANG chose). */
  language: Lang;
  /** The environment listed in docs/architecture.md for the sign-in. */
  environment: Environment;
  cwd?: string;
  log?: LogSink | undefined;
  signal?: AbortSignal;
  now?: Date;
}

export interface ReportResult {
  text: string;
  model: ReportModel;
  /** Videos of the ledger YouTube no longer has. */
  deleted: number;
  /** Videos in the ledger. */
  videos: number;
  /** Call once the report is written: an e-mail report becomes the next one's starting point. */
  remember(): Promise<void>;
}

export async function makeReport(o: ReportOptions): Promise<ReportResult> {
  const root = resolve(o.root);
  const configFile = join(root, CONFIG_FILE);
  const now = o.now ?? new Date();
  const timeZone = o.config.schedule?.timezone ?? DEFAULT_TIME_ZONE;
  // Everything the user can get wrong is checked before anything is sent.
  if (o.format === 'eml' && !o.config.report.departmentEmail) {
    throw new InputError(R.noDepartmentEmail({ file: configFile }), { hint: R.noDepartmentEmailHint({ file: configFile }) });
  }
  let since: Date | undefined;
  if (o.since !== undefined) {
    since = parseSince(o.since, timeZone);
    if (!since) throw new InputError(R.badSince({ value: o.since }), { hint: R.badSinceHint() });
  } else if (o.format === 'eml') {
    since = await lastEmailReport(root);
  }
  const state = await openState(root);
  const ids = ledgerVideoIds(state.ledger);

  let live = new Map<string, LiveVideo>();
  if (ids.length > 0) {
    const client = await createYouTubeClient({ environment: o.environment, cwd: o.cwd, log: o.log });
    try {
      live = await fetchLiveVideos(client, ids, {
        ...(o.signal ? { signal: o.signal } : {}),
        onCall: () => state.quota.spend(costOf('videos.list'), new Date()),
      });
    } catch (error) {
      throw client.explain(error);
    } finally {
      await client.flush();
    }
  }

  const full = buildReportModel({ config: o.config, ledger: state.ledger, live, language: o.language, generatedAt: now, since });
  const model = o.format === 'eml' ? withoutDeleted(full) : full;
  return {
    text: renderReport(o.format, model),
    model,
    videos: ids.length,
    deleted: ids.filter((id) => !live.has(id)).length,
    remember: () => (o.format === 'eml' ? rememberEmailReport(root, now) : Promise.resolve()),
  };
}
