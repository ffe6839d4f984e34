import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bytesArriving, useEmulator } from '../helpers/emulator.ts';
import type { GoogleError, Reply } from './wire.ts';
import { mp4Bytes, reasonOf, send, sha256 } from './wire.ts';

const KIB256 = 256 * 1024;
const emu = useEmulator({ uploads: 14 });
const locked = useEmulator({ forcePrivate: true, uploads: 1 });

const meta = (title: string, privacyStatus = 'public'): string =>
  JSON.stringify({ snippet: { title, description: 'Bé vui chơi', tags: ['mầm non'], categoryId: '27' }, status: { privacyStatus, selfDeclaredMadeForKids: true } });

async function initiate(size: number, base = emu, title = 'Hội thi bé khỏe', privacy = 'public'): Promise<Reply> {
  const { access_token } = await base.admin.tokens();
  return send({
    method: 'POST',
    url: `${base.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status,fileDetails`,
    headers: {
      authorization: `Bearer ${access_token}`,
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-length': String(size),
      'x-upload-content-type': 'video/mp4',
    },
    body: meta(title, privacy),
  });
}

async function session(size: number): Promise<string> {
  const r = await initiate(size);
  expect(r.status).toBe(200);
  const location = r.headers.location as string;
  expect(location).toMatch(/upload_id=/);
  return location;
}

const statusQuery = (url: string, total: number): Promise<Reply> =>
  send({ method: 'PUT', url, headers: { 'content-range': `bytes */${total}`, 'content-length': '0' } });

const chunk = (url: string, data: Buffer, start: number, total: number | '*', length = data.length): Promise<Reply> =>
  send({ method: 'PUT', url, headers: { 'content-range': `bytes ${start}-${start + length - 1}/${total}` }, body: data.subarray(start, start + length) });

