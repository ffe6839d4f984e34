import type { Text } from '../index.ts';
import { formatBytes, formatHour, formatInteger } from '../format.ts';

const vi = (n: number): string => formatInteger(n, 'vi');
const en = (n: number): string => formatInteger(n, 'en');

/** YouTube's refusals a school meets, in words; the reason code and YouTube's English message show under --verbose. */
const API_REASONS_VI: Record<string, string> = {
  quotaExceeded: 'YouTube từ chối: hạn mức hôm nay đã dùng hết.',
  dailyLimitExceeded: 'YouTube từ chối: hạn mức hôm nay đã dùng hết.',
  uploadLimitExceeded: 'YouTube từ chối: kênh đã tải lên số video tối đa cho phép trong ngày.',
  rateLimitExceeded: 'YouTube từ chối: có quá nhiều yêu cầu trong thời gian ngắn.',
  userRateLimitExceeded: 'YouTube từ chối: có quá nhiều yêu cầu trong thời gian ngắn.',
  invalidTitle: 'YouTube không nhận tiêu đề của video.',
  invalidDescription: 'YouTube không nhận phần mô tả của video.',
  invalidTags: 'YouTube không nhận các thẻ của video.',
  invalidCategoryId: 'YouTube không nhận danh mục của video.',
  invalidPublishAt: 'YouTube không nhận thời gian lên lịch của video.',
  invalidRecordingDetails: 'YouTube không nhận ngày quay của video.',
  invalidVideoMetadata: 'YouTube không nhận thông tin của video.',
  mediaBodyRequired: 'YouTube không nhận được nội dung tệp video.',
  forbidden: 'YouTube từ chối: tài khoản đang đăng nhập không có quyền làm việc này.',
  insufficientPermissions: 'YouTube từ chối: lần đăng nhập chưa cấp đủ quyền.',
  authError: 'YouTube từ chối: lần đăng nhập không còn dùng được.',
  videoNotFound: 'YouTube không tìm thấy video này trên kênh.',
  playlistNotFound: 'YouTube không tìm thấy danh sách phát này trên kênh.',
  playlistItemNotFound: 'YouTube không tìm thấy video này trong danh sách phát.',
  playlistContainsMaximumNumberOfVideos: 'Danh sách phát đã đủ số video tối đa YouTube cho phép.',
  videoAlreadyInPlaylist: 'Video đã có trong danh sách phát này.',
  channelNotFound: 'YouTube không tìm thấy kênh của tài khoản đang đăng nhập.',
  uploadRateLimitExceeded: 'YouTube từ chối: kênh tải lên quá nhiều video trong thời gian ngắn.',
  mediaTypeNotSupported: 'YouTube không nhận loại tệp này.',
};

