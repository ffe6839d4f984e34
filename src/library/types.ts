/**
 * The library model (docs/library.md): a folder of clips with sidecars, thumbnails and captions, the
 * channel configuration of happytube.yaml and the metadata templates, read and validated into
 * plain values. Every other part (sync planner, upload, status, report) works from these types.
 */
import type { Lang, Text } from '../i18n/index.ts';
import type { RateLimit } from '../youtube/rate-limit.ts';

export type Privacy = 'public' | 'unlisted' | 'private';

/** `status.license`, YouTube's names. */
export type License = 'youtube' | 'creativeCommon';

/**
 * The video settings a library may give at three levels — happytube.yaml `defaults`, a playlist
 * entry (for the clips of its folder), a clip's sidecar — the nearest one winning. Unset: YouTube's
 * own default (notifySubscribers true, license youtube, embeddable true, publicStatsViewable true).
 */
export interface VideoSettings {
  /** videos.insert's `notifySubscribers` query parameter: only at upload. */
  notifySubscribers?: boolean;
  license?: License;
  embeddable?: boolean;
  publicStatsViewable?: boolean;
}

/** A "MON 19:00" publishing slot of `schedule.slots`. */
export interface ScheduleSlot {
  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  weekday: number;
  hour: number;
  minute: number;
  /** As written, e.g. "MON 19:00". */
  text: string;
}

/** One entry of `playlists:` in happytube.yaml. */
export interface PlaylistSpec {
  key: string;
  /** Relative to the library root, '/' separators, NFC, no trailing slash. */
  folder: string;
  title: string;
  description: string;
  privacy: Privacy;
  /** The settings of this playlist's clips (between `defaults` and the sidecar). */
  videos?: VideoSettings;
}

/** happytube.yaml after parsing and validation (unset optional sections stay undefined). */
export interface LibraryConfig {
  /** The library's `language` (messages and defaults), if set. */
  language: Lang | undefined;
  school: { name: string; website: string | undefined };
  channel: { id: string | undefined };
  defaults: {
    template: string | undefined;
    privacy: Privacy | undefined;
    madeForKids: boolean | undefined;
    category: string | undefined;
    language: string | undefined;
  } & VideoSettings;
  /** Upload speed, unless `--limit-rate` is given. */
  limitRate: RateLimit | undefined;
  quota: { units: number | undefined; uploads: number | undefined };
  schedule: { timezone: string; slots: ScheduleSlot[] } | undefined;
  playlists: PlaylistSpec[];
  report: { departmentEmail: string | undefined };
}

export interface Caption {
  /** BCP 47 language, e.g. "vi", "en", "vi-VN". */
  lang: string;
  /** Absolute path. */
  path: string;
  format: 'srt' | 'vtt';
}

/** The metadata sent to YouTube for a clip, after templates and NFC. */
export interface ClipMetadata {
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacy: Privacy;
  /** The declared audience; `false` when undeclared (that is an error diagnostic). */
  madeForKids: boolean;
  /** ISO 8601 in UTC ("2024-12-01T12:00:00.000Z"); only with privacy private. */
  publishAt?: string;
  /** Language of title and description (snippet.defaultLanguage). */
  defaultLanguage: string;
  /** recordingDetails.recordingDate, "2024-11-20T00:00:00Z", from the clip's `date`. */
  recordingDate?: string;
  /** status.license, status.embeddable, status.publicStatsViewable: only when the library sets them. */
  license?: License;
  embeddable?: boolean;
  publicStatsViewable?: boolean;
  /** Title and description in other languages (`localizations`), by BCP 47 tag; only when a template gives some. */
  localizations?: Record<string, { title: string; description: string }>;
}

export interface Clip {
  /** Absolute path of the video file (as on disk; may be NFD on macOS). */
  path: string;
  /** Relative to the library root, '/' separators, NFC: the clip's identity. */
  relPath: string;
  size: number;
  mtimeMs: number;
  /** Folder playlist first, then the sidecar's `playlists` extras (known keys only). */
  playlists: string[];
  /** Absolute path of the sidecar, if any. */
  sidecarPath: string | undefined;
  /** Absolute path of the thumbnail, if any (sidecar `thumbnail`, else same base name .jpg/.png). */
  thumbnailPath: string | undefined;
  captions: Caption[];
  /** Sidecar `skip: true`: known but never uploaded. */
  skip: boolean;
  /** "YYYY-MM-DD" from the sidecar's `date`, else the file name's leading date. */
  date: string | undefined;
  /** Name of the template used. */
  template: string;
  metadata: ClipMetadata;
  /** videos.insert's `notifySubscribers` (default true, as YouTube's). */
  notifySubscribers: boolean;
  /** What the container's header says, when it could be read (see src/library/media.ts). */
  media: MediaInfo | undefined;
  /** A vertical or square clip of 3 minutes or less: YouTube makes it a Short. */
  short: boolean;
  /** `digestOf(metadata)` (src/state/digest.ts): sha256 hex of its canonical JSON, for change detection. */
  metadataHash: string;
  /** Content hash (sha256 hex), computed only for clips that share their size with another. */
  contentHash: string | undefined;
  /** Set when an earlier clip (by relPath) has the same content: upload that one only. */
  duplicateOf: string | undefined;
  /** True when a diagnostic of severity error concerns this clip (or its sidecar, thumbnail…). */
  hasErrors: boolean;
}

/** A clip's picture size and length, read from its container's header without decoding. */
export interface MediaInfo {
  width: number;
  height: number;
  /** Seconds. */
  durationSec: number;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Relative to the library root, '/' separators, NFC. */
  file: string;
  /** 1-based line in `file`, when it is a text file we parsed. */
  line?: number;
  /** The key or field concerned, e.g. "defaults.privacy", "title", "playlists[2].folder". */
  field?: string;
  message: Text;
  fix?: Text;
}

export interface Library {
  /** Absolute path of the library folder. */
  root: string;
  configPath: string;
  config: LibraryConfig;
  playlists: PlaylistSpec[];
  /** Names of the library's metadata templates (templates/NAME.yaml), NFC, sorted. */
  templates: string[];
  /** Sorted by relPath. */
  clips: Clip[];
  /** Errors and warnings, in file order. */
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** "Now" for publishAt checks (default: the current time). */
  now?: Date;
  /**
   * Hashes a clip's content (sha256 hex), for duplicate detection among clips of the same size.
   * Default: reads the file. A caller with the state's hash cache answers from it instead.
   */
  hashFile?: (clip: { path: string; relPath: string; size: number; mtimeMs: number }) => Promise<string>;
}
