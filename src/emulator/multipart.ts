/**
 * A streaming reader of `multipart/related` bodies as Google's clients send them for
 * `uploadType=multipart`: a JSON metadata part, then the media part. The metadata is buffered
 * (it is small); the media is passed on chunk by chunk and never held whole.
 */
import { ApiError } from './http.ts';

const METADATA_LIMIT = 1024 * 1024;

const malformed = (why: string): ApiError => new ApiError(400, 'badContent', `Malformed multipart body: ${why}`, { domain: 'global', close: true });

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/(related|mixed|form-data)/i.test(contentType.trim())) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

export interface MultipartBody {
  /** The JSON metadata part, or undefined when the body holds only the media. */
  metadata: Buffer | undefined;
  mediaType: string;
  /** The media bytes; throws when the body breaks off before the closing boundary. */
  media: AsyncGenerator<Buffer>;
}

class Reader {
  private buf: Buffer = Buffer.alloc(0);
  private readonly source: AsyncIterator<Buffer>;
  private ended = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buf = this.buf.length === 0 ? next.value : Buffer.concat([this.buf, next.value]);
    return true;
  }

  /** The bytes before `delimiter` (which is consumed). */
  async until(delimiter: string, limit: number): Promise<Buffer> {
    const d = Buffer.from(delimiter, 'latin1');
    for (;;) {
      const at = this.buf.indexOf(d);
      if (at >= 0) {
        const out = this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + d.length);
        return out;
      }
      if (this.buf.length > limit) throw malformed('part too large');
      if (!(await this.more())) throw malformed(`missing ${JSON.stringify(delimiter)}`);
    }
  }

  /** Streams the bytes before `delimiter`. */
  async *stream(delimiter: string): AsyncGenerator<Buffer> {
    const d = Buffer.from(delimiter, 'latin1');
    for (;;) {
      const at = this.buf.indexOf(d);
      if (at >= 0) {
        if (at > 0) yield this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + d.length);
        return;
      }
      const safe = this.buf.length - (d.length - 1);
      if (safe > 0) {
        yield this.buf.subarray(0, safe);
        this.buf = this.buf.subarray(safe);
      }
      if (!(await this.more())) throw malformed('missing the closing boundary');
    }
  }
}

function partType(headers: Buffer): string {
  for (const line of headers.toString('latin1').split('\r\n')) {
    const [name, ...rest] = line.split(':');
    if (name?.trim().toLowerCase() === 'content-type') return rest.join(':').trim().toLowerCase();
  }
  return 'application/octet-stream';
}

export async function readMultipart(source: AsyncIterable<Buffer>, boundary: string): Promise<MultipartBody> {
  const reader = new Reader(source);
  await reader.until(`--${boundary}\r\n`, METADATA_LIMIT);
  let type = partType(await reader.until('\r\n\r\n', METADATA_LIMIT));
  let metadata: Buffer | undefined;
  if (type.startsWith('application/json')) {
    metadata = await reader.until(`\r\n--${boundary}\r\n`, METADATA_LIMIT);
    type = partType(await reader.until('\r\n\r\n', METADATA_LIMIT));
  }
  return { metadata, mediaType: type, media: reader.stream(`\r\n--${boundary}`) };
}
