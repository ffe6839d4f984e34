import type { Text } from '../index.ts';

/** The placeholders of the help: what a user types in their place. */
const PLACEHOLDERS = {
  dir: { vi: 'THƯ_MỤC', en: 'dir' },
  file: { vi: 'TỆP', en: 'file' },
  name: { vi: 'TÊN', en: 'name' },
  key: { vi: 'MÃ', en: 'key' },
  title: { vi: 'TIÊU_ĐỀ', en: 'title' },
  privacy: { vi: 'CHẾ_ĐỘ', en: 'privacy' },
  rate: { vi: 'TỐC_ĐỘ', en: 'rate' },
  number: { vi: 'SỐ', en: 'n' },
  path: { vi: 'ĐƯỜNG_DẪN', en: 'path' },
  format: { vi: 'ĐỊNH_DẠNG', en: 'format' },
  date: { vi: 'NGÀY', en: 'date' },
  lang: { vi: 'NGÔN_NGỮ', en: 'lang' },
  units: { vi: 'ĐƠN_VỊ', en: 'units' },
  seconds: { vi: 'GIÂY', en: 'seconds' },
  time: { vi: 'GIỜ', en: 'time' },
  fault: { vi: 'LỖI', en: 'spec' },
  command: { vi: 'LỆNH', en: 'command' },
} as const satisfies Record<string, Text>;

export type Placeholder = keyof typeof PLACEHOLDERS;

const quote = (values: readonly string[]): string => values.map((v) => `“${v}”`).join(', ');

/** The CLI shell: program, global options, generic errors. */
export const cli = {
  programDescription: (): Text => ({
    vi: 'Đăng video của trường lên kênh YouTube: mỗi thư mục clip thành một danh sách phát, mất mạng vẫn tải tiếp được, không bao giờ đăng trùng, không vượt hạn mức.',
    en: "Publish a school's video clips to its YouTube channel: a folder of clips → playlists, resumable, never duplicated, within quota.",
  }),
  optProfile: (): Text => ({ vi: 'hồ sơ đăng nhập (một hồ sơ = một kênh)', en: 'sign-in profile (one profile = one channel)' }),
  optLang: (): Text => ({ vi: 'ngôn ngữ thông báo: vi hoặc en', en: 'language of messages: vi or en' }),
  optVerbose: (): Text => ({ vi: 'in thêm chi tiết kỹ thuật (mọi mã bí mật đều được che)', en: 'detailed log (secrets redacted)' }),
  optQuiet: (): Text => ({ vi: 'chỉ in lỗi và kết quả', en: 'print only errors and results' }),
  optNoColor: (): Text => ({ vi: 'không dùng màu', en: 'no colours' }),
  optVersion: (): Text => ({ vi: 'in phiên bản', en: 'print the version' }),
  optHelp: (): Text => ({ vi: 'in hướng dẫn', en: 'print help' }),
  optJson: (): Text => ({ vi: 'in kết quả dạng JSON cho chương trình khác đọc', en: 'print one JSON document on stdout' }),
  placeholder: (p: { name: Placeholder }): Text => PLACEHOLDERS[p.name],
  helpChoices: (p: { choices: readonly string[] }): Text => ({
    vi: `chọn một trong: ${p.choices.join(', ')}`,
    en: `choices: ${p.choices.map((c) => JSON.stringify(c)).join(', ')}`,
  }),
  helpDefault: (p: { value: string }): Text => ({ vi: `mặc định: ${p.value}`, en: `default: ${p.value}` }),
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
  usageError: (p: { reason: Text }): Text => ({
    vi: `Lệnh không đúng: ${p.reason.vi}`,
    en: `Wrong usage: ${p.reason.en}`,
  }),
  usageUnknownCommand: (p: { name: string; suggestion: string | undefined }): Text => ({
    vi: `happytube không có lệnh “${p.name}”.${p.suggestion ? ` Có phải bạn muốn gõ “${p.suggestion}”?` : ''}`,
    en: `unknown command '${p.name}'.${p.suggestion ? ` Did you mean '${p.suggestion}'?` : ''}`,
  }),
  usageUnknownOption: (p: { flag: string; suggestion: string | undefined }): Text => ({
    vi: `không có tùy chọn “${p.flag}”.${p.suggestion ? ` Có phải bạn muốn gõ “${p.suggestion}”?` : ''}`,
    en: `unknown option '${p.flag}'.${p.suggestion ? ` Did you mean '${p.suggestion}'?` : ''}`,
  }),
  usageMissingArgument: (p: { name: string }): Text => ({
    vi: `còn thiếu ${p.name} (bắt buộc phải ghi).`,
    en: `missing required argument '${p.name}'.`,
  }),
  usageOptionMissingValue: (p: { flags: string }): Text => ({
    vi: `tùy chọn “${p.flags}” cần có giá trị đi sau.`,
    en: `option '${p.flags}' needs a value.`,
  }),
  usageMissingOption: (p: { flags: string }): Text => ({
    vi: `còn thiếu tùy chọn bắt buộc “${p.flags}”.`,
    en: `required option '${p.flags}' not specified.`,
  }),
  usageInvalidChoice: (p: { flags: string; value: string; choices: readonly string[] }): Text => ({
    vi: `“${p.value}” không dùng được cho “${p.flags}”; chọn một trong: ${quote(p.choices)}.`,
    en: `'${p.value}' is not valid for '${p.flags}'; choose one of: ${p.choices.join(', ')}.`,
  }),
  usageExcessArguments: (p: { command: string | undefined; expected: number; extra: string }): Text => ({
    vi: `${p.command ? `lệnh “${p.command}”` : 'happytube'} chỉ nhận ${p.expected === 0 ? 'tùy chọn, không nhận thêm giá trị nào' : `${p.expected} giá trị`}, nhưng đã gõ: ${p.extra}. Đường dẫn có dấu cách thì đặt trong dấu ngoặc kép, ví dụ "Video trường".`,
    en: `too many arguments${p.command ? ` for '${p.command}'` : ''}: ${p.extra}. Put a path with spaces in quotes, e.g. "School videos".`,
  }),
  usageOther: (p: { detail: string }): Text => ({
    vi: 'cách gõ lệnh chưa đúng.',
    en: p.detail,
  }),
  usageHint: (p: { command: string }): Text => ({
    vi: `Xem “happytube ${p.command}--help”.`,
    en: `See "happytube ${p.command}--help".`,
  }),
  badLang: (p: { value: string }): Text => ({
    vi: `Ngôn ngữ “${p.value}” chưa có; dùng vi (tiếng Việt) hoặc en (tiếng Anh).`,
    en: `Language "${p.value}" is not supported; use vi or en.`,
  }),
  unexpected: (p: { detail: string }): Text => ({
    vi: `Lỗi không mong đợi: ${p.detail}`,
    en: `Unexpected failure: ${p.detail}`,
  }),
  unexpectedHint: (): Text => ({
    vi: 'Chạy lại lệnh, thêm tùy chọn --verbose để xem chi tiết, rồi gửi toàn bộ phần in ra cho người hỗ trợ kỹ thuật.',
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
  pressEnterToClose: (): Text => ({
    vi: 'Nhấn Enter để đóng cửa sổ này. ',
    en: 'Press Enter to close this window. ',
  }),
  interrupted: (): Text => ({
    vi: 'Đã dừng theo yêu cầu. Chạy lại lệnh để làm tiếp.',
    en: 'Stopped on request. Run the command again to continue.',
  }),
};
