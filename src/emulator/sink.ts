/**
 * Where upload bytes go: a running SHA-256 and a byte count, plus the first few bytes for
 * sniffing. To forget the tail of an interrupted request, as Google's upload server does, the
 * hash is fed only up to a save point: the latest 256 KiB boundary or the end of the latest
 * completed request. The bytes since then (less than 256 KiB) wait in one staging buffer of the
 * sink's own, and `rollback()` drops them. The sink keeps no reference to a chunk it was given,
 * so the caller may free it at once (`releaseChunk`); memory stays flat for any size.
 */
import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import { SNIFF_BYTES } from './container.ts';

/** Google's upload granularity: chunks other than the last are multiples of this. */
export const CHUNK_GRANULARITY = 256 * 1024;

export class ByteSink {
  private readonly hash: Hash = createHash('sha256');
  /** Bytes in the hash: everything up to the save point. */
  private saved = 0;
  /** The bytes after the save point, up to the next 256 KiB boundary; allocated per request. */
  private staged: Buffer | undefined;
  private stagedLength = 0;
  head: Buffer = Buffer.alloc(0);
  /** When the first and the latest bytes arrived (ms since the epoch, sub-ms): the transfer's time on the emulator's clock. */
  firstByteAt: number | undefined;
  lastByteAt: number | undefined;

  /** Bytes received and kept. */
  get size(): number {
    return this.saved + this.stagedLength;
  }

  /** Takes a copy of the bytes it cannot hash yet; holds no reference to `chunk` afterwards. */
  write(chunk: Buffer): void {
    this.lastByteAt = performance.timeOrigin + performance.now();
    this.firstByteAt ??= this.lastByteAt;
    if (this.head.length < SNIFF_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES - this.head.length)]);
    let offset = 0;
    while (offset < chunk.length) {
      const room = CHUNK_GRANULARITY - (this.size % CHUNK_GRANULARITY);
      const end = Math.min(chunk.length, offset + room);
      this.staged ??= Buffer.allocUnsafe(CHUNK_GRANULARITY);
      chunk.copy(this.staged, this.stagedLength, offset, end);
      this.stagedLength += end - offset;
      offset = end;
      if (this.size % CHUNK_GRANULARITY === 0) this.save();
    }
  }

  private save(): void {
    if (this.staged && this.stagedLength > 0) this.hash.update(this.staged.subarray(0, this.stagedLength));
    this.saved += this.stagedLength;
    this.stagedLength = 0;
  }

  /** Everything so far is kept, even after a later interruption. */
  commit(): void {
    this.save();
    this.staged = undefined;
  }

  /** Back to the last commit or 256 KiB boundary. */
  rollback(): void {
    this.stagedLength = 0;
    this.staged = undefined;
    if (this.head.length > this.size) this.head = this.head.subarray(0, this.size);
  }

  /** SHA-256 (hex) of the bytes kept so far. */
  digest(): string {
    const hash = this.hash.copy();
    if (this.staged && this.stagedLength > 0) hash.update(this.staged.subarray(0, this.stagedLength));
    return hash.digest('hex');
  }
}

/**
 * Frees a request body chunk's memory now instead of at the next garbage collection: Node's HTTP
 * parser hands every body fragment (≤ 64 KiB) over in a Buffer of its own, outside the V8 heap,
 * and a fast upload would otherwise leave tens of MB of them waiting for the GC. Only a chunk that
 * owns its whole ArrayBuffer is freed (never a slice of a shared one); the caller must not read
 * `chunk` afterwards.
 */
export function releaseChunk(chunk: Buffer): void {
  const { buffer } = chunk;
  if (buffer instanceof ArrayBuffer && chunk.byteOffset === 0 && chunk.length === buffer.byteLength) buffer.transfer(0);
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
