/** Identifiers and etags shaped like YouTube's. */
import { createHash, randomBytes } from 'node:crypto';

const URL_SAFE = /[+/=]/g;

function randomId(bytes: number): string {
  return randomBytes(bytes).toString('base64').replace(URL_SAFE, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
}

/** 11 characters, as a video id. */
export const videoId = (): string => randomId(9).slice(0, 11);
/** `PL` + 32 characters, as a user playlist id. */
export const playlistId = (): string => `PL${randomId(24).slice(0, 32)}`;
export const playlistItemId = (): string => randomId(36).slice(0, 48);
export const captionId = (): string => `AU${randomId(30).slice(0, 38)}`;
export const channelId = (): string => `UC${randomId(18).slice(0, 22)}`;
export const opaqueToken = (prefix: string): string => `${prefix}${randomId(48)}`;
export const uploadId = (): string => `ADPycd${randomId(48)}`;

/** A stable etag of a JSON value (without its own etag). */
export function etagOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 27);
}
