import type { Text } from '../index.ts';

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/**
 * Files a library names that cannot be read safely: outside the library, not a regular file,
 * unreadable, too big, not UTF-8; and what a library may not carry (control characters,
 * YAML alias bombs, runaway templates).
 */
export const files = {
  fileMissing: (p: { file: string }): Text => ({
    vi: `Không tìm thấy tệp ${p.file}.`,
    en: `The file ${p.file} is not there.`,
  }),
  fileMissingFix: (): Text => ({
    vi: 'Sửa lại tên tệp (tính từ thư mục của clip), hoặc chép tệp vào đúng chỗ; nếu là lối tắt (liên kết), kiểm tra nó còn trỏ tới tệp.',
    en: "Correct the file name (relative to the clip's folder) or put the file there; if it is a link, check that it still points to the file.",
  }),
  fileUnreadable: (p: { file: string; detail: string }): Text => ({
    vi: `Không đọc được tệp ${p.file} (${p.detail}).`,
    en: `The file ${p.file} cannot be read (${p.detail}).`,
  }),
  fileUnreadableFix: (): Text => ({
    vi: 'Cho tài khoản của bạn quyền đọc tệp này (Thuộc tính → Bảo mật trên Windows), hoặc chép lại tệp từ bản gốc.',
    en: 'Give your user permission to read the file (Properties → Security on Windows), or copy it again from the original.',
  }),
  notRegularFile: (p: { file: string }): Text => ({
    vi: `${p.file} không phải là một tệp bình thường (mà là thư mục, đường ống hoặc thiết bị).`,
    en: `${p.file} is not an ordinary file (it is a folder, a pipe or a device).`,
  }),
  notRegularFileFix: (): Text => ({
    vi: 'Thay nó bằng một tệp thật, hoặc xóa nó khỏi thư viện.',
    en: 'Replace it with a real file, or remove it from the library.',
  }),
  fileOutside: (p: { file: string }): Text => ({
    vi: `${p.file} nằm ngoài thư mục thư viện (trực tiếp hoặc qua lối tắt/liên kết).`,
    en: `${p.file} is outside the library folder (directly or through a link).`,
  }),
  fileOutsideFix: (): Text => ({
    vi: 'Chép tệp vào trong thư viện (ví dụ cạnh clip) rồi ghi tên tệp đó: happytube chỉ đọc và đăng những tệp nằm trong thư viện.',
    en: 'Copy the file into the library (next to the clip, say) and give that name: happytube reads and uploads only files inside the library.',
  }),
  fileTooBig: (p: { file: string; bytes: number; max: number }): Text => ({
    vi: `Tệp ${p.file} quá lớn (${size(p.bytes)}); tệp loại này tối đa ${size(p.max)}.`,
    en: `${p.file} is too big (${size(p.bytes)}); a file of this kind holds at most ${size(p.max)}.`,
  }),
  fileTooBigFix: (): Text => ({
    vi: 'Kiểm tra đây đúng là tệp bạn định dùng; tệp .yaml của thư viện chỉ cần vài KB.',
    en: "Check that this is the file you meant; the library's .yaml files need only a few KB.",
  }),
  notUtf8: (p: { file: string; line: number }): Text => ({
    vi: `Tệp ${p.file} không được lưu bằng bảng mã UTF-8 (ký tự lỗi ở dòng ${p.line}): chữ tiếng Việt sẽ bị hỏng trên YouTube.`,
    en: `${p.file} is not saved as UTF-8 (a bad character on line ${p.line}): its Vietnamese letters would be garbled on YouTube.`,
  }),
  notUtf8Fix: (): Text => ({
    vi: 'Mở tệp bằng Notepad hoặc VS Code, chọn Lưu Như (Save As) với bảng mã (Encoding) UTF-8, rồi kiểm tra lại dấu tiếng Việt.',
    en: 'Open the file in Notepad or VS Code, Save As with the encoding UTF-8, then check its Vietnamese letters.',
  }),
  yamlAliases: (p: { file: string }): Text => ({
    vi: `Tệp ${p.file} dùng quá nhiều bí danh YAML (*tên): mở rộng ra sẽ quá lớn.`,
    en: `${p.file} uses too many YAML aliases (*name): expanded, it would be far too big.`,
  }),
  yamlAliasesFix: (): Text => ({
    vi: 'Viết thẳng giá trị thay cho bí danh (&tên / *tên).',
    en: 'Write the values out instead of the aliases (&name / *name).',
  }),
  templateTooMuch: (p: { name: string }): Text => ({
    vi: `Mẫu “${p.name}” làm quá nhiều việc (vòng lặp quá dài hoặc văn bản quá lớn) nên đã bị dừng.`,
    en: `The template "${p.name}" was stopped: it does far too much work (a loop too long or text too large).`,
  }),
  templateTooMuchFix: (): Text => ({
    vi: 'Rút ngắn vòng lặp {% for %} và văn bản của mẫu: tiêu đề tối đa 100 ký tự, mô tả tối đa 5.000 byte.',
    en: 'Shorten the {% for %} loops and the text of the template: a title holds at most 100 characters, a description 5,000 bytes.',
  }),
  controlChars: (p: { field: string }): Text => ({
    vi: `“${p.field}” chứa ký tự điều khiển vô hình (như ESC, BEL, NUL): YouTube không nhận và chúng có thể làm rối màn hình.`,
    en: `"${p.field}" holds invisible control characters (such as ESC, BEL, NUL): YouTube does not take them and they can garble a terminal.`,
  }),
  controlCharsFix: (): Text => ({
    vi: 'Gõ lại chữ này bằng tay trong trình soạn thảo (chỗ ký tự lạ hiện dạng \\x1b…); đừng chép từ nguồn không rõ.',
    en: 'Retype the text by hand in an editor (the stray characters are shown as \\x1b…); do not paste it from unknown sources.',
  }),
  bidiChars: (p: { field: string }): Text => ({
    vi: `“${p.field}” chứa ký tự đổi chiều chữ vô hình (như U+202E): chữ có thể hiện ra khác với những gì đã gõ.`,
    en: `"${p.field}" holds invisible text-direction characters (such as U+202E): the text may show differently from what was typed.`,
  }),
  bidiCharsFix: (): Text => ({
    vi: 'Nếu không cố ý, gõ lại chữ này bằng tay; tiếng Việt và tiếng Anh không cần các ký tự này.',
    en: 'Unless they are meant, retype the text by hand; Vietnamese and English need none of them.',
  }),
  badEmail: (p: { field: string; value: string }): Text => ({
    vi: `“${p.field}” không phải là một địa chỉ email: ${p.value}`,
    en: `"${p.field}" is not an email address: ${p.value}`,
  }),
  badEmailFix: (): Text => ({
    vi: 'Ghi một địa chỉ duy nhất, dạng ten@truong.edu.vn, không có dấu cách hay tên hiển thị.',
    en: 'Give one address, like name@school.edu.vn, with no spaces or display name.',
  }),
  badWebsite: (p: { field: string; value: string }): Text => ({
    vi: `“${p.field}” không phải là một địa chỉ trang web http(s): ${p.value}`,
    en: `"${p.field}" is not an http(s) web address: ${p.value}`,
  }),
  badWebsiteFix: (): Text => ({
    vi: 'Ghi địa chỉ đầy đủ, bắt đầu bằng https://, ví dụ https://thienduc.edu.vn.',
    en: 'Give the whole address, starting with https://, e.g. https://thienduc.edu.vn.',
  }),
};
