/**
 * Metadata templates: `templates/<name>.yaml` in the library, with `title`, `description` and
 * `tags` written in Liquid (LiquidJS: strict variables and filters, no file system, no code).
 * Each template is parsed once; rendering a clip only evaluates the parsed templates.
 *
 * Filters added to Liquid's built-ins (input: "YYYY-MM-DD", an ISO date-time or a Date; an empty
 * or null date renders as ""):
 * - `date_vi` (alias `ngay`): the Vietnamese short date, `{{ date | date_vi }}` → "20/11/2024".
 * - `date_long_vi`: the Vietnamese long date, `{{ date | date_long_vi }}` → "ngày 20 tháng 11 năm 2024".
 */
import type { Emitter, Template } from 'liquidjs';
import { Context, Liquid, toValue, toValueSync } from 'liquidjs';
import * as v from 'valibot';
import type { Lang, Text } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { map } from '../util/schema.ts';
import { YAML_MAX_BYTES } from './files.ts';
import type { Diagnostic } from './types.ts';
import type { YamlSource } from './yaml.ts';
import { LANGUAGE_TAG } from './config.ts';
import { contentLineOf, lineOf, parseYaml, schemaDiagnostics } from './yaml.ts';

/** The name of the template used when the library has no templates folder and sets none. */
export const BUILT_IN_TEMPLATE = '(built-in)';
const BUILT_IN = { title: '{{ title }}', description: '{{ description }}', tags: '' };

export const templateSchema = map(
  v.strictObject({
    title: v.optional(v.string()),
    description: v.optional(v.string()),
    tags: v.optional(v.union([v.string(), v.array(v.string())])),
    /** Title and description in other languages, rendered with the same variables. */
    localizations: v.optional(map(v.record(v.string(), map(v.strictObject({ title: v.string(), description: v.optional(v.string()) }))))),
  }),
);

export type TemplateField = 'title' | 'description' | 'tags';

interface CompiledPart {
  field: TemplateField;
  /** Index in a `tags` list, when tags is one. */
  index: number | undefined;
  /** The language of a `localizations` title or description. */
  lang?: string;
  template: Template[];
  /** The line in the template file where this part's text starts. */
  line: number;
  /**
   * Set when the part is only `{{ title }}` or `{{ description }}` (the built-in template, and a
   * template's missing field): rendering it is that variable, with no Liquid to run per clip.
   */
  variable?: 'title' | 'description';
  /**
   * Set once the part ran into a limit: it is not run again for the next clips (each run would
   * take the whole time limit), and they get the same problem.
   */
  exhausted?: TemplateProblem;
}

export interface CompiledTemplate {
  name: string;
  /** Relative path of the template file, or the built-in name. */
  file: string;
  parts: CompiledPart[];
}

export interface TemplateVariables {
  title: string;
  date: string | null;
  description: string;
  school: { name: string; website: string };
  /** `url`: the playlist's address (see links.ts). */
  playlist: { key: string; title: string; description: string; url: string };
  /** The channel's address (see links.ts). */
  channel: { url: string };
  file: { name: string; stem: string; ext: string; folder: string; size: number };
  vars: Record<string, unknown>;
}

export interface RenderedTemplate {
  title: string;
  description: string;
  tags: string[];
  /** By language, in the template's order; absent when the template gives none. */
  localizations?: Record<string, { title: string; description: string }>;
}

/** A template problem while rendering one clip. */
export interface TemplateProblem {
  file: string;
  line: number;
  /** `title`, `tags`, `localizations.en.description`… */
  field: string;
  /** What went wrong, without the clip (shared by every clip the problem hits). */
  detail: string;
  message: Text;
  /** The fix, when it is not the general one of a template problem. */
  fix?: Text;
}

function toDate(value: unknown, filter: string): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) throw new Error(`${filter}: ${JSON.stringify(value)} is not a date (YYYY-MM-DD)`);
  return date;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "20/11/2024" (UTC calendar day of the date). */
export function dateVi(value: unknown): string {
  const d = toDate(value, 'date_vi');
  return d ? `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}` : '';
}

/** "ngày 20 tháng 11 năm 2024". */
export function dateLongVi(value: unknown): string {
  const d = toDate(value, 'date_long_vi');
  return d ? `ngày ${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}` : '';
}

/**
 * A library's template can loop a hundred million times or write gigabytes; LiquidJS's own limits
 * stop it. Real templates are a few lines writing a title (100 characters), a description (5,000
 * bytes) and some tags, so the limits are far above any of them and far below harm: a few seconds
 * and a few megabytes per clip.
 */
