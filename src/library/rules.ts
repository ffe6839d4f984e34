/**
 * YouTube's metadata rules (docs/youtube.md): what `check` refuses before anything is sent.
 * Text is measured after NFC, as YouTube measures it.
 */
import type { Text } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { BIDI_CHARS, CONTROL_CHARS } from '../util/terminal.ts';
import { CATEGORIES, FORBIDDEN_CHARS, LIMITS, PRIVACIES } from './limits.ts';
import type { ClipMetadata } from './types.ts';

/** Characters (code points) and UTF-8 bytes of NFC text. */
export function measure(text: string): { chars: number; bytes: number } {
  const nfc = text.normalize('NFC');
  return { chars: [...nfc].length, bytes: Buffer.byteLength(nfc, 'utf8') };
}

/**
 * The length of a tag list as YouTube counts it: the tags' characters, one comma between two
 * tags, and two quote marks around a tag that contains a space.
 */
export function tagsLength(tags: readonly string[]): number {
  let total = Math.max(0, tags.length - 1);
  for (const tag of tags) total += measure(tag).chars + (/\s/.test(tag) ? 2 : 0);
  return total;
}

/** An ISO 8601 date-time with a time zone ("2024-12-01T19:00:00+07:00", "…Z"). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The UTC ISO form of a publishAt value, or undefined when it is not ISO 8601 with a zone. */
export function parsePublishAt(value: string): string | undefined {
  if (!ISO_DATE_TIME.test(value.trim())) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** "YYYY-MM-DD" that is a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export interface RuleFinding {
  /** The metadata field, as named in the sidecar or template: title, description, tags, … */
  field: string;
  message: Text;
  fix: Text;
  /** Default: an error. */
  severity?: 'warning';
}

/**
 * Control characters (ESC, BEL, NUL…) in text that goes to YouTube are refused: YouTube drops or
 * refuses them, and they would steer the terminal of whoever reads a log. Invisible direction
 * marks are only warned: a few languages need them, but they can also disguise text.
 */
export function hiddenCharsFinding(field: string, text: string): RuleFinding | undefined {
  if (CONTROL_CHARS.test(text)) return { field, message: M.files.controlChars({ field }), fix: M.files.controlCharsFix() };
  if (BIDI_CHARS.test(text)) return { field, message: M.files.bidiChars({ field }), fix: M.files.bidiCharsFix(), severity: 'warning' };
  return undefined;
}

/** Checks rendered metadata against YouTube's limits. `now` decides whether publishAt is past. */
export function checkMetadata(meta: ClipMetadata, now: Date): RuleFinding[] {
  const out: RuleFinding[] = [];
  const title = measure(meta.title);
  if (title.chars === 0) out.push({ field: 'title', message: M.library.titleEmpty(), fix: M.library.titleEmptyFix() });
  if (title.chars > LIMITS.titleChars) {
    out.push({ field: 'title', message: M.library.titleTooLong({ chars: title.chars, max: LIMITS.titleChars, title: meta.title }), fix: M.library.shortenFix() });
  }
  if (FORBIDDEN_CHARS.test(meta.title)) out.push({ field: 'title', message: M.library.forbiddenChars({ field: 'title' }), fix: M.library.forbiddenCharsFix() });
  const description = measure(meta.description);
  if (description.bytes > LIMITS.descriptionBytes) {
    out.push({ field: 'description', message: M.library.descriptionTooLong({ bytes: description.bytes, max: LIMITS.descriptionBytes }), fix: M.library.descriptionTooLongFix({ chars: description.chars }) });
  }
  if (FORBIDDEN_CHARS.test(meta.description)) {
    out.push({ field: 'description', message: M.library.forbiddenChars({ field: 'description' }), fix: M.library.forbiddenCharsFix() });
  }
  const tags = tagsLength(meta.tags);
  if (tags > LIMITS.tagsChars) out.push({ field: 'tags', message: M.library.tagsTooLong({ length: tags, max: LIMITS.tagsChars }), fix: M.library.tagsTooLongFix() });
  if (meta.tags.some((t) => FORBIDDEN_CHARS.test(t))) out.push({ field: 'tags', message: M.library.forbiddenChars({ field: 'tags' }), fix: M.library.forbiddenCharsFix() });
  for (const [field, text] of [['title', meta.title], ['description', meta.description], ['tags', meta.tags.join('\n')]] as const) {
    const hidden = hiddenCharsFinding(field, text);
    if (hidden) out.push(hidden);
  }
  if (CATEGORIES[meta.categoryId] === undefined) {
    out.push({ field: 'category', message: M.library.unknownCategory({ category: meta.categoryId }), fix: M.library.unknownCategoryFix({ known: Object.entries(CATEGORIES) }) });
  }
  if (!(PRIVACIES as readonly string[]).includes(meta.privacy)) {
    out.push({ field: 'privacy', message: M.library.notOneOf({ field: 'privacy', values: [...PRIVACIES] }), fix: M.library.privacyFix() });
  }
  for (const [lang, texts] of Object.entries(meta.localizations ?? {})) out.push(...checkLocalization(lang, texts));
  if (meta.publishAt !== undefined) {
    if (meta.privacy !== 'private') out.push({ field: 'publishAt', message: M.library.publishAtNotPrivate({ privacy: meta.privacy }), fix: M.library.publishAtNotPrivateFix() });
    // Only a warning: once a scheduled clip is published its time has passed, and that is fine.
    if (Date.parse(meta.publishAt) <= now.getTime()) {
      out.push({ field: 'publishAt', message: M.library.publishAtPast({ publishAt: meta.publishAt }), fix: M.library.publishAtPastFix(), severity: 'warning' });
    }
  }
  return out;
}

/** A localized title and description, under the same rules as the main ones. */
function checkLocalization(lang: string, texts: { title: string; description: string }): RuleFinding[] {
  const out: RuleFinding[] = [];
  const field = (name: string): string => `localizations.${lang}.${name}`;
  const title = measure(texts.title);
  if (title.chars === 0) out.push({ field: field('title'), message: M.library.titleEmpty(), fix: M.library.titleEmptyFix() });
  if (title.chars > LIMITS.titleChars) {
    out.push({ field: field('title'), message: M.library.titleTooLong({ chars: title.chars, max: LIMITS.titleChars, title: texts.title }), fix: M.library.shortenFix() });
  }
  const description = measure(texts.description);
  if (description.bytes > LIMITS.descriptionBytes) {
    out.push({ field: field('description'), message: M.library.descriptionTooLong({ bytes: description.bytes, max: LIMITS.descriptionBytes }), fix: M.library.descriptionTooLongFix({ chars: description.chars }) });
  }
  for (const name of ['title', 'description'] as const) {
    if (FORBIDDEN_CHARS.test(texts[name])) out.push({ field: field(name), message: M.library.forbiddenChars({ field: field(name) }), fix: M.library.forbiddenCharsFix() });
    const hidden = hiddenCharsFinding(field(name), texts[name]);
    if (hidden) out.push(hidden);
  }
  return out;
}
