import type { Text } from '../index.ts';

/** The resumable uploader and YouTube's refusals. */
export const upload = {
  badRate: (p: { value: string }): Text => ({
    vi: `Tốc độ "${p.value}" không hợp lệ.`,
    en: `The rate "${p.value}" is not valid.`,
  }),
  badRateHint: (): Text => ({
    vi: 'Ghi một số dương, có thể kèm đơn vị: 500k, 2M, 1.5MB (k = 1024 byte/giây, M = 1024 k, G = 1024 M).',
    en: 'Give a positive number, optionally with a unit: 500k, 2M, 1.5MB (k = 1024 bytes/s, M = 1024 k, G = 1024 M).',
  }),
  badChunkSize: (p: { value: number }): Text => ({
    vi: `Kích thước phần tải lên ${p.value} byte không hợp lệ: phải là bội số dương của 256 KiB (262144 byte).`,
    en: `The chunk size ${p.value} bytes is not valid: it must be a positive multiple of 256 KiB (262144 bytes).`,
  }),
  badChunkSizeHint: (): Text => ({
    vi: 'Dùng ví dụ 8388608 (8 MiB), hoặc bỏ tùy chọn này để gửi cả tệp trong một lần (nhanh nhất).',
    en: 'Use for example 8388608 (8 MiB), or leave the option out to send the whole file in one request (fastest).',
  }),
  emptyFile: (p: { file: string }): Text => ({
    vi: `Tệp "${p.file}" rỗng (0 byte): YouTube không nhận video rỗng.`,
    en: `The file "${p.file}" is empty (0 bytes): YouTube does not accept an empty video.`,
  }),
  emptyFileHint: (): Text => ({
    vi: 'Chép lại tệp từ máy quay hoặc điện thoại rồi chạy lại.',
    en: 'Copy the file again from the camera or phone, then run again.',
  }),
  fileShrank: (p: { file: string; expected: number; got: number }): Text => ({
    vi: `Tệp "${p.file}" đã thay đổi trong lúc tải lên: chờ ${p.expected} byte nhưng chỉ đọc được ${p.got} byte.`,
    en: `The file "${p.file}" changed during the upload: expected ${p.expected} bytes but could read only ${p.got}.`,
  }),
  fileShrankHint: (): Text => ({
    vi: 'Đừng sửa hay chép đè tệp khi đang tải lên; chạy lại lệnh, việc tải sẽ bắt đầu lại từ đầu.',
    en: 'Do not edit or overwrite the file while it uploads; run the command again and the upload starts over.',
  }),
  retriesExhausted: (p: { file: string; attempts: number; reason: string }): Text => ({
    vi: `Chưa tải xong "${p.file}": thử lại ${p.attempts} lần vẫn lỗi (${p.reason}). Phiên tải lên đã được lưu.`,
    en: `"${p.file}" is not fully uploaded: ${p.attempts} attempts failed (${p.reason}). The upload session is saved.`,
  }),
  retriesExhaustedHint: (): Text => ({
    vi: 'Kiểm tra kết nối mạng rồi chạy lại lệnh: việc tải sẽ tiếp tục từ chỗ đã dừng, không gửi lại phần đã xong.',
    en: 'Check the network connection and run the command again: the upload continues where it stopped, without sending again what already arrived.',
  }),
  retryTooLate: (p: { file: string; seconds: number }): Text => ({
    vi: `YouTube yêu cầu chờ ${p.seconds} giây trước khi tải tiếp "${p.file}". Phiên tải lên đã được lưu.`,
    en: `YouTube asks to wait ${p.seconds} seconds before continuing "${p.file}". The upload session is saved.`,
  }),
  retryTooLateHint: (): Text => ({
    vi: 'Chạy lại lệnh sau khoảng thời gian đó: việc tải sẽ tiếp tục từ chỗ đã dừng.',
    en: 'Run the command again after that time: the upload continues where it stopped.',
  }),
  interrupted: (p: { file: string; sent: number; total: number }): Text => ({
    vi: `Đã dừng tải "${p.file}" theo yêu cầu (${p.sent}/${p.total} byte đã gửi). Phiên tải lên đã được lưu.`,
    en: `Stopped uploading "${p.file}" on request (${p.sent}/${p.total} bytes sent). The upload session is saved.`,
  }),
  interruptedHint: (): Text => ({
    vi: 'Chạy lại lệnh để tải tiếp từ chỗ đã dừng.',
    en: 'Run the command again to continue from where it stopped.',
  }),
  authRejected: (p: { file: string }): Text => ({
    vi: `YouTube từ chối quyền truy cập khi đang tải "${p.file}", kể cả sau khi làm mới mã truy cập. Phiên tải lên đã được lưu.`,
    en: `YouTube refused access while uploading "${p.file}", even after refreshing the access token. The upload session is saved.`,
  }),
  authRejectedHint: (): Text => ({
    vi: 'Đăng nhập lại bằng "happytube auth login", rồi chạy lại lệnh: việc tải sẽ tiếp tục từ chỗ đã dừng.',
    en: 'Sign in again with "happytube auth login", then run the command again: the upload continues where it stopped.',
  }),
  noSessionUri: (p: { status: number }): Text => ({
    vi: `YouTube không trả về địa chỉ phiên tải lên (HTTP ${p.status}, thiếu tiêu đề Location).`,
    en: `YouTube returned no upload session address (HTTP ${p.status}, no Location header).`,
  }),
  badVideoResponse: (p: { status: number }): Text => ({
    vi: `YouTube báo đã nhận xong tệp (HTTP ${p.status}) nhưng không trả về video hợp lệ.`,
    en: `YouTube reported the upload complete (HTTP ${p.status}) but returned no valid video.`,
  }),
  protocolHint: (): Text => ({
    vi: 'Chạy lại lệnh sau ít phút; nếu vẫn lỗi, chạy với --verbose và báo lỗi kèm phần in ra.',
    en: 'Run the command again in a few minutes; if it fails again, run it with --verbose and report the output.',
  }),
  apiError: (p: { status: number; reason: string; message: string }): Text => ({
    vi: `YouTube từ chối yêu cầu (HTTP ${p.status}, ${p.reason}): ${p.message}`,
    en: `YouTube refused the request (HTTP ${p.status}, ${p.reason}): ${p.message}`,
  }),
  quotaExceededHint: (): Text => ({
    vi: 'Hạn mức API của ngày đã hết. Hạn mức đặt lại lúc nửa đêm giờ Thái Bình Dương (14:00 hoặc 15:00 giờ Việt Nam); chạy lại lệnh sau giờ đó.',
    en: "The day's API quota is used up. It resets at midnight Pacific time (14:00 or 15:00 in Vietnam); run the command again after that.",
  }),
  uploadLimitHint: (): Text => ({
    vi: 'Kênh đã đạt giới hạn số video được tải lên trong ngày. Chờ 24 giờ rồi chạy lại lệnh.',
    en: "The channel reached YouTube's daily upload limit. Wait 24 hours, then run the command again.",
  }),
  unauthorizedHint: (): Text => ({
    vi: 'Đăng nhập lại bằng "happytube auth login".',
    en: 'Sign in again with "happytube auth login".',
  }),
  forbiddenHint: (): Text => ({
    vi: 'Tài khoản đăng nhập không có quyền làm việc này trên kênh; kiểm tra đúng kênh và đúng hồ sơ (--profile).',
    en: 'The signed-in account may not do this on the channel; check that it is the right channel and profile (--profile).',
  }),
  invalidRequestHint: (): Text => ({
    vi: 'Sửa tiêu đề, mô tả, thẻ hoặc tùy chọn của clip theo lý do trên (xem "happytube check"), rồi chạy lại.',
    en: 'Fix the title, description, tags or options of the clip as the reason above says (see "happytube check"), then run again.',
  }),
};
