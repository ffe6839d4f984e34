/**
 * The addresses people open on YouTube. Ids are URL-safe already ("A-Z a-z 0-9 - _", and the
 * loader's "~" stand-ins); encoding them keeps an address whole should one ever not be.
 */

export function videoUrl(videoId: string): string {
  return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;
}

export function playlistUrl(playlistId: string): string {
  return `https://www.youtube.com/playlist?list=${encodeURIComponent(playlistId)}`;
}

export function channelUrl(channelId: string): string {
  return `https://www.youtube.com/channel/${encodeURIComponent(channelId)}`;
}
