/**
 * Metadata rules of developers.google.com/youtube/v3/docs/videos and /playlists, with YouTube's
 * error reasons. Every limit lives here.
 */
import { ApiError } from './http.ts';

export const LIMITS = {
  titleChars: 100,
  descriptionBytes: 5000,
  tagsChars: 500,
  playlistTitleChars: 150,
  playlistItems: 5000,
  thumbnailBytes: 50 * 1024 * 1024,
  captionBytes: 100 * 1024 * 1024,
} as const;

/** The assignable video categories, id → title, as videoCategories.list (regionCode=US) answers. */
export const CATEGORIES: ReadonlyMap<string, string> = new Map([
  ['1', 'Film & Animation'],
  ['2', 'Autos & Vehicles'],
  ['10', 'Music'],
  ['15', 'Pets & Animals'],
  ['17', 'Sports'],
  ['19', 'Travel & Events'],
  ['20', 'Gaming'],
  ['22', 'People & Blogs'],
  ['23', 'Comedy'],
  ['24', 'Entertainment'],
  ['25', 'News & Politics'],
  ['26', 'Howto & Style'],
  ['27', 'Education'],
  ['28', 'Science & Technology'],
  ['29', 'Nonprofits & Activism'],
]);

export const PRIVACY = ['public', 'unlisted', 'private'] as const;
export type Privacy = (typeof PRIVACY)[number];

const bad = (reason: string, message: string, domain = 'youtube.video'): ApiError => new ApiError(400, reason, message, { domain });

export function checkTitle(title: unknown): string {
  if (typeof title !== 'string' || title.trim() === '') {
    throw bad('invalidTitle', 'The request metadata specifies an invalid or empty video title.');
  }
  if ([...title].length > LIMITS.titleChars || /[<>]/.test(title)) {
    throw bad('invalidTitle', 'The request metadata specifies an invalid video title.');
  }
  return title;
}

export function checkDescription(description: unknown, domain = 'youtube.video'): string {
  if (description === undefined) return '';
  if (typeof description !== 'string' || Buffer.byteLength(description, 'utf8') > LIMITS.descriptionBytes || /[<>]/.test(description)) {
    throw bad('invalidDescription', 'The request metadata specifies an invalid video description.', domain);
  }
  return description;
}

/**
 * Tags count as YouTube counts them: the tags joined by commas, a tag holding a space counted as
 * if quoted (two more characters).
 */
export function tagsLength(tags: readonly string[]): number {
  const chars = tags.reduce((n, t) => n + [...t].length + (t.includes(' ') ? 2 : 0), 0);
  return chars + Math.max(0, tags.length - 1);
}

export function checkTags(tags: unknown): string[] | undefined {
  if (tags === undefined) return undefined;
  if (!Array.isArray(tags) || !tags.every((t): t is string => typeof t === 'string') || tagsLength(tags) > LIMITS.tagsChars || tags.some((t) => /[<>]/.test(t))) {
    throw bad('invalidTags', 'The request metadata specifies invalid video keywords.');
  }
  return tags;
}

export function checkCategory(categoryId: unknown, required: boolean): string {
  if (categoryId === undefined && !required) return '22';
  if (typeof categoryId !== 'string' || !CATEGORIES.has(categoryId)) {
    throw bad('invalidCategoryId', 'The <code>snippet.categoryId</code> property specifies an invalid category ID. Use the <code>videoCategories.list</code> method to retrieve supported categories.');
  }
  return categoryId;
}

export function checkPrivacy(value: unknown, domain = 'youtube.video'): Privacy {
  if (value === undefined) return 'public';
  if (typeof value !== 'string' || !(PRIVACY as readonly string[]).includes(value)) {
    throw bad('invalidPrivacyStatus', `Invalid privacy status: ${JSON.stringify(value)}`, domain);
  }
  return value as Privacy;
}

/**
 * publishAt: ISO 8601, only with privacyStatus private. A time already past is valid: the video
 * publishes at once (see `scheduledStatus`).
 */
export function checkPublishAt(value: unknown, privacy: Privacy): string | undefined {
  if (value === undefined || value === null) return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw bad('invalidPublishAt', 'The request metadata specifies an invalid scheduled publishing time.');
  if (privacy !== 'private') {
    throw bad('invalidPublishAt', 'The request metadata specifies a scheduled publishing time but the video privacy status is not private.');
  }
  return new Date(time).toISOString();
}

/**
 * Privacy and publishAt as YouTube keeps them: a scheduled time still ahead stays (the video is
 * private until then); a time already past publishes the video at once — public, no publishAt.
 */
export function scheduledStatus(privacy: Privacy, publishAt: string | undefined, now = Date.now()): { privacy: Privacy; publishAt: string | undefined } {
  if (publishAt !== undefined && Date.parse(publishAt) <= now) return { privacy: 'public', publishAt: undefined };
  return { privacy, publishAt };
}

export function checkBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw bad('invalidValue', `${name} must be true or false.`);
  return value;
}

export function checkLanguage(value: unknown, reason: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value)) {
    throw bad(reason, `The request metadata specifies an invalid language: ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The `localizations` part: title and description by language, under the same rules as the
 * snippet's. YouTube needs the video's defaultLanguage to tell them from the original.
 */
export function checkLocalizations(raw: unknown, defaultLanguage: string | undefined): Record<string, { title: string; description: string }> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw bad('invalidLocalizations', 'The localizations must be an object keyed by language.');
  const out: Record<string, { title: string; description: string }> = {};
  for (const [lang, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang)) throw bad('invalidLocalizations', `Invalid language of a localization: ${lang}`);
    const texts = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    out[lang] = { title: checkTitle(texts.title), description: checkDescription(texts.description) };
  }
  if (Object.keys(out).length > 0 && defaultLanguage === undefined) {
    throw bad('defaultLanguageNotSet', 'The request is trying to add localized video details without specifying the default language of the video details.');
  }
  return out;
}
