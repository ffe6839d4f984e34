import { describe, expect, it } from 'vitest';
import { ByteSink, CHUNK_GRANULARITY, releaseChunk } from '../../src/emulator/sink.ts';
import { mp4Bytes, sha256 } from './wire.ts';

describe('ByteSink', () => {
  it('keeps whole 256 KiB units and committed requests across a rollback, holding no chunk', () => {
    const data = mp4Bytes(3 * CHUNK_GRANULARITY + 500, 9);
    const sink = new ByteSink();
    const first = Buffer.from(data.subarray(0, CHUNK_GRANULARITY + 100));
    sink.write(first);
    releaseChunk(first); // the sink copied what it still needed
    expect(first.length).toBe(0);
    sink.rollback();
    expect(sink.size).toBe(CHUNK_GRANULARITY);
    for (let at = CHUNK_GRANULARITY; at < data.length; at += 70_000) sink.write(Buffer.from(data.subarray(at, at + 70_000)));
    sink.commit();
    sink.rollback();
    expect(sink.size).toBe(data.length);
    expect(sink.digest()).toBe(sha256(data));
    expect(sink.head).toEqual(data.subarray(0, sink.head.length));
  });

  it('frees only a chunk that owns its whole ArrayBuffer', () => {
    const shared = Buffer.from('a shared pool slice'); // small: a slice of Node's pool
    releaseChunk(shared);
    expect(shared.toString()).toBe('a shared pool slice');
    const whole = Buffer.alloc(100_000, 1);
    const part = whole.subarray(10, 20);
    releaseChunk(part);
    expect(whole.length).toBe(100_000);
    releaseChunk(whole);
    expect(whole.length).toBe(0);
    expect(part.length).toBe(0);
  });
});
