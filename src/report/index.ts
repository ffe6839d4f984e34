/** The report formats of `happytube report --format`, each a pure function of the model. */
import { renderCsv } from './csv.ts';
import { renderEml } from './eml.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMd } from './md.ts';
import type { ReportModel } from './model.ts';

export type { Privacy, ProcessingStatus, ReportModel, ReportPlaylist, ReportVideo } from './model.ts';

export const REPORT_FORMATS = ['csv', 'md', 'html', 'json', 'eml'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

const RENDERERS: Record<ReportFormat, (model: ReportModel) => string> = {
  csv: renderCsv,
  md: renderMd,
  html: renderHtml,
  json: renderJson,
  eml: renderEml,
};

/** The report as text; write it with the extension `.${format}`. */
export function renderReport(format: ReportFormat, model: ReportModel): string {
  return RENDERERS[format](model);
}
