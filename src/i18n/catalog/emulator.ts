import type { Text } from '../index.ts';

/** `happytube emulator`: the local YouTube + Google OAuth server. */
export const emulator = {
  description: (): Text => ({
    vi: 'Chạy một YouTube giả lập trên máy (127.0.0.1) để thử và kiểm thử, không cần tài khoản Google',
    en: 'Serve a local YouTube emulator (127.0.0.1) for trying and testing, no Google account needed',
  }),
  optPort: (): Text => ({ vi: 'cổng lắng nghe (mặc định: một cổng trống bất kỳ)', en: 'port to listen on (default: any free port)' }),
  optQuota: (): Text => ({ vi: 'số đơn vị hạn mức dùng chung mỗi ngày (mặc định 10.000)', en: 'shared quota units a day (default 10000)' }),
  optUploads: (): Text => ({ vi: 'số lần tải video lên mỗi ngày (mặc định 100)', en: 'video uploads a day (default 100)' }),
  optUploadUnits: (): Text => ({
    vi: 'giả lập dự án Google còn dùng một hạn mức chung: mỗi lần tải video lên tốn chừng này đơn vị hạn mức',
    en: 'a Google project still on one quota bucket: each video upload costs this many units of the shared quota',
  }),
  optTokenTtl: (): Text => ({ vi: 'thời hạn của mã truy cập, tính bằng giây (mặc định 3.600)', en: 'access token lifetime in seconds (default 3600)' }),
  optForcePrivate: (): Text => ({
    vi: 'giả lập dự án Google chưa được thẩm định: video tải lên luôn ở chế độ Riêng tư',
    en: 'act as an unverified Google project: uploaded videos land private',
  }),
  optUnverified: (): Text => ({
    vi: 'giả lập kênh chưa xác minh: YouTube không nhận hình thu nhỏ',
    en: 'act as an unverified channel: YouTube refuses thumbnails (403)',
  }),
  optFault: (): Text => ({
    vi: 'gây lỗi có chủ ý, lặp lại được: drop-upload:K, upload-503:N, api-503:N, api-429:N[:GIÂY], api-lost-answer:N[:PHƯƠNG-THỨC], slow:BYTE/GIÂY, stall-upload:K, release, late-notice, notice, stale-status:N, expire-tokens, expire-sessions, quota-exhausted, uploads-exhausted, channel-upload-limit',
    en: 'inject a fault, repeatable: drop-upload:K, upload-503:N, api-503:N, api-429:N[:SECONDS], api-lost-answer:N[:METHOD], slow:BYTES/S, stall-upload:K, release, late-notice, notice, stale-status:N, expire-tokens, expire-sessions, quota-exhausted, uploads-exhausted, channel-upload-limit',
  }),
  /** The first stdout line: scripts read the address from it, so it is the same in both languages. */
  listening: (p: { url: string }): Text => ({ vi: `emulator listening on ${p.url}`, en: `emulator listening on ${p.url}` }),
  howToUse: (p: { url: string }): Text => ({
    vi: `Đặt HAPPYTUBE_API_ROOT=${p.url}/ và HAPPYTUBE_OAUTH_*_URL trỏ tới đây; lấy mã đăng nhập thử bằng POST ${p.url}/__admin/tokens. Nhấn Ctrl-C để dừng.`,
    en: `Point HAPPYTUBE_API_ROOT=${p.url}/ and HAPPYTUBE_OAUTH_*_URL here; get a test sign-in with POST ${p.url}/__admin/tokens. Press Ctrl-C to stop.`,
  }),
  badNumber: (p: { option: string; value: string }): Text => ({
    vi: `Giá trị “${p.value}” của ${p.option} không dùng được: cần một số nguyên từ 0 trở lên.`,
    en: `${p.option} "${p.value}" is not valid: it must be a whole number, 0 or more.`,
  }),
  badNumberFix: (p: { option: string }): Text => ({
    vi: `Ví dụ: ${p.option} 100`,
    en: `For example: ${p.option} 100`,
  }),
  badFault: (p: { spec: string; detail: string }): Text => ({
    vi: `Lỗi giả lập “${p.spec}” viết sai cách ghi.`,
    en: `Fault "${p.spec}" is not valid (${p.detail}).`,
  }),
  badFaultFix: (): Text => ({
    vi: 'Dùng một trong: drop-upload:K, upload-503:N, api-503:N, api-429:N[:GIÂY], api-lost-answer:N[:PHƯƠNG-THỨC], slow:BYTE/GIÂY, stall-upload:K, release, late-notice, notice, stale-status:N, expire-tokens, expire-sessions, quota-exhausted, uploads-exhausted, channel-upload-limit.',
    en: 'Use one of: drop-upload:K, upload-503:N, api-503:N, api-429:N[:SECONDS], api-lost-answer:N[:METHOD], slow:BYTES/S, stall-upload:K, release, late-notice, notice, stale-status:N, expire-tokens, expire-sessions, quota-exhausted, uploads-exhausted, channel-upload-limit.',
  }),
  portBusy: (p: { port: number }): Text => ({
    vi: `Không mở được cổng ${p.port}: cổng đang được dùng.`,
    en: `Cannot listen on port ${p.port}: it is in use.`,
  }),
  portBusyFix: (): Text => ({
    vi: 'Chọn cổng khác bằng --port, hoặc bỏ --port để dùng một cổng trống bất kỳ.',
    en: 'Choose another with --port, or leave --port out to take any free port.',
  }),
};
