/**
 * happytube.yaml (docs/library.md): parsed with line numbers, validated with valibot, unknown keys refused.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { InputError } from '../errors.ts';
import { M } from '../i18n/messages.ts';
import { YAML_MAX_BYTES, readLibraryText } from './files.ts';
import { CATEGORIES, FORBIDDEN_CHARS, LIMITS, PRIVACIES } from './limits.ts';
import { map, wholeNumber } from '../util/schema.ts';
import { hiddenCharsFinding, measure } from './rules.ts';
import { CONTROL_CHARS } from '../util/terminal.ts';
import { limitRateSchema, pickSettings, readLimitRate, videoSettingsEntries } from './settings.ts';
import type { Diagnostic, LibraryConfig, PlaylistSpec, ScheduleSlot } from './types.ts';
import type { YamlSource } from './yaml.ts';
import { lineOf, parseYaml, schemaDiagnostics } from './yaml.ts';

export const CONFIG_FILE = 'happytube.yaml';

const privacy = v.picklist(PRIVACIES);
const text = v.pipe(v.string(), v.minLength(1));
const count = v.pipe(wholeNumber(), v.gtValue(0));
const SLOT = /^(SUN|MON|TUE|WED|THU|FRI|SAT)\s+([01]?\d|2[0-3]):([0-5]\d)$/i;
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** BCP 47 language tags as YouTube takes them: "vi", "en", "vi-VN", "zh-Hant". */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

export const configSchema = map(
  v.strictObject({
    language: v.optional(v.picklist(['vi', 'en'])),
    school: map(v.strictObject({ name: text, website: v.optional(v.string()) })),
    channel: v.optional(map(v.strictObject({ id: v.optional(v.pipe(v.string(), v.regex(/^UC[\w-]{22}$/, 'UC + 22'))) }))),
    defaults: v.optional(
      map(
        v.strictObject({
          template: v.optional(text),
          privacy: v.optional(privacy),
          madeForKids: v.optional(v.boolean()),
          category: v.optional(v.union([v.string(), wholeNumber()])),
          language: v.optional(v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'vi, en, vi-VN'))),
          ...videoSettingsEntries,
        }),
      ),
    ),
    limitRate: v.optional(limitRateSchema),
    quota: v.optional(map(v.strictObject({ units: v.optional(count), uploads: v.optional(count) }))),
    schedule: v.optional(
      map(
        v.strictObject({
          timezone: v.optional(text),
          slots: v.pipe(v.array(v.pipe(v.string(), v.regex(SLOT, 'MON 19:00'))), v.minLength(1)),
        }),
      ),
    ),
    playlists: v.optional(
      v.array(
        map(
          v.strictObject({
            key: v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'muc-dich')),
            folder: text,
            title: text,
            description: v.optional(v.string()),
            privacy: v.optional(privacy),
            ...videoSettingsEntries,
          }),
        ),
      ),
    ),
    report: v.optional(map(v.strictObject({ departmentEmail: v.optional(v.string()) }))),
  }),
);

type RawConfig = v.InferOutput<typeof configSchema>;

/**
 * One plain address, `name@school.edu.vn`: it becomes the To: line of the e-mail report, so no
 * display name, no list, no spaces or line breaks that could add headers.
 */
export function isEmailAddress(value: string): boolean {
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(value) && value.length <= 254;
}

