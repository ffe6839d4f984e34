import type { Text } from '../index.ts';
import { formatDecimal, formatInteger, formatIsoDateTime } from '../format.ts';
import { readmeSection } from './readme.ts';
import { categoryLabel, privacyName } from './words.ts';

const list = (items: readonly string[]): string => (items.length === 0 ? '—' : items.join(', '));
const mbVi = (bytes: number): string => `${formatDecimal(bytes / 1024 / 1024, 1, 'vi')} MB`;
const mbEn = (bytes: number): string => `${formatDecimal(bytes / 1024 / 1024, 1, 'en')} MB`;
const libraryDocs = readmeSection('library');

/** The library folder: happytube.yaml, sidecars, templates, clips, YouTube's metadata rules. */
export const library = {
  noConfig: (p: { dir: string }): Text => ({
    vi: `Không có tệp happytube.yaml trong ${p.dir}: đây chưa phải là thư mục thư viện.`,
    en: `There is no happytube.yaml in ${p.dir}: this is not a library folder.`,
  }),
  noConfigFix: (): Text => ({
    vi: 'Tạo thư viện bằng “happytube init THƯ_MỤC”, hoặc chạy lệnh trong thư mục có happytube.yaml.',
    en: 'Create a library with "happytube init DIR", or run the command inside a folder holding happytube.yaml.',
  }),

  // YAML and schema
  yamlSyntax: (p: { detail: string }): Text => ({
    vi: 'Tệp .yaml viết sai cách ghi (thiếu dấu, thụt lề lệch hoặc dấu ngoặc kép chưa đóng).',
    en: `The YAML is malformed (${p.detail}).`,
  }),
  yamlSyntaxFix: (): Text => ({
    vi: 'Kiểm tra dấu hai chấm, thụt lề bằng dấu cách (không dùng tab) và dấu ngoặc kép ở dòng này hoặc dòng ngay trên.',
    en: 'Check the colons, the indentation (spaces, not tabs) and the quotes on this line or the one above.',
  }),
  unknownKey: (p: { key: string }): Text => ({
    vi: `Tên mục “${p.key}” không có trong danh sách happytube hiểu.`,
    en: `Unknown key "${p.key}".`,
  }),
  unknownKeyFix: (p: { allowed: readonly string[] }): Text => ({
    vi: `Xóa mục này hoặc sửa lại chính tả. Các tên mục dùng được: ${list(p.allowed)}.`,
    en: `Remove it or correct its spelling. Allowed keys: ${list(p.allowed)}.`,
  }),
  missingKey: (p: { key: string }): Text => ({
    vi: `Thiếu mục bắt buộc “${p.key}”.`,
    en: `The required key "${p.key}" is missing.`,
  }),
  missingKeyFix: (p: { key: string }): Text => ({
    vi: `Thêm “${p.key}” vào tệp (xem ví dụ ở ${libraryDocs.vi}).`,
    en: `Add "${p.key}" to the file (see the example in ${libraryDocs.en}).`,
  }),
  wrongType: (p: { field: string; expected: string }): Text => {
    const vi: Record<string, string> = { string: 'một đoạn chữ', number: 'một số', int: 'một số nguyên', boolean: 'true (có) hoặc false (không)', array: 'một danh sách', object: 'một nhóm mục', record: 'một nhóm mục' };
    const en: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a group of keys', record: 'a group of keys' };
    return {
      vi: `“${p.field}” phải là ${vi[p.expected] ?? p.expected}.`,
      en: `"${p.field}" must be ${en[p.expected] ?? p.expected}.`,
    };
  },
  notOneOf: (p: { field: string; values: readonly string[] }): Text => ({
    vi: `“${p.field}” phải là một trong: ${list(p.values)}.`,
    en: `"${p.field}" must be one of: ${list(p.values)}.`,
  }),
  tooSmall: (p: { field: string; minimum: string }): Text => ({
    vi: `“${p.field}” quá ngắn hoặc quá nhỏ (tối thiểu ${p.minimum}).`,
    en: `"${p.field}" is too short or too small (minimum ${p.minimum}).`,
  }),
  tooBig: (p: { field: string; maximum: string }): Text => ({
    vi: `“${p.field}” quá dài hoặc quá lớn (tối đa ${p.maximum}).`,
    en: `"${p.field}" is too long or too large (maximum ${p.maximum}).`,
  }),
  badFormat: (p: { field: string; format: string }): Text => ({
    vi: `“${p.field}” viết sai dạng; cần viết như: ${p.format}.`,
    en: `"${p.field}" has the wrong form; write it like: ${p.format}.`,
  }),
  badValue: (p: { field: string }): Text => ({
    vi: `Giá trị của “${p.field}” không dùng được.`,
    en: `The value of "${p.field}" is not valid.`,
  }),

  // happytube.yaml
  folderOutside: (p: { folder: string }): Text => ({
    vi: `Thư mục “${p.folder}” nằm ngoài thư viện.`,
    en: `The folder "${p.folder}" is outside the library.`,
  }),
  folderOutsideFix: (): Text => ({
    vi: 'Ghi đường dẫn tương đối bên trong thư viện, ví dụ 01-muc-dich.',
    en: 'Give a relative path inside the library, e.g. 01-muc-dich.',
  }),
  duplicateFolder: (p: { folder: string; first: number }): Text => ({
    vi: `Thư mục “${p.folder}” đã thuộc danh sách phát thứ ${p.first + 1} trong mục playlists: mỗi thư mục chỉ thuộc một danh sách phát.`,
    en: `The folder "${p.folder}" already belongs to playlists[${p.first}]: one folder maps to one playlist.`,
  }),
  duplicateFolderFix: (): Text => ({
    vi: 'Đổi “folder” của một trong hai danh sách phát; muốn đưa clip vào thêm một danh sách phát khác thì ghi “playlists” trong tệp .yaml đi kèm clip.',
    en: 'Change the "folder" of one of the two playlists; to add clips to another playlist too, use "playlists" in their sidecars.',
  }),
  duplicatePlaylistKey: (p: { key: string; first: number }): Text => ({
    vi: `Mã danh sách phát “${p.key}” trùng với mã của danh sách phát thứ ${p.first + 1}.`,
    en: `The playlist key "${p.key}" repeats playlists[${p.first}].`,
  }),
  duplicatePlaylistKeyFix: (): Text => ({
    vi: 'Mỗi danh sách phát cần một mã (“key”) riêng.',
    en: 'Give each playlist its own "key".',
  }),
  playlistTitleTooLong: (p: { chars: number; max: number }): Text => ({
    vi: `Tên danh sách phát dài ${p.chars} ký tự; YouTube cho tối đa ${p.max}.`,
    en: `The playlist title has ${p.chars} characters; YouTube allows ${p.max}.`,
  }),
  playlistFolderMissing: (p: { folder: string }): Text => ({
    vi: `Chưa có thư mục “${p.folder}” trong thư viện.`,
    en: `The folder "${p.folder}" does not exist in the library.`,
  }),
  playlistFolderMissingFix: (p: { folder: string }): Text => ({
    vi: `Tạo thư mục “${p.folder}” rồi chép clip vào, hoặc sửa “folder” cho đúng tên thư mục.`,
    en: `Create the folder "${p.folder}" and put clips in it, or correct "folder" to the folder's name.`,
  }),
  badTimezone: (p: { timezone: string }): Text => ({
    vi: `Múi giờ “${p.timezone}” không tồn tại.`,
    en: `Unknown time zone "${p.timezone}".`,
  }),
  badTimezoneFix: (): Text => ({
    vi: 'Ghi tên múi giờ theo dạng Châu_lục/Thành_phố, ví dụ Asia/Ho_Chi_Minh (giờ Việt Nam).',
    en: 'Use an IANA time zone name, e.g. Asia/Ho_Chi_Minh.',
  }),
  unknownCategory: (p: { category: string }): Text => ({
    vi: `Danh mục YouTube “${p.category}” không tồn tại hoặc không dùng được cho video.`,
    en: `YouTube category "${p.category}" does not exist or cannot be assigned to videos.`,
  }),
  /** `known`: each category's id and the English name YouTube's API gives it. */
  unknownCategoryFix: (p: { known: readonly (readonly [string, string])[] }): Text => ({
    vi: `Ghi mã số của một danh mục: ${list(p.known.map(([id, name]) => categoryLabel(id, name, 'vi')))}.`,
    en: `Use one of the category ids: ${list(p.known.map(([id, name]) => categoryLabel(id, name, 'en')))}.`,
  }),

  // Templates
  unknownTemplate: (p: { name: string }): Text => ({
    vi: `Không có mẫu “${p.name}” (tệp templates/${p.name}.yaml).`,
    en: `There is no template "${p.name}" (file templates/${p.name}.yaml).`,
  }),
  unknownTemplateFix: (p: { known: readonly string[] }): Text => ({
    vi: `Tạo tệp templates/TÊN.yaml hoặc dùng một mẫu đã có: ${list(p.known)}.`,
    en: `Create templates/NAME.yaml or use an existing template: ${list(p.known)}.`,
  }),
  brokenTemplate: (p: { name: string }): Text => ({
    vi: `Mẫu “${p.name}” có lỗi nên chưa dùng được cho clip này.`,
    en: `The template "${p.name}" has errors, so this clip cannot use it yet.`,
  }),
  brokenTemplateFix: (): Text => ({
    vi: 'Sửa các lỗi của tệp mẫu được liệt kê trong báo cáo này.',
    en: 'Fix the errors of the template file listed in this report.',
  }),
  unknownVariable: (p: { name: string }): Text => ({
    vi: `biến “${p.name}” không tồn tại`,
    en: `unknown variable "${p.name}"`,
  }),
  unknownFilter: (p: { name: string }): Text => ({
    vi: `bộ lọc “${p.name}” không tồn tại`,
    en: `unknown filter "${p.name}"`,
  }),
  templateError: (p: { detail: string }): Text => ({
    vi: `mẫu viết sai (${p.detail})`,
    en: `template error (${p.detail})`,
  }),
  templateRenderError: (p: { problem: Text; clip: string }): Text => ({
    vi: `Lỗi mẫu: ${p.problem.vi} (khi tạo nội dung cho ${p.clip}).`,
    en: `Template error: ${p.problem.en} (while rendering ${p.clip}).`,
  }),
  templateFix: (): Text => ({
    vi: 'Biến dùng được: title, date, description, school.*, playlist.*, file.*, vars.* (khai báo trong “vars” của tệp .yaml đi kèm clip); bộ lọc ngày: date_vi (20/11/2024), date_long_vi (ngày 20 tháng 11 năm 2024).',
    en: 'Available variables: title, date, description, school.*, playlist.*, file.*, vars.* (set under "vars" in the clip\'s sidecar); date filters: date_vi (20/11/2024), date_long_vi (ngày 20 tháng 11 năm 2024).',
  }),
  templateQuoteFix: (): Text => ({
    vi: 'Đặt mẫu trong dấu ngoặc kép, ví dụ title: "{{ title }}", hoặc dùng khối "|" cho nhiều dòng.',
    en: 'Put the template in quotes, e.g. title: "{{ title }}", or use a "|" block for several lines.',
  }),

  // Clips and sidecars
  clipEmpty: (): Text => ({ vi: 'Tệp clip rỗng (0 byte).', en: 'The clip is empty (0 bytes).' }),
  clipEmptyFix: (): Text => ({
    vi: 'Chép lại clip từ máy quay hoặc điện thoại; có thể lần chép trước bị gián đoạn.',
    en: 'Copy the clip again from the camera or phone; the earlier copy may have been interrupted.',
  }),
  clipNotVideo: (): Text => ({
    vi: 'Tệp này không phải là video (phần đầu tệp không phải định dạng video nào).',
    en: 'This file is not a video (its first bytes are no video container).',
  }),
  clipNotVideoFix: (): Text => ({
    vi: 'Thay bằng tệp video thật, hoặc đổi đuôi tệp nếu đây không phải video.',
    en: 'Replace it with the real video file, or rename it if it is not a video.',
  }),
  clipUnreadable: (p: { detail: string }): Text => ({
    vi: `Không đọc được tệp clip (${p.detail}).`,
    en: `The clip cannot be read (${p.detail}).`,
  }),
  clipUnreadableFix: (): Text => ({
    vi: 'Kiểm tra quyền đọc tệp, lối tắt (shortcut) còn trỏ đúng chỗ, hoặc ổ đĩa ngoài đã được cắm vào máy.',
    en: 'Check the file permissions, that a link still points to the file, or that the external drive is connected.',
  }),
  outsidePlaylists: (): Text => ({
    vi: 'Clip nằm ngoài mọi thư mục danh sách phát: sẽ được đăng nhưng không vào danh sách phát nào.',
    en: 'The clip is outside every playlist folder: it will be uploaded but added to no playlist.',
  }),
  outsidePlaylistsFix: (p: { folders: readonly string[] }): Text => ({
    vi: `Chuyển clip vào một thư mục danh sách phát: ${list(p.folders)}.`,
    en: `Move the clip into a playlist folder: ${list(p.folders)}.`,
  }),
  orphanSidecar: (): Text => ({
    vi: 'Tệp .yaml này không đi kèm clip nào (không có video cùng tên).',
    en: 'This .yaml file belongs to no clip (there is no video with the same name).',
  }),
  orphanSidecarFix: (p: { stem: string }): Text => ({
    vi: `Đặt tên tệp giống tên clip (ví dụ “${p.stem}.mp4” đi với “${p.stem}.yaml”), hoặc xóa tệp.`,
    en: `Name it like its clip ("${p.stem}.mp4" goes with "${p.stem}.yaml"), or delete it.`,
  }),
  unknownPlaylistKey: (p: { key: string }): Text => ({
    vi: `Không có danh sách phát nào mang mã “${p.key}” trong happytube.yaml.`,
    en: `There is no playlist "${p.key}" in happytube.yaml.`,
  }),
  unknownPlaylistKeyFix: (p: { known: readonly string[] }): Text => ({
    vi: `Dùng một mã đã khai báo: ${list(p.known)}.`,
    en: `Use a declared key: ${list(p.known)}.`,
  }),
  badDate: (p: { value: string }): Text => ({
    vi: `Ngày “${p.value}” không có thật.`,
    en: `The date "${p.value}" does not exist.`,
  }),
  badDateFix: (): Text => ({
    vi: 'Ghi ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-11-20.',
    en: 'Write the date as YEAR-MONTH-DAY, e.g. 2024-11-20.',
  }),
  badPublishAt: (p: { value: string }): Text => ({
    vi: `Thời gian lên lịch “${p.value}” viết sai dạng.`,
    en: `The publish time "${p.value}" has the wrong form.`,
  }),
  badPublishAtFix: (): Text => ({
    vi: 'Ghi ngày giờ theo dạng NĂM-THÁNG-NGÀYTGIỜ:PHÚT:GIÂY kèm múi giờ, ví dụ 2025-01-06T19:00:00+07:00 là 19:00 ngày 06/01/2025 giờ Việt Nam.',
    en: 'Write an ISO 8601 date and time with its zone, e.g. 2025-01-06T19:00:00+07:00.',
  }),
  madeForKidsMissing: (): Text => ({
    vi: 'Chưa khai báo video có dành cho trẻ em hay không (mục madeForKids).',
    en: 'Whether the video is made for kids (madeForKids) is not declared.',
  }),
  madeForKidsMissingFix: (): Text => ({
    vi: 'YouTube bắt buộc khai báo điều này: thêm dòng “madeForKids: false” (không dành cho trẻ em; ghi true nếu có) vào mục “defaults” trong happytube.yaml hoặc vào tệp .yaml đi kèm clip.',
    en: 'YouTube requires this legal declaration: add "madeForKids: false" (or true) under "defaults" in happytube.yaml or in the clip\'s sidecar.',
  }),

  // Thumbnails and captions
  thumbnailMissing: (p: { file: string }): Text => ({
    vi: `Không tìm thấy hình thu nhỏ ${p.file}.`,
    en: `The thumbnail ${p.file} is not there.`,
  }),
  thumbnailMissingFix: (): Text => ({
    vi: 'Sửa đường dẫn “thumbnail” (tính từ thư mục của clip) hoặc chép ảnh vào đúng chỗ.',
    en: 'Correct the "thumbnail" path (relative to the clip\'s folder) or put the picture there.',
  }),
  thumbnailTooBig: (p: { bytes: number; max: number }): Text => ({
    vi: `Hình thu nhỏ nặng ${mbVi(p.bytes)}; YouTube chỉ nhận tối đa ${mbVi(p.max)}.`,
    en: `The thumbnail is ${mbEn(p.bytes)}; YouTube takes at most ${mbEn(p.max)}.`,
  }),
  thumbnailOverOldLimit: (p: { bytes: number; max: number }): Text => ({
    vi: `Hình thu nhỏ nặng ${mbVi(p.bytes)}: từ tháng 9/2026 YouTube nhận đến 50 MB, nhưng dự án Google còn theo giới hạn cũ chỉ nhận ${mbVi(p.max)}.`,
    en: `The thumbnail is ${mbEn(p.bytes)}: YouTube takes up to 50 MB since September 2026, but a Google project still on the old limit takes only ${mbEn(p.max)}.`,
  }),
  thumbnailTooBigFix: (): Text => ({
    vi: 'Lưu lại ảnh ở dạng JPEG, kích thước 1280×720.',
    en: 'Save the picture again as JPEG at 1280×720.',
  }),
  thumbnailNotImage: (): Text => ({
    vi: 'Hình thu nhỏ không phải là tệp ảnh JPEG hay PNG thật.',
    en: 'The thumbnail is not a real JPEG or PNG file.',
  }),
  thumbnailNotImageFix: (): Text => ({
    vi: 'Mở ảnh bằng trình xem ảnh và lưu lại dưới dạng JPEG hoặc PNG.',
    en: 'Open the picture in an image viewer and save it as JPEG or PNG.',
  }),
  badCaptionLang: (p: { lang: string }): Text => ({
    vi: `Mã ngôn ngữ phụ đề “${p.lang}” không đúng.`,
    en: `The caption language "${p.lang}" is not a language code.`,
  }),
  badCaptionLangFix: (): Text => ({
    vi: 'Dùng mã ngôn ngữ như vi (tiếng Việt), en (tiếng Anh) hoặc vi-VN.',
    en: 'Use a language code such as vi, en or vi-VN.',
  }),
  captionFormat: (p: { file: string }): Text => ({
    vi: `Phụ đề “${p.file}” phải là tệp .srt hoặc .vtt.`,
    en: `The caption "${p.file}" must be an .srt or .vtt file.`,
  }),
  captionFormatFix: (): Text => ({
    vi: 'Xuất phụ đề ra tệp .srt hoặc .vtt.',
    en: 'Export the captions as SRT or WebVTT.',
  }),
  captionMissing: (p: { file: string }): Text => ({
    vi: `Không đọc được tệp phụ đề ${p.file}.`,
    en: `The caption file ${p.file} cannot be read.`,
  }),
  captionTooBig: (p: { bytes: number; max: number }): Text => ({
    vi: `Tệp phụ đề nặng ${mbVi(p.bytes)}; YouTube chỉ nhận tối đa ${mbVi(p.max)}.`,
    en: `The caption file is ${mbEn(p.bytes)}; YouTube takes at most ${mbEn(p.max)}.`,
  }),
  vttHeader: (): Text => ({
    vi: 'Tệp phụ đề .vtt phải bắt đầu bằng dòng “WEBVTT”.',
    en: 'A WebVTT file must start with the line "WEBVTT".',
  }),
  captionNoTiming: (): Text => ({
    vi: 'Thiếu dòng thời gian sau số thứ tự của câu phụ đề.',
    en: 'A caption number is not followed by its timing line.',
  }),
  captionBadTiming: (p: { text: string }): Text => ({
    vi: `Dòng thời gian “${p.text}” viết sai dạng.`,
    en: `The timing "${p.text}" has the wrong form.`,
  }),
  captionEndBeforeStart: (p: { text: string }): Text => ({
    vi: `Câu phụ đề “${p.text}” kết thúc trước khi bắt đầu.`,
    en: `The cue "${p.text}" ends before it starts.`,
  }),
  captionGoesBack: (p: { text: string }): Text => ({
    vi: `Câu phụ đề “${p.text}” bắt đầu sớm hơn câu trước nó.`,
    en: `The cue "${p.text}" starts before the cue above it.`,
  }),
  captionEmpty: (): Text => ({ vi: 'Tệp phụ đề không có câu nào.', en: 'The caption file has no cues.' }),
  captionFix: (): Text => ({
    vi: 'Sửa dòng thời gian theo dạng 00:00:01,000 --> 00:00:04,000 (SRT) hoặc 00:00:01.000 --> 00:00:04.000 (VTT), theo thứ tự tăng dần.',
    en: 'Write timings as 00:00:01,000 --> 00:00:04,000 (SRT) or 00:00:01.000 --> 00:00:04.000 (VTT), in increasing order.',
  }),

  // YouTube metadata rules
  titleEmpty: (): Text => ({ vi: 'Tiêu đề trống.', en: 'The title is empty.' }),
  titleEmptyFix: (): Text => ({
    vi: 'Ghi “title” trong tệp .yaml đi kèm clip, hoặc sửa mẫu để tiêu đề có nội dung.',
    en: 'Set "title" in the clip\'s sidecar, or change the template so the title is not empty.',
  }),
  titleTooLong: (p: { chars: number; max: number; title: string }): Text => ({
    vi: `Tiêu đề dài ${p.chars} ký tự; YouTube cho tối đa ${p.max}: “${p.title}”.`,
    en: `The title has ${p.chars} characters; YouTube allows ${p.max}: "${p.title}".`,
  }),
  shortenFix: (): Text => ({
    vi: 'Rút gọn nội dung (trong tệp .yaml đi kèm clip, tên tệp, hoặc mẫu).',
    en: 'Shorten it (in the sidecar, the file name, or the template).',
  }),
  descriptionTooLong: (p: { bytes: number; max: number }): Text => ({
    vi: `Mô tả dài ${formatInteger(p.bytes, 'vi')} byte; YouTube cho tối đa ${formatInteger(p.max, 'vi')} byte.`,
    en: `The description is ${formatInteger(p.bytes, 'en')} bytes; YouTube allows ${formatInteger(p.max, 'en')} bytes.`,
  }),
  descriptionTooLongFix: (p: { chars: number }): Text => ({
    vi: `Rút gọn mô tả (hiện có ${formatInteger(p.chars, 'vi')} ký tự): mỗi chữ có dấu tiếng Việt chiếm 2–3 byte.`,
    en: `Shorten the description (now ${p.chars} characters): each accented Vietnamese letter takes 2–3 bytes.`,
  }),
  forbiddenChars: (p: { field: string }): Text => ({
    vi: `“${p.field}” có dấu < hoặc >, YouTube không nhận.`,
    en: `"${p.field}" contains < or >, which YouTube refuses.`,
  }),
  forbiddenCharsFix: (): Text => ({
    vi: 'Bỏ các dấu < và > (có thể thay bằng dấu ngoặc kép “ ” hoặc dấu ngoặc đơn).',
    en: 'Remove the < and > characters (quotes “ ” or brackets can replace them).',
  }),
  tagsTooLong: (p: { length: number; max: number }): Text => ({
    vi: `Các thẻ dài tổng cộng ${p.length} ký tự theo cách YouTube đếm; tối đa ${p.max}.`,
    en: `The tags total ${p.length} characters as YouTube counts them; the maximum is ${p.max}.`,
  }),
  tagsTooLongFix: (): Text => ({
    vi: 'Bớt thẻ: YouTube đếm cả dấu phẩy giữa các thẻ, và thêm 2 ký tự cho mỗi thẻ có dấu cách.',
    en: 'Use fewer tags: YouTube counts the commas between tags, and 2 more characters for each tag with a space.',
  }),
  privacyFix: (): Text => ({
    vi: 'Ghi một trong ba giá trị: public (Công khai), unlisted (Không công khai), private (Riêng tư).',
    en: 'Use public, unlisted or private.',
  }),
  publishAtNotPrivate: (p: { privacy: string }): Text => ({
    vi: `Chỉ lên lịch (publishAt) được cho video ở chế độ Riêng tư (private), nhưng clip này đang ở chế độ ${privacyName(p.privacy, 'vi')}.`,
    en: `A publish time (publishAt) works only with privacy private, but the clip is ${p.privacy}.`,
  }),
  publishAtNotPrivateFix: (): Text => ({
    vi: 'Thêm dòng “privacy: private” vào tệp .yaml đi kèm clip: đến giờ đã lên lịch, YouTube tự chuyển video sang Công khai.',
    en: 'Add "privacy: private" to the clip\'s sidecar: YouTube makes it public at that time.',
  }),
  publishAtPast: (p: { publishAt: string; timeZone?: string | undefined }): Text => ({
    vi: `Thời gian lên lịch ${formatIsoDateTime(p.publishAt, 'vi', p.timeZone)} đã qua: clip chưa đăng sẽ được YouTube công khai ngay; clip đã đăng thì không đổi.`,
    en: `The publish time ${p.publishAt} has passed: YouTube publishes a clip not yet uploaded at once; one already published stays as it is.`,
  }),
  publishAtPastFix: (): Text => ({
    vi: 'Nếu clip chưa đăng, chọn một thời gian trong tương lai; nếu đã đăng, có thể bỏ dòng “publishAt”.',
    en: 'If the clip is not published yet, choose a time in the future; if it is, you may remove "publishAt".',
  }),
  duplicateClip: (p: { original: string }): Text => ({
    vi: `Clip này giống hệt ${p.original}: chỉ đăng một lần.`,
    en: `This clip is the same as ${p.original}: it is uploaded once.`,
  }),
  duplicateClipFix: (): Text => ({
    vi: 'Xóa bản trùng; muốn đưa clip vào thêm danh sách phát thì ghi “playlists” trong tệp .yaml đi kèm clip.',
    en: 'Delete the copy; to put the clip in another playlist too, use "playlists" in its sidecar.',
  }),
};
