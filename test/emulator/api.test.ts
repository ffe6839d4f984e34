import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.ts';
import type { Reply } from './wire.ts';
import { mp4Bytes, reasonOf, send } from './wire.ts';

const emu = useEmulator({ quota: 1000 });

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const { access_token } = await emu.admin.tokens();
  return send({
    method,
    url: `${emu.url}/youtube/v3/${path}`,
    headers: { authorization: `Bearer ${access_token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function upload(title: string): Promise<string> {
  const { access_token } = await emu.admin.tokens();
  const data = mp4Bytes(2000);
  const init = await send({
    method: 'POST',
    url: `${emu.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json', 'x-upload-content-length': String(data.length) },
    body: JSON.stringify({ snippet: { title, categoryId: '27' }, status: { privacyStatus: 'private' } }),
  });
  const done = await send({ method: 'PUT', url: init.headers.location as string, body: data });
  return done.json<{ id: string }>().id;
}

const used = async (): Promise<number> => (await emu.admin.state()).quota.units.used;

describe('Data API', () => {
  it('lists the channel with its uploads playlist, newest upload first', async () => {
    const a = await upload('first');
    const b = await upload('second');
    const ch = await call('GET', 'channels?part=snippet,contentDetails&mine=true');
    expect(ch.status).toBe(200);
    const body = ch.json<{ kind: string; etag: string; items: Array<{ contentDetails: { relatedPlaylists: { uploads: string } } }> }>();
    expect(body.kind).toBe('youtube#channelListResponse');
    const uploads = body.items[0]!.contentDetails.relatedPlaylists.uploads;
    const items = await call('GET', `playlistItems?part=contentDetails&playlistId=${uploads}&maxResults=50`);
    const ids = items.json<{ items: Array<{ contentDetails: { videoId: string } }> }>().items.map((i) => i.contentDetails.videoId);
    expect(ids.slice(0, 2)).toEqual([b, a]);
    // etags: the same answer again → 304 with If-None-Match.
    const cached = await call('GET', 'channels?part=snippet,contentDetails&mine=true', undefined, { 'if-none-match': `"${body.etag}"` });
    expect(cached.status).toBe(304);
  });

  it('validates part and answers in Google error shape', async () => {
    const missing = await call('GET', 'channels?mine=true');
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT', errors: [{ reason: 'required', domain: 'global' }] } });
    const unknown = await call('GET', 'videos?part=snippet,bogus&id=x');
    expect(reasonOf(unknown)).toBe('unknownPart');
  });

  it('pages playlist items with maxResults ≤ 50 (default 5) and page tokens', async () => {
    const video = await upload('paged');
    const pl = await call('POST', 'playlists?part=snippet,status', { snippet: { title: 'Lá 1' }, status: { privacyStatus: 'unlisted' } });
    expect(pl.status).toBe(200);
    const playlistId = pl.json<{ id: string }>().id;
    for (let i = 0; i < 7; i++) {
      const r = await call('POST', 'playlistItems?part=snippet', { snippet: { playlistId, resourceId: { kind: 'youtube#video', videoId: video } } });
      expect(r.status).toBe(200);
    }
    const first = await call('GET', `playlistItems?part=snippet&playlistId=${playlistId}`);
    const page1 = first.json<{ items: unknown[]; nextPageToken: string; pageInfo: { totalResults: number; resultsPerPage: number } }>();
    expect(page1.items).toHaveLength(5);
    expect(page1.pageInfo).toEqual({ totalResults: 7, resultsPerPage: 5 });
    const second = await call('GET', `playlistItems?part=snippet&playlistId=${playlistId}&pageToken=${page1.nextPageToken}`);
    const page2 = second.json<{ items: Array<{ snippet: { position: number } }>; nextPageToken?: string; prevPageToken: string }>();
    expect(page2.items.map((i) => i.snippet.position)).toEqual([5, 6]);
    expect(page2.nextPageToken).toBeUndefined();
    expect((await call('GET', `playlistItems?part=id&playlistId=${playlistId}&maxResults=51`)).status).toBe(400);
    expect(reasonOf(await call('GET', `playlistItems?part=id&playlistId=${playlistId}&pageToken=garbage`))).toBe('invalidPageToken');
    const state = await emu.admin.state();
    expect(state.playlists.find((p) => p.id === playlistId)?.videoIds).toEqual(Array(7).fill(video));
  });

  it("uses YouTube's reasons for bad metadata and missing things", async () => {
    const id = await upload('to update');
    const update = (snippet: Record<string, unknown>, status?: Record<string, unknown>): Promise<Reply> =>
      call('PUT', `videos?part=snippet${status ? ',status' : ''}`, { id, snippet, ...(status ? { status } : {}) });
    expect(reasonOf(await update({ title: 'no category' }))).toBe('invalidCategoryId');
    expect(reasonOf(await update({ title: 't', categoryId: '27', description: 'ẩ'.repeat(1667) }))).toBe('invalidDescription');
    expect((await update({ title: 't', categoryId: '27', description: 'ẩ'.repeat(1666) })).status).toBe(200);
    const tags = Array.from({ length: 50 }, (_, i) => `tag ${String(i).padStart(4, '0')}`); // 50 × (8 + 2) + 49 = 549
    expect(reasonOf(await update({ title: 't', categoryId: '27', tags }))).toBe('invalidTags');
    expect(reasonOf(await update({ title: 't', categoryId: '27' }, { privacyStatus: 'private', publishAt: 'next Monday' }))).toBe('invalidPublishAt');
    expect(reasonOf(await update({ title: 't', categoryId: '27' }, { privacyStatus: 'unlisted', publishAt: '2999-01-01T00:00:00Z' }))).toBe('invalidPublishAt');
    const ok = await update({ title: 'Bé vẽ tranh', categoryId: '27' }, { privacyStatus: 'private', publishAt: '2999-01-01T00:00:00Z', selfDeclaredMadeForKids: true });
    expect(ok.json()).toMatchObject({ snippet: { title: 'Bé vẽ tranh', description: '' }, status: { madeForKids: true, privacyStatus: 'private', publishAt: '2999-01-01T00:00:00.000Z' } });
    const now = await update({ title: 'Bé vẽ tranh', categoryId: '27' }, { privacyStatus: 'private', publishAt: '2001-01-01T00:00:00Z' });
    expect(now.status).toBe(200);
    const published = now.json<{ status: Record<string, unknown> }>().status;
    expect(published.privacyStatus).toBe('public');
    expect(published).not.toHaveProperty('publishAt');
    expect(reasonOf(await call('DELETE', 'videos?id=nope'))).toBe('videoNotFound');
    expect(reasonOf(await call('GET', 'playlistItems?part=id&playlistId=PLnope'))).toBe('playlistNotFound');
    const pl = (await call('POST', 'playlists?part=snippet', { snippet: { title: 'x' } })).json<{ id: string }>().id;
    expect(reasonOf(await call('POST', 'playlistItems?part=snippet', { snippet: { playlistId: pl, resourceId: { kind: 'youtube#video', videoId: 'nope' } } }))).toBe('videoNotFound');
  });

  it('lists the assignable video categories by region or id, at 1 unit a call', async () => {
    type Categories = { kind: string; items: Array<{ kind: string; id: string; etag: string; snippet: { title: string; assignable: boolean; channelId: string } }> };
    const before = await used();
    const region = await call('GET', 'videoCategories?part=snippet&regionCode=VN&hl=vi');
    expect(region.status).toBe(200);
    const all = region.json<Categories>();
    expect(all.kind).toBe('youtube#videoCategoryListResponse');
    expect(all.items).toHaveLength(15);
    expect(all.items.every((c) => c.kind === 'youtube#videoCategory' && c.snippet.assignable && c.etag !== '')).toBe(true);
    expect(all.items.find((c) => c.id === '27')?.snippet.title).toBe('Education');
    expect(all.items.find((c) => c.id === '22')?.snippet.title).toBe('People & Blogs');
    const byId = (await call('GET', 'videoCategories?part=snippet&id=27,1')).json<Categories>();
    expect(byId.items.map((c) => [c.id, c.snippet.title])).toEqual([['27', 'Education'], ['1', 'Film & Animation']]);
    expect(await used()).toBe(before + 2);
    const unknown = await call('GET', 'videoCategories?part=snippet&id=9999');
    expect(unknown.status).toBe(404);
    expect(reasonOf(unknown)).toBe('videoCategoryNotFound');
    expect(reasonOf(await call('GET', 'videoCategories?part=snippet'))).toBe('missingRequiredParameter');
    expect(reasonOf(await call('GET', 'videoCategories?part=snippet&id=27&regionCode=US'))).toBe('incompatibleParameters');
    expect(reasonOf(await call('GET', 'videoCategories?part=contentDetails&regionCode=US'))).toBe('unknownPart');
  });

  it('injects 429 with Retry-After and 503 on API calls', async () => {
    await emu.admin.faults(['api-429:1:7', 'api-503:1']);
    const a = await call('GET', 'channels?part=id&mine=true');
    const b = await call('GET', 'channels?part=id&mine=true');
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([429, 503]);
    const limited = a.status === 429 ? a : b;
    expect(limited.headers['retry-after']).toBe('7');
    expect((await call('GET', 'channels?part=id&mine=true')).status).toBe(200);
  });

  it('charges the documented costs and runs out exactly at the limit', async () => {
    await emu.admin.resetQuota();
    await call('GET', 'channels?part=id&mine=true');
    expect(await used()).toBe(1);
    await call('POST', 'playlists?part=snippet', { snippet: { title: 'cost' } });
    expect(await used()).toBe(51);
    await call('POST', 'playlists?part=snippet', { snippet: {} }); // invalid: still 1
    expect(await used()).toBe(52);
    // Spend down to 50 units left: one more insert fits exactly, the next does not.
    for (let i = 0; i < 17; i++) await call('POST', 'playlists?part=snippet', { snippet: { title: `p${i}` } });
    expect(await used()).toBe(902);
    for (let i = 0; i < 48; i++) await call('GET', 'channels?part=id&mine=true');
    expect(await used()).toBe(950);
    expect((await call('POST', 'playlists?part=snippet', { snippet: { title: 'last' } })).status).toBe(200);
    const over = await call('POST', 'playlists?part=snippet', { snippet: { title: 'over' } });
    expect(over.status).toBe(403);
    expect(over.json()).toMatchObject({ error: { errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }] } });
    expect((await call('GET', 'channels?part=id&mine=true')).status).toBe(403);
    const state = await emu.admin.state();
    expect(state.quota.units).toEqual({ used: 1000, limit: 1000 });
    expect(state.calls['playlists.insert']).toBeGreaterThanOrEqual(21);
  });
});