export const TEMPLATE_LIMITS = {
  /** Characters of Liquid parsed at once (a template file is at most this big anyway). */
  parse: YAML_MAX_BYTES,
  /** Milliseconds of one render; the backstop for work the memory count does not see. */
  renderMs: 2000,
  /** LiquidJS's count of what a render creates: range items, string lengths of filters… */
  memory: 500_000,
  /** Characters one field of a template may write. */
  output: 100_000,
} as const;

/** The message of a LiquidJS limit ("memory alloc limit exceeded"), and of ours. */
const LIMIT_EXCEEDED = /limit exceeded|Invalid string length/;

/** LiquidJS's output buffer, with a cap: a loop that writes megabytes stops at the cap. */
class CappedEmitter implements Emitter {
  buffer = '';
  write(html: unknown): void {
    const text = stringify(html);
    if (this.buffer.length + text.length > TEMPLATE_LIMITS.output) throw new Error('output length limit exceeded');
    this.buffer += text;
  }
}

/** What LiquidJS writes for a value (its own `stringify`, which it does not export). */
function stringify(html: unknown): string {
  const value: unknown = toValue(html);
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(stringify).join('');
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as LiquidJS writes any other value
  return String(value);
}

/**
 * The Liquid engine of the library: strict, in-memory only (no includes from disk). Liquid's own
 * `date` filter names days and months in the library's language ("Thứ Tư", "Tháng 11"), the same
 * on every computer — by default it would take the computer's locale, so two laptops could render
 * one clip differently (and each sync would update the other's metadata).
 */
export function makeEngine(language: Lang = 'vi'): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    locale: language === 'vi' ? 'vi-VN' : 'en-US',
    parseLimit: TEMPLATE_LIMITS.parse,
    renderLimit: TEMPLATE_LIMITS.renderMs,
    memoryLimit: TEMPLATE_LIMITS.memory,
  });
  engine.registerFilter('date_vi', dateVi);
  engine.registerFilter('ngay', dateVi);
  engine.registerFilter('date_long_vi', dateLongVi);
  return engine;
}

/** Splits Liquid's "undefined variable: x, line:2, col:4" into its line and its text. */
function liquidProblem(error: unknown, part: { line: number }, name: string): { line: number; detail: string; message: Text; limit: boolean } {
  const raw = error instanceof Error ? error.message : String(error);
  const at = /, line:(\d+), col:\d+$/.exec(raw);
  const detail = at ? raw.slice(0, at.index) : raw;
  const line = part.line + (at ? Number(at[1]) - 1 : 0);
  const variable = /^undefined variable: (.+)$/.exec(detail);
  const filter = /^undefined filter: (.+)$/.exec(detail);
  const limit = LIMIT_EXCEEDED.test(detail);
  const message = limit
    ? M.files.templateTooMuch({ name })
    : variable
      ? M.library.unknownVariable({ name: variable[1]! })
      : filter
        ? M.library.unknownFilter({ name: filter[1]! })
        : M.library.templateError({ detail });
  return { line, detail, message, limit };
}

function compilePart(
  engine: Liquid,
  file: string,
  text: string,
  where: Omit<CompiledPart, 'template'>,
  diagnostics: Diagnostic[],
): CompiledPart | undefined {
  try {
    const part: CompiledPart = { ...where, template: engine.parse(text) };
    const variable = plainVariable(text);
    if (variable) part.variable = variable;
    return part;
  } catch (error) {
    const p = liquidProblem(error, where, file);
    diagnostics.push({ severity: 'error', file, line: p.line, field: partName(where), message: p.message, fix: p.limit ? M.files.templateTooMuchFix() : M.library.templateFix() });
    return undefined;
  }
}

/** `title` for a text that is only `{{ title }}` (spaces aside), likewise `description`. */
function plainVariable(text: string): CompiledPart['variable'] {
  return /^\{\{\s*(title|description)\s*\}\}$/.exec(text)?.[1] as CompiledPart['variable'];
}

/** The template every library has without a templates folder: the title and description as given. */
export function builtInTemplate(engine: Liquid): CompiledTemplate {
  const parts: CompiledPart[] = (['title', 'description'] as const).map((field) => ({
    field,
    index: undefined,
    template: engine.parse(BUILT_IN[field]),
    line: 1,
    variable: field,
  }));
  return { name: BUILT_IN_TEMPLATE, file: BUILT_IN_TEMPLATE, parts };
}

/**
 * Parses and compiles one template file. Returns undefined (with diagnostics) when it cannot be
 * used; a missing `title` or `description` falls back to the variable of the same name.
 */
