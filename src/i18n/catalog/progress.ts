import type { Text } from '../index.ts';

/**
 * What the CLI draws while sync or upload runs (bars, plain lines, the summary), and the words of
 * the `happytube upload` command.
 */
export const progress = {
  // Sizes, speeds and durations: numbers are formatted by src/cli/progress/format.ts.
  seconds: (p: { n: string }): Text => ({ vi: `${p.n} giây`, en: `${p.n} s` }),
  minutes: (p: { n: string }): Text => ({ vi: `${p.n} phút`, en: `${p.n} min` }),
  hoursMinutes: (p: { h: string; m: string }): Text => ({ vi: `${p.h} giờ ${p.m} phút`, en: `${p.h} h ${p.m} min` }),
  timeLeft: (p: { duration: Text }): Text => ({ vi: `còn ${p.duration.vi}`, en: `${p.duration.en} left` }),
  timeLeftUnknown: (): Text => ({ vi: 'đang ước tính', en: 'estimating' }),
  perSecond: (p: { size: string }): Text => ({ vi: `${p.size}/giây`, en: `${p.size}/s` }),

  // Lines and bars.
  started: (p: { label: Text }): Text => ({ vi: `→ ${p.label.vi}`, en: `→ ${p.label.en}` }),
  done: (p: { label: Text }): Text => ({ vi: `✓ ${p.label.vi}`, en: `✓ ${p.label.en}` }),
  doneUrl: (p: { label: Text; url: string }): Text => ({ vi: `✓ ${p.label.vi}: ${p.url}`, en: `✓ ${p.label.en}: ${p.url}` }),
  failed: (p: { label: Text; error: Text }): Text => ({ vi: `✗ ${p.label.vi}: ${p.error.vi}`, en: `✗ ${p.label.en}: ${p.error.en}` }),
  youtubeReason: (p: { reason: string }): Text => ({ vi: `(YouTube: ${p.reason})`, en: `(YouTube: ${p.reason})` }),
  uploadLine: (p: { label: Text; percent: number; sent: string; total: string; speed: Text; left: Text }): Text => ({
    vi: `  ${p.label.vi}: ${p.percent}% (${p.sent} / ${p.total}, ${p.speed.vi}, ${p.left.vi})`,
    en: `  ${p.label.en}: ${p.percent}% (${p.sent} of ${p.total}, ${p.speed.en}, ${p.left.en})`,
  }),
  barFile: (p: { name: string; bar: string; percent: number; sent: string; total: string; speed: Text; left: Text }): Text => ({
    vi: `${p.name} ${p.bar} ${p.percent}% ${p.sent}/${p.total} · ${p.speed.vi} · ${p.left.vi}`,
    en: `${p.name} ${p.bar} ${p.percent}% ${p.sent}/${p.total} · ${p.speed.en} · ${p.left.en}`,
  }),
  barTotal: (p: { bar: string; percent: number; sent: string; total: string; speed: Text; left: Text; files: number }): Text => ({
    vi: `Tổng (${p.files} tệp) ${p.bar} ${p.percent}% ${p.sent}/${p.total} · ${p.speed.vi} · ${p.left.vi}`,
    en: `Total (${p.files} ${p.files === 1 ? 'file' : 'files'}) ${p.bar} ${p.percent}% ${p.sent}/${p.total} · ${p.speed.en} · ${p.left.en}`,
  }),
  retry: (p: { label: Text; attempt: number; delay: Text; reason: string }): Text => ({
    vi: `  ${p.label.vi}: lỗi tạm thời (${p.reason}), thử lại lần ${p.attempt} sau ${p.delay.vi}.`,
    en: `  ${p.label.en}: temporary failure (${p.reason}), retry ${p.attempt} in ${p.delay.en}.`,
  }),
  resumed: (p: { label: Text; percent: number; sent: string; total: string }): Text => ({
    vi: `  ${p.label.vi}: tải tiếp từ ${p.percent}% (${p.sent} / ${p.total} đã gửi ở lần trước).`,
    en: `  ${p.label.en}: resuming from ${p.percent}% (${p.sent} of ${p.total} sent by an earlier run).`,
  }),
  quotaStop: (p: { bucket: 'units' | 'uploads' }): Text =>
    p.bucket === 'uploads'
      ? {
          vi: 'Đã hết lượt tải video lên của hôm nay: làm nốt việc đang dở rồi dừng.',
          en: "Today's video upload limit is reached: finishing what is in flight, then stopping.",
        }
      : {
          vi: 'Đã hết hạn mức YouTube của hôm nay: làm nốt việc đang dở rồi dừng.',
          en: "Today's YouTube quota is used up: finishing what is in flight, then stopping.",
        },

  // The summary.
  summaryTitle: (): Text => ({ vi: 'Kết quả:', en: 'Summary:' }),
  summaryUploaded: (p: { n: number }): Text => ({ vi: `đã tải lên: ${p.n}`, en: `uploaded: ${p.n}` }),
  summaryAdopted: (p: { n: number }): Text => ({ vi: `nhận lại video có sẵn: ${p.n}`, en: `adopted existing videos: ${p.n}` }),
  summaryUpdated: (p: { n: number }): Text => ({ vi: `cập nhật thông tin: ${p.n}`, en: `updated: ${p.n}` }),
  summaryAdded: (p: { n: number }): Text => ({ vi: `thêm vào danh sách phát: ${p.n}`, en: `added to playlists: ${p.n}` }),
  summaryRemoved: (p: { n: number }): Text => ({ vi: `gỡ khỏi danh sách phát: ${p.n}`, en: `removed from playlists: ${p.n}` }),
  summaryPlaylists: (p: { created: number; updated: number }): Text => ({
    vi: `danh sách phát: tạo ${p.created}, cập nhật ${p.updated}`,
    en: `playlists: ${p.created} created, ${p.updated} updated`,
  }),
  summaryThumbnails: (p: { n: number }): Text => ({ vi: `ảnh thu nhỏ: ${p.n}`, en: `thumbnails: ${p.n}` }),
  summaryCaptions: (p: { n: number }): Text => ({ vi: `phụ đề: ${p.n}`, en: `captions: ${p.n}` }),
  summarySkipped: (p: { n: number }): Text => ({ vi: `bỏ qua: ${p.n}`, en: `skipped: ${p.n}` }),
  summaryFailed: (p: { n: number }): Text => ({ vi: `lỗi: ${p.n}`, en: `failed: ${p.n}` }),
  summarySpent: (p: { units: number; uploads: number }): Text => ({
    vi: `hạn mức đã dùng: ${p.units} đơn vị, ${p.uploads} lượt tải video lên`,
    en: `quota spent: ${p.units} ${p.units === 1 ? 'unit' : 'units'}, ${p.uploads} ${p.uploads === 1 ? 'upload' : 'uploads'}`,
  }),
  summaryLeft: (p: { n: number; time: string }): Text => ({
    vi: `Còn ${p.n} clip chưa xong; hạn mức được cấp lại lúc ${p.time} (giờ máy này). Chạy lại lệnh sau giờ đó để làm tiếp.`,
    en: `${p.n} ${p.n === 1 ? 'clip' : 'clips'} left; the quota resets at ${p.time} (local time). Run the command again after that to finish.`,
  }),
  summaryLeftNoQuota: (p: { n: number }): Text => ({
    vi: `Còn ${p.n} clip chưa xong. Chạy lại lệnh để làm tiếp.`,
    en: `${p.n} ${p.n === 1 ? 'clip' : 'clips'} left. Run the command again to finish.`,
  }),
};
