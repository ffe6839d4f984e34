/**
 * JSON: the model as data, for other tools. Instants are ISO 8601 (UTC), calendar dates
 * `YYYY-MM-DD`; `version` changes when the shape does.
 */
import type { ReportModel } from './model.ts';

export const REPORT_JSON_VERSION = 1;

export function renderJson(model: ReportModel): string {
  // JSON.stringify writes every Date as its ISO string.
  return `${JSON.stringify({ version: REPORT_JSON_VERSION, ...model }, null, 2)}\n`;
}