/** An http(s) address with a host: the school's website becomes a link in the reports. */
export function isWebAddress(value: string): boolean {
  if (/\s/.test(value) || CONTROL_CHARS.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** "./01-muc-dich/" → "01-muc-dich"; undefined when the folder leaves the library. */
export function normaliseFolder(folder: string): string | undefined {
  const parts = folder.normalize('NFC').replaceAll('\\', '/').split('/').filter((p) => p !== '' && p !== '.');
  if (folder.startsWith('/') || /^[a-zA-Z]:/.test(folder) || parts.includes('..') || parts.length === 0) return undefined;
  return parts.join('/');
}

function parseSlot(text: string): ScheduleSlot {
  const m = SLOT.exec(text.trim())!;
  return { weekday: WEEKDAYS.indexOf(m[1]!.toUpperCase()), hour: Number(m[2]), minute: Number(m[3]), text: text.trim() };
}

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function checkPlaylists(raw: RawConfig, source: YamlSource, diagnostics: Diagnostic[]): PlaylistSpec[] {
  const out: PlaylistSpec[] = [];
  const keys = new Map<string, number>();
  const folders = new Map<string, number>();
  const error = (path: PropertyKey[], field: string, message: Diagnostic['message'], fix: Diagnostic['fix']): void => {
    const d: Diagnostic = { severity: 'error', file: source.file, line: lineOf(source, path), field, message };
    if (fix) d.fix = fix;
    diagnostics.push(d);
  };
  (raw.playlists ?? []).forEach((p, i) => {
    const at = (k: string): PropertyKey[] => ['playlists', i, k];
    const field = (k: string): string => `playlists[${i}].${k}`;
    const folder = normaliseFolder(p.folder);
    let ok = true;
    if (folder === undefined) {
      error(at('folder'), field('folder'), M.library.folderOutside({ folder: p.folder }), M.library.folderOutsideFix());
      ok = false;
    } else if (folders.has(folder)) {
      error(at('folder'), field('folder'), M.library.duplicateFolder({ folder, first: folders.get(folder)! }), M.library.duplicateFolderFix());
      ok = false;
    } else {
      folders.set(folder, i);
    }
    if (keys.has(p.key)) {
      error(at('key'), field('key'), M.library.duplicatePlaylistKey({ key: p.key, first: keys.get(p.key)! }), M.library.duplicatePlaylistKeyFix());
      ok = false;
    } else {
      keys.set(p.key, i);
    }
    const title = p.title.normalize('NFC').trim();
    const description = (p.description ?? '').normalize('NFC').trimEnd();
    if (measure(title).chars > LIMITS.playlistTitleChars) {
      error(at('title'), field('title'), M.library.playlistTitleTooLong({ chars: measure(title).chars, max: LIMITS.playlistTitleChars }), M.library.shortenFix());
    }
    if (measure(description).bytes > LIMITS.playlistDescriptionBytes) {
      error(at('description'), field('description'), M.library.descriptionTooLong({ bytes: measure(description).bytes, max: LIMITS.playlistDescriptionBytes }), M.library.shortenFix());
    }
    for (const [k, v] of [['title', title], ['description', description]] as const) {
      if (FORBIDDEN_CHARS.test(v)) error(at(k), field(k), M.library.forbiddenChars({ field: field(k) }), M.library.forbiddenCharsFix());
      const hidden = hiddenCharsFinding(field(k), v);
      if (hidden?.severity === 'warning') diagnostics.push({ severity: 'warning', file: source.file, line: lineOf(source, at(k)), field: field(k), message: hidden.message, fix: hidden.fix });
      else if (hidden) error(at(k), field(k), hidden.message, hidden.fix);
    }
    if (ok && folder !== undefined) out.push({ key: p.key, folder, title, description, privacy: p.privacy ?? 'public', videos: pickSettings(p) });
  });
  return out;
}

export interface ConfigResult {
  source: YamlSource;
  /** Undefined when the file cannot be used at all (syntax or schema errors). */
  config: LibraryConfig | undefined;
  diagnostics: Diagnostic[];
}

/** Parses and validates happytube.yaml. Problems are diagnostics; nothing throws. */
export function readConfig(text: string): ConfigResult {
  const { source, value, errors } = parseYaml(text, CONFIG_FILE);
  if (errors.length > 0) return { source, config: undefined, diagnostics: errors };
  const parsed = v.safeParse(configSchema, value ?? {});
  if (!parsed.success) return { source, config: undefined, diagnostics: schemaDiagnostics(source, configSchema, parsed.issues) };
  const raw = parsed.output;
  const diagnostics: Diagnostic[] = [];
  const error = (path: PropertyKey[], field: string, message: Diagnostic['message'], fix?: Diagnostic['fix']): void => {
    const d: Diagnostic = { severity: 'error', file: CONFIG_FILE, line: lineOf(source, path), field, message };
    if (fix) d.fix = fix;
    diagnostics.push(d);
  };
  const category = raw.defaults?.category === undefined ? undefined : String(raw.defaults.category);
  if (category !== undefined && CATEGORIES[category] === undefined) {
    error(['defaults', 'category'], 'defaults.category', M.library.unknownCategory({ category }), M.library.unknownCategoryFix({ known: Object.entries(CATEGORIES) }));
  }
  const timezone = raw.schedule?.timezone ?? 'Asia/Ho_Chi_Minh';
  if (raw.schedule && !validTimezone(timezone)) {
    error(['schedule', 'timezone'], 'schedule.timezone', M.library.badTimezone({ timezone }), M.library.badTimezoneFix());
  }
  const email = raw.report?.departmentEmail;
  if (email !== undefined && !isEmailAddress(email)) {
    error(['report', 'departmentEmail'], 'report.departmentEmail', M.files.badEmail({ field: 'report.departmentEmail', value: JSON.stringify(email) }), M.files.badEmailFix());
  }
  const website = raw.school.website;
  if (website !== undefined && !isWebAddress(website)) {
    error(['school', 'website'], 'school.website', M.files.badWebsite({ field: 'school.website', value: JSON.stringify(website) }), M.files.badWebsiteFix());
  }
  const playlists = checkPlaylists(raw, source, diagnostics);
  let limitRate: LibraryConfig['limitRate'];
  if (raw.limitRate !== undefined) {
    const read = readLimitRate(raw.limitRate);
    if ('limit' in read) limitRate = read.limit;
    else if (read.bad === 'rate') error(typeof raw.limitRate === 'object' ? ['limitRate', 'rate'] : ['limitRate'], 'limitRate', M.settings.badLimitRate({ value: read.value }), M.settings.badLimitRateFix());
    else error(['limitRate', 'between'], 'limitRate.between', M.settings.badWindow({ value: read.value }), M.settings.badWindowFix());
  }
  const config: LibraryConfig = {
    language: raw.language,
    school: { name: raw.school.name.normalize('NFC').trim(), website: raw.school.website },
    channel: { id: raw.channel?.id },
    defaults: {
      template: raw.defaults?.template,
      privacy: raw.defaults?.privacy,
      madeForKids: raw.defaults?.madeForKids,
      category,
      language: raw.defaults?.language,
      ...pickSettings(raw.defaults),
    },
    limitRate,
    quota: { units: raw.quota?.units, uploads: raw.quota?.uploads },
    schedule: raw.schedule ? { timezone, slots: raw.schedule.slots.map(parseSlot) } : undefined,
    playlists,
    report: { departmentEmail: raw.report?.departmentEmail },
  };
  return { source, config, diagnostics };
}

/**
 * The text of the library's happytube.yaml; InputError when `root` holds none, or one that is not
 * a regular UTF-8 file of a sane size.
 */
export function readConfigFile(root: string): { configPath: string; text: string } {
  const configPath = join(root, CONFIG_FILE);
  if (!existsSync(configPath)) throw new InputError(M.library.noConfig({ dir: root }), { hint: M.library.noConfigFix() });
  const read = readLibraryText(configPath, configPath, { maxBytes: YAML_MAX_BYTES, realRoot: undefined });
  if (!read.ok) throw new InputError(read.message, { hint: read.fix });
  return { configPath, text: read.text };
}