export function compileTemplate(engine: Liquid, name: string, file: string, text: string, diagnostics: Diagnostic[]): CompiledTemplate | undefined {
  const { source, value, errors } = parseYaml(text, file);
  if (errors.length > 0) {
    diagnostics.push(...errors);
    return undefined;
  }
  const parsed = v.safeParse(templateSchema, value ?? {});
  if (!parsed.success) {
    for (const d of schemaDiagnostics(source, templateSchema, parsed.issues)) {
      diagnostics.push(d.fix ? d : { ...d, fix: M.library.templateQuoteFix() });
    }
    return undefined;
  }
  const raw = parsed.output;
  const before = diagnostics.length;
  const parts: CompiledPart[] = [];
  const add = (field: TemplateField, text: string, index: number | undefined, src: YamlSource | undefined): void => {
    const path = index === undefined ? [field] : [field, index];
    const line = src ? contentLineOf(src, path) : 1;
    const part = compilePart(engine, file, text, { field, index, line }, diagnostics);
    if (part) parts.push(part);
  };
  add('title', raw.title ?? BUILT_IN.title, undefined, raw.title === undefined ? undefined : source);
  add('description', raw.description ?? BUILT_IN.description, undefined, raw.description === undefined ? undefined : source);
  if (typeof raw.tags === 'string') add('tags', raw.tags, undefined, source);
  else raw.tags?.forEach((t, i) => add('tags', t, i, source));
  for (const [lang, texts] of Object.entries(raw.localizations ?? {})) {
    if (!LANGUAGE_TAG.test(lang)) {
      diagnostics.push({ severity: 'error', file, line: lineOf(source, ['localizations', lang]), field: `localizations.${lang}`, message: M.settings.badLocalizationLang({ lang }), fix: M.settings.badLocalizationLangFix() });
      continue;
    }
    for (const field of ['title', 'description'] as const) {
      const text = texts[field] ?? '';
      const path = ['localizations', lang, field];
      const part = compilePart(engine, file, text, { field, index: undefined, lang, line: texts[field] === undefined ? lineOf(source, ['localizations', lang]) : contentLineOf(source, path) }, diagnostics);
      if (part) parts.push(part);
    }
  }
  return diagnostics.length === before ? { name, file, parts } : undefined;
}

/** Splits rendered tag text on commas and new lines; trims; drops empties. */
export function splitTags(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[,\n]/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t !== '');
}

/** One part for one clip, within TEMPLATE_LIMITS. */
function renderPart(engine: Liquid, part: CompiledPart, variables: TemplateVariables): string {
  const emitter = new CappedEmitter();
  const context = new Context(variables, engine.options, { sync: true }, { liquid: engine });
  toValueSync(engine.renderer.renderTemplates(part.template, context, emitter));
  return emitter.buffer;
}

/** The key of a part as the template writes it: `title`, `localizations.en.title`. */
function partName(part: { field: TemplateField; lang?: string | undefined }): string {
  return part.lang === undefined ? part.field : `localizations.${part.lang}.${part.field}`;
}

/** Renders a compiled template for one clip. */
export function renderTemplate(
  engine: Liquid,
  template: CompiledTemplate,
  variables: TemplateVariables,
): { rendered: RenderedTemplate; problems: TemplateProblem[] } {
  const rendered: RenderedTemplate = { title: '', description: '', tags: [] };
  const problems: TemplateProblem[] = [];
  for (const part of template.parts) {
    if (part.exhausted) {
      problems.push(part.exhausted);
      continue;
    }
    let text: string;
    try {
      // `{{ title }}` renders the string as it is (no output escaping): no need to run Liquid.
      text = (part.variable !== undefined ? variables[part.variable] : renderPart(engine, part, variables)).normalize('NFC');
    } catch (error) {
      const p = liquidProblem(error, part, template.file);
      const problem: TemplateProblem = { file: template.file, line: p.line, field: partName(part), detail: p.detail, message: p.message };
      if (p.limit) {
        problem.fix = M.files.templateTooMuchFix();
        part.exhausted = problem;
      }
      problems.push(problem);
      continue;
    }
    if (part.lang !== undefined) {
      rendered.localizations ??= {};
      const texts = (rendered.localizations[part.lang] ??= { title: '', description: '' });
      if (part.field === 'title') texts.title = text.replace(/\s+/g, ' ').trim();
      else texts.description = text.trim();
    } else if (part.field === 'title') rendered.title = text.replace(/\s+/g, ' ').trim();
    else if (part.field === 'description') rendered.description = text.trim();
    else rendered.tags.push(...splitTags(text));
  }
  return { rendered, problems };
}
