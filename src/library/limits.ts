/**
 * What the library accepts: file kinds, categories, privacies. YouTube's numeric limits live in
 * the one table of src/youtube/quota.ts and are re-exported here.
 */

export { LIMITS } from '../youtube/quota.ts';

/** Characters YouTube refuses in titles, descriptions and tags. */
export const FORBIDDEN_CHARS = /[<>]/;

export const PRIVACIES = ['public', 'unlisted', 'private'] as const;

/** Extensions of clips (lower case, with the dot); matched in any case. */
export const VIDEO_EXTENSIONS: ReadonlySet<string> = new Set([
  '.mp4', '.mov', '.m4v', '.mkv', '.webm', '.avi', '.wmv', '.flv', '.3gp',
  '.mpg', '.mpeg', '.mts', '.m2ts',
]);

export const SIDECAR_EXTENSIONS = ['.yaml', '.yml'] as const;
export const THUMBNAIL_EXTENSIONS = ['.jpg', '.jpeg', '.png'] as const;
export const CAPTION_EXTENSIONS = ['.srt', '.vtt'] as const;

/**
 * The video categories a video can be assigned to (assignable: true in videoCategories.list;
 * the same ids in every region YouTube serves).
 */
export const CATEGORIES: Readonly<Record<string, string>> = {
  '1': 'Film & Animation',
  '2': 'Autos & Vehicles',
  '10': 'Music',
  '15': 'Pets & Animals',
  '17': 'Sports',
  '19': 'Travel & Events',
  '20': 'Gaming',
  '22': 'People & Blogs',
  '23': 'Comedy',
  '24': 'Entertainment',
  '25': 'News & Politics',
  '26': 'Howto & Style',
  '27': 'Education',
  '28': 'Science & Technology',
  '29': 'Nonprofits & Activism',
};

/** Category used when happytube.yaml sets none: a school publishes education. */
export const DEFAULT_CATEGORY = '27';
