import type { Text } from '../index.ts';

/** The CLI shell: program, global options, generic errors. */
export const cli = {
  programDescription: (): Text => ({
    vi: 'Đăng video của trường lên kênh YouTube: một thư mục clip → các danh sách phát, tải tiếp được khi mất mạng, không bao giờ trùng, trong hạn mức.',
    en: "Publish a school's video clips to its YouTube channel: a folder of clips → playlists, resumable, never duplicated, within quota.",
  }),
  optProfile: (): Text => ({ vi: 'hồ sơ đăng nhập (một hồ sơ = một kênh)', en: 'sign-in profile (one profile = one channel)' }),
  optLang: (): Text => ({ vi: 'ngôn ngữ thông báo: vi hoặc en', en: 'language of messages: vi or en' }),
  optVerbose: (): Text => ({ vi: 'ghi chi tiết (ẩn mọi mã bí mật)', en: 'detailed log (secrets redacted)' }),
  optQuiet: (): Text => ({ vi: 'chỉ in lỗi và kết quả', en: 'print only errors and results' }),
  optNoColor: (): Text => ({ vi: 'không dùng màu', en: 'no colours' }),
  optVersion: (): Text => ({ vi: 'in phiên bản', en: 'print the version' }),
  optHelp: (): Text => ({ vi: 'in hướng dẫn', en: 'print help' }),
  optJson: (): Text => ({ vi: 'in một tài liệu JSON trên stdout', en: 'print one JSON document on stdout' }),
  argDir: (): Text => ({
    vi: 'thư mục thư viện (mặc định: thư mục gần nhất có happytube.yaml)',
    en: 'library folder (default: the nearest folder holding happytube.yaml)',
  }),
  helpCommand: (): Text => ({ vi: 'in hướng dẫn của một lệnh', en: 'print help for a command' }),
  usageTitle: (): Text => ({ vi: 'Cách dùng:', en: 'Usage:' }),
  usageOptions: (): Text => ({ vi: '[tùy chọn]', en: '[options]' }),
  usageCommand: (): Text => ({ vi: '[lệnh]', en: '[command]' }),
  commandsTitle: (): Text => ({ vi: 'Lệnh:', en: 'Commands:' }),
  optionsTitle: (): Text => ({ vi: 'Tùy chọn:', en: 'Options:' }),
  argumentsTitle: (): Text => ({ vi: 'Tham số:', en: 'Arguments:' }),
  usageError: (p: { detail: string }): Text => ({
    vi: `Lệnh không đúng: ${p.detail}`,
    en: `Wrong usage: ${p.detail}`,
  }),
  usageHint: (p: { command: string }): Text => ({
    vi: `Xem "happytube ${p.command}--help".`,
    en: `See "happytube ${p.command}--help".`,
  }),
  badLang: (p: { value: string }): Text => ({
    vi: `Ngôn ngữ "${p.value}" không hỗ trợ; dùng vi hoặc en.`,
    en: `Language "${p.value}" is not supported; use vi or en.`,
  }),
  unexpected: (p: { detail: string }): Text => ({
    vi: `Lỗi không mong đợi: ${p.detail}`,
    en: `Unexpected failure: ${p.detail}`,
  }),
  unexpectedHint: (): Text => ({
    vi: 'Chạy lại với --verbose để xem chi tiết, và báo lỗi kèm phần in ra đó.',
    en: 'Run again with --verbose for details, and report the problem with that output.',
  }),
  fixPrefix: (): Text => ({ vi: 'Cách sửa:', en: 'Fix:' }),
  errorPrefix: (): Text => ({ vi: 'Lỗi:', en: 'Error:' }),
  warningPrefix: (): Text => ({ vi: 'Cảnh báo:', en: 'Warning:' }),
  dotenvRefused: (p: { file: string; name: string }): Text => ({
    vi: `Tệp ${p.file} đặt ${p.name}, nhưng biến này không được lấy từ tệp .env: một thư mục thư viện chép từ nơi khác có thể dùng nó để gửi việc đăng nhập và mã truy cập tới máy chủ lạ.`,
    en: `${p.file} sets ${p.name}, which is never taken from a .env file: a library folder copied from elsewhere could use it to send the sign-in and its tokens to another server.`,
  }),
  dotenvRefusedFix: (p: { name: string; allowed: readonly string[] }): Text => ({
    vi: `Xóa dòng ${p.name} khỏi tệp .env (nếu không do bạn viết, đừng dùng thư viện này trước khi kiểm tra). Tệp .env chỉ được đặt: ${p.allowed.join(', ')}; các biến khác đặt trong môi trường của lệnh.`,
    en: `Delete the ${p.name} line from the .env file (if you did not write it, check this library before using it). A .env may set only: ${p.allowed.join(', ')}; set any other variable in the command's environment.`,
  }),
  endpointsNotGoogle: (p: { origins: readonly string[] }): Text => ({
    vi: `Không phải máy chủ của Google: việc đăng nhập và các yêu cầu tới YouTube được gửi tới ${p.origins.join(', ')} (do HAPPYTUBE_API_ROOT / HAPPYTUBE_OAUTH_*_URL trong môi trường chỉ định).`,
    en: `Not Google's servers: the sign-in and the YouTube calls go to ${p.origins.join(', ')} (set by HAPPYTUBE_API_ROOT / HAPPYTUBE_OAUTH_*_URL in the environment).`,
  }),
  interrupted: (): Text => ({
    vi: 'Đã dừng theo yêu cầu. Chạy lại lệnh để làm tiếp.',
    en: 'Stopped on request. Run the command again to continue.',
  }),
};