describe('resumable uploads', () => {
  it('takes the whole file in one PUT, hashes it, and answers a later status query with the video', async () => {
    const data = mp4Bytes(700_000);
    const url = await session(data.length);
    const done = await send({ method: 'PUT', url, headers: { 'content-type': 'video/mp4' }, body: data });
    expect(done.status).toBe(201);
    const video = done.json<{ id: string; status: Record<string, unknown>; fileDetails: Record<string, unknown> }>();
    expect(video.status).toMatchObject({ uploadStatus: 'processed', privacyStatus: 'public', madeForKids: true, selfDeclaredMadeForKids: true });
    expect(video.fileDetails).toMatchObject({ fileSize: '700000', container: 'mov' });
    const again = await statusQuery(url, data.length);
    expect(again.status).toBe(200);
    expect(again.json<{ id: string }>().id).toBe(video.id);
    const state = await emu.admin.state();
    expect(state.videos.find((v) => v.id === video.id)).toMatchObject({ sha256: sha256(data), size: data.length });
    expect(state.calls['videos.insert']).toBeGreaterThanOrEqual(1);
  });

  it('keeps 256 KiB chunks: 308 with Range, refuses a misaligned or misplaced chunk, finishes on the last', async () => {
    const data = mp4Bytes(3 * KIB256 + 1000, 2);
    const url = await session(data.length);
    expect((await statusQuery(url, data.length)).headers.range).toBeUndefined();
    const first = await chunk(url, data, 0, data.length, KIB256);
    expect(first.status).toBe(308);
    expect(first.headers.range).toBe(`bytes=0-${KIB256 - 1}`);
    const misaligned = await chunk(url, data, KIB256, data.length, KIB256 + 5);
    expect(misaligned.status).toBe(400);
    const wrongOffset = await chunk(url, data, 2 * KIB256, data.length, KIB256);
    expect(wrongOffset.status).toBe(400);
    expect(wrongOffset.headers.range).toBe(`bytes=0-${KIB256 - 1}`);
    const query = await statusQuery(url, data.length);
    expect(query.status).toBe(308);
    expect(query.headers.range).toBe(`bytes=0-${KIB256 - 1}`);
    expect((await chunk(url, data, KIB256, '*', 2 * KIB256)).status).toBe(308);
    const last = await chunk(url, data, 3 * KIB256, data.length, 1000);
    expect(last.status).toBe(201);
    const id = last.json<{ id: string }>().id;
    expect((await emu.admin.state()).videos.find((v) => v.id === id)?.sha256).toBe(sha256(data));
  });

  it('answers 404 for an unknown session', async () => {
    const r = await statusQuery(`${emu.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=nope`, 10);
    expect(r.status).toBe(404);
  });

  it('forgets every session on expire-sessions: PUTs and status queries answer 404, even mid-body', async () => {
    const data = mp4Bytes(2 * KIB256 + 10, 7);
    const open = await session(data.length);
    expect((await chunk(open, data, 0, data.length, KIB256)).status).toBe(308);
    const finished = await session(data.length);
    expect((await send({ method: 'PUT', url: finished, body: data })).status).toBe(201);
    const streaming = await session(data.length);
    await emu.admin.faults(['slow:1000000']);
    const inFlight = send({ method: 'PUT', url: streaming, body: data });
    while (bytesArriving(emu) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await emu.admin.faults(['expire-sessions']);
    expect((await emu.admin.state()).uploadSessions).toBe(0);
    expect((await inFlight).status).toBe(404);
    for (const url of [open, finished, streaming]) {
      const query = await statusQuery(url, data.length);
      expect(query.status).toBe(404);
      expect(reasonOf(query)).toBe('notFound');
      expect((await chunk(url, data, KIB256, data.length, data.length - KIB256)).status).toBe(404);
    }
    const fresh = await session(data.length);
    expect((await send({ method: 'PUT', url: fresh, body: data })).status).toBe(201);
  });

  it('after a dropped connection keeps whole 256 KiB units, and the upload resumes from Range', async () => {
    const data = mp4Bytes(5 * KIB256 + 123, 3);
    const url = await session(data.length);
    await emu.admin.faults(['drop-upload:700000']);
    const dropped = await send({ method: 'PUT', url, body: data });
    expect(dropped.status).toBe(0);
    const query = await statusQuery(url, data.length);
    expect(query.status).toBe(308);
    expect(query.headers.range).toBe(`bytes=0-${2 * KIB256 - 1}`);
    const rest = await chunk(url, data, 2 * KIB256, data.length, data.length - 2 * KIB256);
    expect(rest.status).toBe(201);
    const id = rest.json<{ id: string }>().id;
    expect((await emu.admin.state()).videos.find((v) => v.id === id)).toMatchObject({ sha256: sha256(data), size: data.length });
  });

  it('answers upload-503 without reading the body, then resumes', async () => {
    const data = mp4Bytes(KIB256 + 10, 4);
    const url = await session(data.length);
    await emu.admin.faults(['upload-503:1']);
    const failed = await send({ method: 'PUT', url, body: data });
    expect(failed.status).toBe(503);
    expect(reasonOf(failed)).toBe('backendError');
    expect((await statusQuery(url, data.length)).headers.range).toBeUndefined();
    expect((await send({ method: 'PUT', url, body: data })).status).toBe(201);
  });

  it('rejects a body that is not a video container', async () => {
    const data = Buffer.from('this is a text file, not a video\n'.repeat(100));
    const url = await session(data.length);
    const r = await send({ method: 'PUT', url, body: data });
    expect(r.status).toBe(201);
    expect(r.json<{ status: Record<string, unknown> }>().status).toMatchObject({ uploadStatus: 'rejected', rejectionReason: 'invalidFile' });
  });

  it('takes uploadType=multipart with metadata and media in one body', async () => {
    const { access_token } = await emu.admin.tokens();
    const media = mp4Bytes(300_000, 5);
    const b = 'xyzBOUNDARYxyz';
    const body = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${meta('Multipart')}\r\n--${b}\r\nContent-Type: video/mp4\r\n\r\n`),
      media,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    const r = await send({
      method: 'POST',
      url: `${emu.url}/upload/youtube/v3/videos?uploadType=multipart&part=snippet,status`,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': `multipart/related; boundary=${b}` },
      body,
    });
    expect(r.status).toBe(200);
    const id = r.json<{ id: string; snippet: { title: string } }>().id;
    expect((await emu.admin.state()).videos.find((v) => v.id === id)).toMatchObject({ sha256: sha256(media), size: media.length });
  });

  it('schedules a private upload with a future publishAt, and publishes one with a past publishAt at once', async () => {
    const { access_token } = await emu.admin.tokens();
    const data = mp4Bytes(1000, 8);
    const upload = async (publishAt: string): Promise<{ privacyStatus: string; publishAt?: string }> => {
      const init = await send({
        method: 'POST',
        url: `${emu.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json', 'x-upload-content-length': String(data.length) },
        body: JSON.stringify({ snippet: { title: 'Lịch đăng', categoryId: '27' }, status: { privacyStatus: 'private', publishAt } }),
      });
      expect(init.status).toBe(200);
      const done = await send({ method: 'PUT', url: init.headers.location as string, body: data });
      expect(done.status).toBe(201);
      return done.json<{ status: { privacyStatus: string; publishAt?: string } }>().status;
    };
    expect(await upload('2999-01-01T07:00:00+07:00')).toMatchObject({ privacyStatus: 'private', publishAt: '2999-01-01T00:00:00.000Z' });
    const past = await upload('2001-01-01T00:00:00Z');
    expect(past.privacyStatus).toBe('public');
    expect(past.publishAt).toBeUndefined();
  });

  it('validates the metadata before any byte: invalidTitle, invalidPublishAt', async () => {
    const long = await initiate(10, emu, 'x'.repeat(101));
    expect(long.status).toBe(400);
    expect(reasonOf(long)).toBe('invalidTitle');
    expect(reasonOf(await initiate(10, emu, 'a <b> title'))).toBe('invalidTitle');
    const { access_token } = await emu.admin.tokens();
    const publishPublic = await send({
      method: 'POST',
      url: `${emu.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ snippet: { title: 't' }, status: { privacyStatus: 'public', publishAt: '2999-01-01T00:00:00Z' } }),
    });
    expect(reasonOf(publishPublic)).toBe('invalidPublishAt');
    const unparseable = await send({
      method: 'POST',
      url: `${emu.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ snippet: { title: 't' }, status: { privacyStatus: 'private', publishAt: '31/12/2999' } }),
    });
    expect(reasonOf(unparseable)).toBe('invalidPublishAt');
  });

  it('lands uploads private for an unverified project; an empty upload bucket answers 403 quotaExceeded while the units serve', async () => {
    const data = mp4Bytes(1000, 6);
    const first = await initiate(data.length, locked, 'Locked', 'unlisted');
    const done = await send({ method: 'PUT', url: first.headers.location as string, body: data });
    expect(done.json<{ status: { privacyStatus: string } }>().status.privacyStatus).toBe('private');
    const second = await initiate(data.length, locked);
    expect(second.status).toBe(403);
    expect(second.json()).toMatchObject({ error: { errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }] } });
    const { access_token } = await locked.admin.tokens();
    const channels = await send({ method: 'GET', url: `${locked.url}/youtube/v3/channels?part=id&mine=true`, headers: { authorization: `Bearer ${access_token}` } });
    expect(channels.status).toBe(200);
    const state = await locked.admin.state();
    expect(state.quota.uploads).toEqual({ used: 1, limit: 1 });
    expect(state.quota.units.used).toBe(1);
  });

  it("answers the channel's own upload cap with 400 uploadLimitExceeded (fault channel-upload-limit)", async () => {
    await emu.admin.faults(['channel-upload-limit']);
    const refused = await initiate(1000);
    await emu.admin.resetQuota();
    expect(refused.status).toBe(400);
    expect(reasonOf(refused)).toBe('uploadLimitExceeded');
    expect((await initiate(1000)).status).toBe(200);
  });
});

