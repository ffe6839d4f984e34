import type { Text } from '../index.ts';

/**
 * The video settings of the library (notifySubscribers, license, embeddable, publicStatsViewable,
 * localizations, limitRate), Shorts, and what YouTube did with a video (the read-back).
 */
export const settings = {
  badLimitRate: (p: { value: string }): Text => ({
    vi: `Tốc độ tải lên “${p.value}” không hợp lệ.`,
    en: `The upload rate "${p.value}" is not valid.`,
  }),
  badLimitRateFix: (): Text => ({
    vi: 'Ghi ví dụ limitRate: 2MB/s, hoặc chỉ trong giờ học: limitRate: { rate: 2MB/s, between: "07:00-16:30" }.',
    en: 'Write for example limitRate: 2MB/s, or only during school hours: limitRate: { rate: 2MB/s, between: "07:00-16:30" }.',
  }),
  badWindow: (p: { value: string }): Text => ({
    vi: `Khung giờ “${p.value}” không hợp lệ.`,
    en: `The time window "${p.value}" is not valid.`,
  }),
  badWindowFix: (): Text => ({
    vi: 'Ghi giờ bắt đầu và giờ kết thúc theo đồng hồ của máy, dạng GG:PP-GG:PP, ví dụ "07:00-16:30" (qua nửa đêm: "22:00-06:00").',
    en: 'Give the start and end on the computer\'s clock as HH:MM-HH:MM, e.g. "07:00-16:30" (past midnight: "22:00-06:00").',
  }),
  badLocalizationLang: (p: { lang: string }): Text => ({
    vi: `“${p.lang}” không phải là mã ngôn ngữ.`,
    en: `"${p.lang}" is not a language code.`,
  }),
  badLocalizationLangFix: (): Text => ({
    vi: 'Dùng mã ngôn ngữ BCP 47 như en, fr, zh-Hant.',
    en: 'Use a BCP 47 language code such as en, fr, zh-Hant.',
  }),
  shortThumbnail: (p: { width: number; height: number; seconds: number }): Text => ({
    vi: `Clip này (${p.width}×${p.height}, ${p.seconds} giây) sẽ là video Shorts trên YouTube: hình thu nhỏ tùy chỉnh không được hiển thị cho Shorts.`,
    en: `This clip (${p.width}×${p.height}, ${p.seconds} s) will be a Short on YouTube: a custom thumbnail is not shown for Shorts.`,
  }),
  shortThumbnailFix: (): Text => ({
    vi: 'Bỏ hình thu nhỏ để khỏi tốn hạn mức (50 đơn vị), hoặc dùng clip ngang hay dài hơn 3 phút nếu muốn video thường.',
    en: 'Drop the thumbnail to save quota (50 units), or use a landscape clip or one longer than 3 minutes for a regular video.',
  }),
  short: (p: { width: number; height: number; seconds: number }): Text => ({
    vi: `Shorts (${p.width}×${p.height}, ${p.seconds} giây)`,
    en: `Short (${p.width}×${p.height}, ${p.seconds} s)`,
  }),
  noNotification: (): Text => ({
    vi: 'không thông báo cho người đăng ký',
    en: 'no notification to subscribers',
  }),
  creativeCommon: (): Text => ({
    vi: 'giấy phép Creative Commons',
    en: 'Creative Commons licence',
  }),
  notEmbeddable: (): Text => ({
    vi: 'không cho phép nhúng',
    en: 'not embeddable',
  }),
  statsHidden: (): Text => ({
    vi: 'ẩn số liệu thống kê',
    en: 'statistics hidden',
  }),
  localizations: (p: { langs: readonly string[] }): Text => ({
    vi: `bản dịch: ${p.langs.join(', ')}`,
    en: `localizations: ${p.langs.join(', ')}`,
  }),
  findingMadeForKids: (): Text => ({
    vi: 'YouTube đã đặt video là “dành cho trẻ em”, khác với khai báo của trường.',
    en: 'YouTube set the video as "made for kids", unlike the school\'s declaration.',
  }),
  findingNotMadeForKids: (): Text => ({
    vi: 'YouTube đã đặt video là “không dành cho trẻ em”, khác với khai báo của trường.',
    en: 'YouTube set the video as "not made for kids", unlike the school\'s declaration.',
  }),
  findingPrivacy: (p: { expected: string; actual: string }): Text => ({
    vi: `Quyền riêng tư trên YouTube là ${privacyVi(p.actual)}, không phải ${privacyVi(p.expected)} như đã gửi.`,
    en: `Its privacy on YouTube is ${p.actual}, not ${p.expected} as sent.`,
  }),
  findingPublishAt: (p: { expected: string; actual: string }): Text => ({
    vi: `Lịch công khai trên YouTube là ${p.actual || '(không có)'}, không phải ${p.expected || '(không có)'} như đã gửi.`,
    en: `Its scheduled publish time on YouTube is ${p.actual || '(none)'}, not ${p.expected || '(none)'} as sent.`,
  }),
  findingPlaylist: (p: { key: string }): Text => ({
    vi: `Video không còn trong danh sách phát ${p.key} trên YouTube (có người đã gỡ ra): sẽ được thêm lại.`,
    en: `The video is no longer in the playlist ${p.key} on YouTube (someone took it out): it is added again.`,
  }),
  findingRejected: (p: { reason: string }): Text => ({
    vi: `YouTube đã từ chối video (lý do: ${p.reason}).`,
    en: `YouTube rejected the video (reason: ${p.reason}).`,
  }),
  findingFailed: (p: { reason: string }): Text => ({
    vi: `YouTube không xử lý được video (lý do: ${p.reason}).`,
    en: `YouTube failed to process the video (reason: ${p.reason}).`,
  }),
  findingLine: (p: { file: string; videoId: string; finding: Text }): Text => ({
    vi: `${p.file} (${p.videoId}): ${p.finding.vi}`,
    en: `${p.file} (${p.videoId}): ${p.finding.en}`,
  }),
  findingsTitle: (): Text => ({
    vi: 'YouTube đã làm khác với những gì đã gửi:',
    en: 'What YouTube did differently from what was sent:',
  }),
  findingsHint: (): Text => ({
    vi: 'Mở video trong YouTube Studio để xem và sửa; “happytube status” liệt kê lại các khác biệt này.',
    en: 'Open the video in YouTube Studio to see and fix it; "happytube status" lists these differences again.',
  }),
  processingTitle: (p: { n: number }): Text => ({
    vi: `${p.n} video YouTube vẫn đang xử lý: lần đồng bộ sau sẽ kiểm tra lại.`,
    en: `${p.n} video(s) still processing on YouTube: the next sync checks them again.`,
  }),
  notConfirmed: (p: { videoId: string }): Text => ({
    vi: `Máy chủ tải lên trả về video ${p.videoId}, nhưng kênh YouTube không có video này: chưa ghi là đã đăng.`,
    en: `The upload server answered with video ${p.videoId}, but the YouTube channel has no such video: it is not recorded as published.`,
  }),
  notConfirmedHint: (): Text => ({
    vi: 'Chạy lại “happytube sync”: clip sẽ được tải lên lại từ đầu. Nếu lặp lại, kiểm tra địa chỉ máy chủ (HAPPYTUBE_API_ROOT).',
    en: 'Run "happytube sync" again: the clip is uploaded again from the start. If it happens again, check the server address (HAPPYTUBE_API_ROOT).',
  }),
  /** After a plan's update label: the library's keys that change on YouTube. */
  changes: (p: { fields: readonly string[] }): Text => ({
    vi: `thay đổi: ${p.fields.join(', ')}`,
    en: `changes: ${p.fields.join(', ')}`,
  }),
  /** After a plan's upload label. */
  noNotificationNote: (): Text => ({
    vi: 'không thông báo cho người đăng ký',
    en: 'subscribers not notified',
  }),
  statusProcessingTitle: (): Text => ({
    vi: 'YouTube vẫn đang xử lý (lần đồng bộ sau sẽ kiểm tra lại):',
    en: 'Still processing on YouTube (the next sync checks again):',
  }),
  statusShortsTitle: (): Text => ({
    vi: 'Video Shorts (dọc hoặc vuông, tối đa 3 phút):',
    en: 'Shorts (vertical or square, 3 minutes or less):',
  }),
} as const;

function privacyVi(privacy: string): string {
  return privacy === 'public' ? 'Công khai' : privacy === 'unlisted' ? 'Không công khai' : privacy === 'private' ? 'Riêng tư' : privacy;
}
