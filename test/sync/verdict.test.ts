/** The verdict on a video (src/sync/verdict.ts): plain values in, findings out. */
import { describe, expect, it } from 'vitest';
import { newFindings, sameVerdict, verdictOf } from '../../src/sync/verdict.ts';

const AT = '2026-12-06T12:00:00.000Z';
const sent = { privacyStatus: 'public', selfDeclaredMadeForKids: false };

describe('verdictOf', () => {
  it('after an upload: what YouTube did not take, and what it decided', () => {
    const v = verdictOf({ privacy: 'private', publishAt: undefined, madeForKids: true, selfDeclaredMadeForKids: false, uploadStatus: 'processed' }, AT, { sent });
    expect(v).toEqual({
      checkedAt: AT,
      processing: false,
      findings: [
        { field: 'madeForKids', expected: 'false', actual: 'true' },
        { field: 'privacy', expected: 'public', actual: 'private' },
      ],
    });
  });

  it('a scheduled time is compared as a time, and a processing video is left for the next run', () => {
    const scheduled = { privacyStatus: 'private', publishAt: '2027-01-01T12:00:00.000Z', selfDeclaredMadeForKids: false };
    const v = verdictOf({ privacy: 'private', publishAt: '2027-01-01T12:00:00Z', uploadStatus: 'uploaded', processingStatus: 'processing' }, AT, { sent: scheduled });
    expect(v).toEqual({ checkedAt: AT, processing: true, findings: [] });
  });

  it('on a later run, keeps the privacy found at the upload only while the video still shows it', () => {
    const first = verdictOf({ privacy: 'private', publishAt: undefined }, AT, { sent });
    const still = verdictOf({ privacy: 'private', publishAt: undefined }, AT, { previous: first, declared: false });
    expect(sameVerdict(first, still)).toBe(true);
    const fixed = verdictOf({ privacy: 'public', publishAt: undefined }, AT, { previous: first, declared: false });
    expect(fixed.findings).toEqual([]);
    expect(sameVerdict(first, fixed)).toBe(false);
  });

  it('a rejection found later is new; the same one again is not', () => {
    const before = verdictOf({ privacy: 'unlisted', publishAt: undefined, uploadStatus: 'uploaded' }, AT, { previous: undefined, declared: false });
    const rejected = verdictOf({ privacy: 'unlisted', publishAt: undefined, uploadStatus: 'rejected', rejectionReason: 'duplicate' }, AT, { previous: before, declared: false });
    expect(newFindings(before, rejected)).toEqual([{ field: 'uploadStatus', expected: 'processed', actual: 'rejected', reason: 'duplicate' }]);
    expect(newFindings(rejected, rejected)).toEqual([]);
    const failed = verdictOf({ privacy: 'unlisted', publishAt: undefined, uploadStatus: 'failed', failureReason: 'codec' }, AT, { previous: undefined, declared: false });
    expect(failed.findings).toEqual([{ field: 'uploadStatus', expected: 'processed', actual: 'failed', reason: 'codec' }]);
  });
});
