/**
 * YouTube's limits and tables (../shared/YOUTUBE.md, "Metadata limits"), in one place.
 */

export const LIMITS = {
  /** snippet.title: characters (code points, after NFC). */
  titleChars: 100,
  /** snippet.description: UTF-8 bytes. */
  descriptionBytes: 5000,
  /** snippet.tags: characters together, commas counted, a tag with a space counted with quotes. */
  tagsChars: 500,
  /** thumbnails.set: bytes (2 MB). */
  thumbnailBytes: 2 * 1024 * 1024,
  /** captions.insert: bytes (100 MB). */
  captionBytes: 100 * 1024 * 1024,
} as const;

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

/** Playlists: title characters and description bytes. */
export const PLAYLIST_LIMITS = { titleChars: 150, descriptionBytes: 5000 } as const;