/** The resumable uploader and YouTube's refusals. */
export const upload = {
  badRate: (p: { value: string }): Text => ({
    vi: `Tốc độ “${p.value}” không dùng được.`,
    en: `The rate "${p.value}" is not valid.`,
  }),
  badRateHint: (): Text => ({
    vi: 'Ghi một số lớn hơn 0, có thể kèm đơn vị: 500k, 2M, 1,5MB (k = 1.024 byte mỗi giây, M = 1.024 k, G = 1.024 M); chỉ giới hạn trong một khung giờ: 2M@07:00-16:30.',
    en: 'Give a positive number, optionally with a unit: 500k, 2M, 1.5MB (k = 1024 bytes/s, M = 1024 k, G = 1024 M); to limit only during some hours: 2M@07:00-16:30.',
  }),
  badChunkSize: (p: { value: number }): Text => ({
    vi: `Kích thước mỗi phần tải lên ${vi(p.value)} byte không dùng được: phải là bội số của 256 KiB (${vi(262144)} byte).`,
    en: `The chunk size ${en(p.value)} bytes is not valid: it must be a positive multiple of 256 KiB (${en(262144)} bytes).`,
  }),
  badChunkSizeHint: (): Text => ({
    vi: 'Dùng ví dụ 8388608 (8 MiB), hoặc bỏ tùy chọn này để gửi cả tệp một lần (nhanh nhất).',
    en: 'Use for example 8388608 (8 MiB), or leave the option out to send the whole file in one request (fastest).',
  }),
  emptyFile: (p: { file: string }): Text => ({
    vi: `Tệp “${p.file}” rỗng (0 byte): YouTube không nhận video rỗng.`,
    en: `The file "${p.file}" is empty (0 bytes): YouTube does not accept an empty video.`,
  }),
  emptyFileHint: (): Text => ({
    vi: 'Chép lại tệp từ máy quay hoặc điện thoại rồi chạy lại.',
    en: 'Copy the file again from the camera or phone, then run again.',
  }),
  fileShrank: (p: { file: string; expected: number; got: number }): Text => ({
    vi: `Tệp “${p.file}” đã thay đổi trong lúc tải lên: cần ${formatBytes(p.expected, 'vi')} nhưng chỉ đọc được ${formatBytes(p.got, 'vi')}.`,
    en: `The file "${p.file}" changed during the upload: expected ${en(p.expected)} bytes but could read only ${en(p.got)}.`,
  }),
  fileShrankHint: (): Text => ({
    vi: 'Đừng sửa hay chép đè tệp khi đang tải lên; chạy lại lệnh, việc tải sẽ bắt đầu lại từ đầu.',
    en: 'Do not edit or overwrite the file while it uploads; run the command again and the upload starts over.',
  }),
  retriesExhausted: (p: { file: string; attempts: number; reason: string }): Text => ({
    vi: `Chưa tải xong “${p.file}”: đã thử ${p.attempts} lần mà mạng hoặc YouTube vẫn trục trặc. Phần đã tải lên được giữ lại.`,
    en: `"${p.file}" is not fully uploaded: ${p.attempts} attempts failed (${p.reason}). The upload session is saved.`,
  }),
  retriesExhaustedHint: (): Text => ({
    vi: 'Kiểm tra kết nối mạng rồi chạy lại lệnh: việc tải sẽ tiếp tục từ chỗ đã dừng, không gửi lại phần đã xong.',
    en: 'Check the network connection and run the command again: the upload continues where it stopped, without sending again what already arrived.',
  }),
  fileChanged: (p: { file: string }): Text => ({
    vi: `Tệp “${p.file}” đang thay đổi (kích thước hoặc thời gian sửa đổi khác đi): có lẽ vẫn đang được chép từ điện thoại hay thẻ nhớ máy quay. Video này chưa được đăng.`,
    en: `The file "${p.file}" is changing (its size or modification time differ): it is probably still being copied from a phone or a camera card. This video was not published.`,
  }),
  fileChangedHint: (): Text => ({
    vi: 'Chờ chép xong tệp rồi chạy lại lệnh: tệp sẽ được tải lên từ đầu.',
    en: 'Wait for the copy to finish, then run the command again: the file is uploaded from the start.',
  }),
  sessionBusy: (p: { file: string; minutes: number }): Text => ({
    vi: `YouTube vẫn coi phiên tải lên của “${p.file}” là đang bận sau ${p.minutes} phút chờ (kết nối trước chưa được đóng phía YouTube). Phiên tải lên đã được lưu.`,
    en: `YouTube still reports the upload session of "${p.file}" as busy after waiting ${p.minutes} minutes (the previous connection is not yet closed on its side). The upload session is saved.`,
  }),
  sessionBusyHint: (): Text => ({
    vi: 'Chạy lại lệnh sau ít phút: việc tải sẽ tiếp tục trên cùng phiên đó, không tốn thêm lượt tải lên trong hạn mức của ngày.',
    en: "Run the command again in a few minutes: the upload continues on the same session, without spending another upload from the day's quota.",
  }),
  retryTooLate: (p: { file: string; seconds: number }): Text => ({
    vi: `YouTube yêu cầu chờ ${vi(p.seconds)} giây rồi mới tải tiếp “${p.file}”. Phần đã tải lên được giữ lại.`,
    en: `YouTube asks to wait ${en(p.seconds)} seconds before continuing "${p.file}". The upload session is saved.`,
  }),
  retryTooLateHint: (): Text => ({
    vi: 'Chạy lại lệnh sau khoảng thời gian đó: việc tải sẽ tiếp tục từ chỗ đã dừng.',
    en: 'Run the command again after that time: the upload continues where it stopped.',
  }),
  interrupted: (p: { file: string; sent: number; total: number }): Text => ({
    vi: `Đã dừng tải “${p.file}” theo yêu cầu (đã gửi ${formatBytes(p.sent, 'vi')} trên ${formatBytes(p.total, 'vi')}). Phần đã tải lên được giữ lại.`,
    en: `Stopped uploading "${p.file}" on request (${en(p.sent)}/${en(p.total)} bytes sent). The upload session is saved.`,
  }),
  interruptedHint: (): Text => ({
    vi: 'Chạy lại lệnh để tải tiếp từ chỗ đã dừng.',
    en: 'Run the command again to continue from where it stopped.',
  }),
  authRejected: (p: { file: string }): Text => ({
    vi: `YouTube không cho tải tiếp “${p.file}” vì lần đăng nhập không còn dùng được. Phần đã tải lên được giữ lại.`,
    en: `YouTube refused access while uploading "${p.file}", even after refreshing the access token. The upload session is saved.`,
  }),
  authRejectedHint: (): Text => ({
    vi: 'Đăng nhập lại bằng “happytube auth login”, rồi chạy lại lệnh: việc tải sẽ tiếp tục từ chỗ đã dừng.',
    en: 'Sign in again with "happytube auth login", then run the command again: the upload continues where it stopped.',
  }),
  noSessionUri: (p: { status: number }): Text => ({
    vi: 'YouTube chưa mở được lượt tải lên (câu trả lời của YouTube thiếu thông tin cần thiết).',
    en: `YouTube returned no upload session address (HTTP ${p.status}, no Location header).`,
  }),
  badVideoResponse: (p: { status: number }): Text => ({
    vi: 'YouTube báo đã nhận xong tệp nhưng không gửi lại thông tin của video.',
    en: `YouTube reported the upload complete (HTTP ${p.status}) but returned no valid video.`,
  }),
  protocolHint: (): Text => ({
    vi: 'Chạy lại lệnh sau ít phút; nếu vẫn lỗi, chạy thêm tùy chọn --verbose và gửi toàn bộ phần in ra cho người hỗ trợ kỹ thuật.',
    en: 'Run the command again in a few minutes; if it fails again, run it with --verbose and report the output.',
  }),
  apiError: (p: { status: number; reason: string; message: string }): Text => ({
    vi: API_REASONS_VI[p.reason] ?? (p.message === '' ? 'YouTube từ chối yêu cầu.' : `YouTube từ chối yêu cầu (lời YouTube, bằng tiếng Anh: “${p.message}”).`),
    en: `YouTube refused the request (HTTP ${p.status}, ${p.reason}): ${p.message}`,
  }),
  quotaExceededHint: (): Text => ({
    vi: `Hạn mức được làm mới lúc nửa đêm giờ Thái Bình Dương: ${formatHour(15, 'vi')} giờ Việt Nam, hoặc ${formatHour(14, 'vi')} khi nước Mỹ dùng giờ mùa hè. Chạy lại lệnh sau giờ đó.`,
    en: "The day's API quota is used up. It resets at midnight Pacific time (14:00 or 15:00 in Vietnam); run the command again after that.",
  }),
  uploadLimitHint: (): Text => ({
    vi: 'Kênh đã tải lên số video tối đa YouTube cho phép trong một ngày. Chờ 24 giờ rồi chạy lại lệnh.',
    en: "The channel reached YouTube's daily upload limit. Wait 24 hours, then run the command again.",
  }),
  unauthorizedHint: (): Text => ({
    vi: 'Đăng nhập lại bằng “happytube auth login”.',
    en: 'Sign in again with "happytube auth login".',
  }),
  forbiddenHint: (): Text => ({
    vi: 'Tài khoản đăng nhập không có quyền làm việc này trên kênh; kiểm tra đúng kênh và đúng hồ sơ (--profile).',
    en: 'The signed-in account may not do this on the channel; check that it is the right channel and profile (--profile).',
  }),
  invalidRequestHint: (): Text => ({
    vi: 'Sửa tiêu đề, mô tả, thẻ hoặc tùy chọn của clip theo lý do ở trên (xem “happytube check”), rồi chạy lại.',
    en: 'Fix the title, description, tags or options of the clip as the reason above says (see "happytube check"), then run again.',
  }),
};