describe('a project still on one quota bucket (uploadUnits)', () => {
  const single = useEmulator({ quota: 150, uploadUnits: 100 });

  it('pays each upload from the shared units, and refuses it with 403 quotaExceeded when they run out', async () => {
    expect((await initiate(1000, single)).status).toBe(200);
    expect((await single.admin.state()).quota.units.used).toBe(100);
    const refused = await initiate(1000, single);
    expect(refused.status).toBe(403);
    expect(reasonOf(refused)).toBe('quotaExceeded');
  });
});

describe('a session a request still writes into', () => {
  /** Starts a PUT of `data` from `start` and leaves it running; `cut()` destroys its connection. */
  function startPut(url: string, data: Buffer, start: number): { reply: Promise<Reply>; cut: () => void } {
    const body = data.subarray(start);
    const req = request(url, { method: 'PUT', agent: false, headers: { 'content-range': `bytes ${start}-${data.length - 1}/${data.length}`, 'content-length': String(body.length) } });
    const reply = new Promise<Reply>((resolve) => {
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), json: <T>() => JSON.parse(Buffer.concat(chunks).toString('utf8')) as T }));
      });
      req.on('error', () => resolve({ status: 0, headers: {}, text: '', json: <T>() => ({}) as T }));
    });
    req.end(body);
    return { reply, cut: () => req.destroy() };
  }

  async function busy(): Promise<void> {
    while ((await emu.admin.state()).busySessions === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('late-notice: a dropped request locks the session (lagging status, 400 in progress) until notice', async () => {
    const data = mp4Bytes(5 * KIB256 + 77, 8);
    const url = await session(data.length);
    expect((await chunk(url, data, 0, data.length, KIB256)).status).toBe(308);
    await emu.admin.faults(['late-notice', 'stall-upload:400000']);
    const put = startPut(url, data, KIB256);
    await busy();
    put.cut();
    expect((await put.reply).status).toBe(0);
    const lagging = await statusQuery(url, data.length);
    expect(lagging.status).toBe(308);
    expect(lagging.headers.range).toBe(`bytes=0-${KIB256 - 1}`);
    const refused = await chunk(url, data, KIB256, data.length, data.length - KIB256);
    expect(refused.status).toBe(400);
    expect(refused.json<GoogleError>().error.message).toMatch(/Another request for this upload is still in progress/);
    await emu.admin.faults(['notice']);
    const noticed = await statusQuery(url, data.length);
    expect(noticed.headers.range).toBe(`bytes=0-${2 * KIB256 - 1}`);
    const rest = await chunk(url, data, 2 * KIB256, data.length, data.length - 2 * KIB256);
    expect(rest.status).toBe(201);
    expect((await emu.admin.state()).videos.find((v) => v.id === rest.json<{ id: string }>().id)?.sha256).toBe(sha256(data));
  });

  it('stall-upload: the held request is cut off when the session is asked about again, or read on at release', async () => {
    const data = mp4Bytes(3 * KIB256 + 5, 9);
    const cutUrl = await session(data.length);
    await emu.admin.faults(['stall-upload:300000']);
    const held = startPut(cutUrl, data, 0);
    await busy();
    const query = await statusQuery(cutUrl, data.length);
    expect(query.headers.range).toBe(`bytes=0-${KIB256 - 1}`);
    expect((await held.reply).status).toBe(0);
    expect((await chunk(cutUrl, data, KIB256, data.length, data.length - KIB256)).status).toBe(201);

    const releasedUrl = await session(data.length);
    await emu.admin.faults(['stall-upload:300000']);
    const released = startPut(releasedUrl, data, 0);
    await busy();
    await emu.admin.faults(['release']);
    const done = await released.reply;
    expect(done.status).toBe(201);
    expect((await emu.admin.state()).videos.find((v) => v.id === done.json<{ id: string }>().id)?.sha256).toBe(sha256(data));
  });

  it('stale-status: a status answer lags what the session holds; a PUT from it is refused with the true Range', async () => {
    const data = mp4Bytes(3 * KIB256 + 9, 10);
    const url = await session(data.length);
    expect((await chunk(url, data, 0, data.length, 2 * KIB256)).status).toBe(308);
    await emu.admin.faults(['stale-status:1']);
    expect((await statusQuery(url, data.length)).headers.range).toBe(`bytes=0-${KIB256 - 1}`);
    const refused = await chunk(url, data, KIB256, data.length, data.length - KIB256);
    expect(refused.status).toBe(400);
    expect(refused.headers.range).toBe(`bytes=0-${2 * KIB256 - 1}`);
    expect((await statusQuery(url, data.length)).headers.range).toBe(`bytes=0-${2 * KIB256 - 1}`);
    expect((await chunk(url, data, 2 * KIB256, data.length, data.length - 2 * KIB256)).status).toBe(201);
  });
});
