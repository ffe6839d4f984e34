import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.ts';
import { allVideos, sampleModel, TRICKY_TITLE } from './fixture.ts';

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const end = text.indexOf('"', i);
        if (end < 0) throw new Error(`unclosed quote at ${i}`);
        field += text.slice(i, end);
        i = end + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const m = /^[^",\r\n]*/.exec(text.slice(i));
      field = m?.[0] ?? '';
      i += field.length;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
}

describe('CSV report', () => {
  const model = sampleModel();
  const csv = renderCsv(model);

  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('parses back to one row per video with its playlist, Vietnamese intact', () => {
    const rows = parseCsv(csv.slice(1));
    const [header, ...body] = rows;
    expect(header).toEqual([
      'Mã danh sách phát',
      'Danh sách phát',
      'Ngày',
      'Tiêu đề',
      'Đường liên kết',
      'Mã video',
      'Thời điểm đăng',
      'Chế độ hiển thị',
      'Trạng thái xử lý',
      'Lượt xem',
    ]);
    const expected = allVideos(model);
    expect(body).toHaveLength(expected.length);
    body.forEach((row, n) => {
      const { playlist, video } = expected[n]!;
      expect(row).toHaveLength(10);
      expect(row[0]).toBe(playlist.key);
      expect(row[1]).toBe(playlist.title);
      expect(row[4]).toBe(`https://www.youtube.com/watch?v=${video.videoId}`);
      expect(row[5]).toBe(video.videoId);
    });
    expect(body[0]).toEqual([
      'muc-dich',
      'Mục đích xây dựng Trường học hạnh phúc',
      '2024-11-20',
      'Hội thi bé khỏe',
      'https://www.youtube.com/watch?v=vid00000001',
      'vid00000001',
      '2024-11-20 19:00',
      'Công khai',
      'Đã xử lý xong',
      '1234',
    ]);
    expect(body[1]?.[3]).toBe('Đón Trung thu cùng bé');
    expect(body[1]?.[7]).toBe('Không công khai');
    expect(body[2]?.[3]).toBe(TRICKY_TITLE);
    expect(body[3]?.slice(7)).toEqual(['Riêng tư', 'Đang xử lý', '']);
  });

  it('keeps a title that looks like a formula from running in a spreadsheet', () => {
    const rows = parseCsv(csv.slice(1));
    const last = rows.at(-1)!;
    expect(last[3]).toBe('\'=Ngày hội "Gia đình hạnh phúc", lớp Lá 1');
    // No date of its own: the day it was published, in Vietnam's time zone.
    expect(last[2]).toBe('2024-11-24');
    expect(last[9]).toBe('0');
  });

  it('writes English headers and labels for an English library', () => {
    const rows = parseCsv(renderCsv(sampleModel({ language: 'en' })).slice(1));
    expect(rows[0]?.[3]).toBe('Title');
    expect(rows[2]?.[7]).toBe('Unlisted');
  });

  it('writes only the header for a library without videos', () => {
    const rows = parseCsv(renderCsv(sampleModel({ playlists: [] })).slice(1));
    expect(rows).toHaveLength(1);
  });
});
