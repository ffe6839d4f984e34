/** The pure parts of the report's model building: `--since` dates and YouTube's statuses merged. */
import { describe, expect, it } from 'vitest';
import { parseSince, processingStatusOf, toLiveVideo } from '../../src/report/build.ts';

describe('parseSince', () => {
  it('takes YYYY-MM-DD as the start of that day in the library time zone', () => {
    expect(parseSince('2024-11-01')?.toISOString()).toBe('2024-10-31T17:00:00.000Z'); // Asia/Ho_Chi_Minh, +07:00
    expect(parseSince('2024-11-01', 'UTC')?.toISOString()).toBe('2024-11-01T00:00:00.000Z');
    // across a daylight-saving change: New York is at -04:00 on 1 Nov and -05:00 on 4 Nov 2024
    expect(parseSince('2024-11-01', 'America/New_York')?.toISOString()).toBe('2024-11-01T04:00:00.000Z');
    expect(parseSince('2024-11-04', 'America/New_York')?.toISOString()).toBe('2024-11-04T05:00:00.000Z');
  });

  it('takes a full ISO 8601 instant with its zone, and refuses anything else', () => {
    expect(parseSince('2024-11-01T08:30:00+07:00')?.toISOString()).toBe('2024-11-01T01:30:00.000Z');
    for (const bad of ['2024-02-30', '2024-13-01', '01/11/2024', 'yesterday', '2024-11-01T08:30', '']) expect(parseSince(bad)).toBeUndefined();
  });
});

describe('the status of a video', () => {
  it('puts a refusal first, then processing, then the upload', () => {
    expect(processingStatusOf({ status: { uploadStatus: 'rejected' }, processingDetails: { processingStatus: 'succeeded' } })).toBe('rejected');
    expect(processingStatusOf({ status: { uploadStatus: 'uploaded' }, processingDetails: { processingStatus: 'processing' } })).toBe('processing');
    expect(processingStatusOf({ status: { uploadStatus: 'processed' } })).toBe('processed');
    expect(processingStatusOf({})).toBeUndefined();
  });

  it('reads views, privacy, the recording date and the channel', () => {
    const live = toLiveVideo({
      id: 'abc',
      snippet: { title: 'Bé vẽ', publishedAt: '2024-11-20T12:00:00Z', channelId: 'UC1', channelTitle: 'Kênh' },
      status: { privacyStatus: 'unlisted', uploadStatus: 'processed' },
      statistics: { viewCount: '42' },
      recordingDetails: { recordingDate: '2024-11-19T00:00:00Z' },
    });
    expect(live).toEqual({
      id: 'abc',
      title: 'Bé vẽ',
      publishedAt: new Date('2024-11-20T12:00:00Z'),
      privacy: 'unlisted',
      processingStatus: 'processed',
      views: 42,
      recordingDate: '2024-11-19',
      channel: { id: 'UC1', title: 'Kênh' },
      status: expect.objectContaining({ privacy: 'unlisted', uploadStatus: 'processed' }) as unknown,
    });
  });
});
