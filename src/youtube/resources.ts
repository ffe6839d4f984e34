/**
 * The Data API v3 resources as happytube sends and reads them: only the fields it uses, every one
 * optional as YouTube may leave any out (developers.google.com/youtube/v3/docs).
 */

export interface ListResponse<T> {
  items?: T[];
  nextPageToken?: string;
}

export interface Channel {
  id?: string;
  snippet?: { title?: string };
  contentDetails?: { relatedPlaylists?: { uploads?: string } };
}

export interface Playlist {
  id?: string;
  snippet?: { title?: string; description?: string; defaultLanguage?: string };
  status?: { privacyStatus?: string };
  contentDetails?: { itemCount?: number };
}

export interface PlaylistItem {
  id?: string;
  contentDetails?: { videoId?: string };
}

export interface Video {
  id?: string;
  snippet?: {
    title?: string;
    description?: string;
    tags?: string[];
    categoryId?: string;
    channelId?: string;
    channelTitle?: string;
    publishedAt?: string;
    defaultLanguage?: string;
    defaultAudioLanguage?: string;
  };
  status?: {
    privacyStatus?: string;
    publishAt?: string;
    uploadStatus?: string;
    selfDeclaredMadeForKids?: boolean;
    embeddable?: boolean;
    license?: string;
  };
  recordingDetails?: { recordingDate?: string };
  fileDetails?: { fileName?: string; fileSize?: string | number };
  contentDetails?: { caption?: string };
  processingDetails?: { processingStatus?: string };
  statistics?: { viewCount?: string | number };
}

export interface Caption {
  id?: string;
  snippet?: { language?: string; name?: string };
}
