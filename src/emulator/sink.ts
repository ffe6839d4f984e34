/**
 * Where upload bytes go: a running SHA-256 and a byte count, plus the first few bytes for
 * sniffing. Nothing else is kept, so memory stays flat for any size. To forget the tail of an
 * interrupted request, as Google's upload server does, the hash state is copied at every
 * 256 KiB boundary and whenever a request completes; `rollback()` returns to the latest copy.
 */
import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import { SNIFF_BYTES } from './container.ts';

/** Google's upload granularity: chunks other than the last are multiples of this. */
export const CHUNK_GRANULARITY = 256 * 1024;

export class ByteSink {
  private hash: Hash = createHash('sha256');
  private saved: { hash: Hash; size: number } = { hash: createHash('sha256'), size: 0 };
  size = 0;
  head: Buffer = Buffer.alloc(0);

  write(chunk: Buffer): void {
    if (this.head.length < SNIFF_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES - this.head.length)]);
    let offset = 0;
    while (offset < chunk.length) {
      const room = CHUNK_GRANULARITY - (this.size % CHUNK_GRANULARITY);
      const piece = chunk.subarray(offset, offset + room);
      this.hash.update(piece);
      this.size += piece.length;
      offset += piece.length;
      if (this.size % CHUNK_GRANULARITY === 0) this.commit();
    }
  }

  /** Everything so far is kept, even after a later interruption. */
  commit(): void {
    this.saved = { hash: this.hash.copy(), size: this.size };
  }

  /** Back to the last commit or 256 KiB boundary. */
  rollback(): void {
    this.hash = this.saved.hash.copy();
    this.size = this.saved.size;
    if (this.head.length > this.size) this.head = this.head.subarray(0, this.size);
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }
}

/** Drains a body into a new sink, up to `limit` bytes (then throws `tooLarge()`). */
export async function drainInto(source: AsyncIterable<Buffer>, limit: number, tooLarge: () => Error): Promise<ByteSink> {
  const sink = new ByteSink();
  for await (const chunk of source) {
    if (sink.size + chunk.length > limit) throw tooLarge();
    sink.write(chunk);
  }
  return sink;
}
