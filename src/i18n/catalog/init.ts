import type { Text } from '../index.ts';
import { privacyName } from './words.ts';

/** `happytube init`: the questions, what was written and what to do next. */
export const init = {
  description: (): Text => ({
    vi: 'Tạo một thư viện clip mới cho kênh “Trường học hạnh phúc” (bốn danh sách phát, mẫu tiêu đề và mô tả)',
    en: 'Create a new clip library for the "Happy School" channel (four playlists, title and description templates)',
  }),
  argDir: (): Text => ({
    vi: 'thư mục sẽ chứa thư viện (mặc định: thư mục hiện tại; tự tạo nếu chưa có)',
    en: 'folder for the library (default: the current folder; created if missing)',
  }),
  optYes: (): Text => ({
    vi: 'không hỏi: dùng giá trị mặc định và khai báo video “không dành cho trẻ em”',
    en: 'ask nothing: take the defaults and declare the videos "not made for kids"',
  }),
  optSchool: (): Text => ({ vi: 'tên trường', en: "the school's name" }),

  askSchool: (): Text => ({ vi: 'Tên trường:', en: "The school's name:" }),
  schoolEmpty: (): Text => ({ vi: 'Hãy nhập tên trường.', en: "Please type the school's name." }),
  askLanguage: (): Text => ({ vi: 'Ngôn ngữ của thông báo:', en: 'Language of messages:' }),
  langVi: (): Text => ({ vi: 'Tiếng Việt', en: 'Vietnamese (Tiếng Việt)' }),
  langEn: (): Text => ({ vi: 'Tiếng Anh (English)', en: 'English' }),
  askPrivacy: (): Text => ({ vi: 'Chế độ hiển thị mặc định của video:', en: 'Default visibility of the videos:' }),
  privacyPublic: (): Text => ({ vi: 'Công khai: ai cũng tìm thấy và xem được', en: 'Public: anyone can find them' }),
  privacyUnlisted: (): Text => ({
    vi: 'Không công khai: chỉ ai có đường liên kết mới xem được',
    en: 'Unlisted: only people with the link can watch',
  }),
  privacyPrivate: (): Text => ({ vi: 'Riêng tư: chỉ tài khoản của trường xem được', en: "Private: only the school's account can watch" }),
  askMadeForKids: (): Text => ({
    vi: 'Video có “dành cho trẻ em” không? (YouTube bắt buộc khai báo; chọn “có” thì video bị tắt bình luận và quảng cáo cá nhân hóa; clip cho phụ huynh, giáo viên là “không”)',
    en: 'Are the videos "made for kids"? (YouTube requires it; "yes" turns off comments and personalised ads; clips for parents and teachers are "no")',
  }),
  madeForKidsNo: (): Text => ({
    vi: 'Không — dành cho phụ huynh, giáo viên, cộng đồng',
    en: 'No — for parents, teachers and the community',
  }),
  madeForKidsYes: (): Text => ({ vi: 'Có — dành cho trẻ em xem', en: 'Yes — made for children to watch' }),
  askNotifySubscribers: (): Text => ({
    vi: 'Báo cho người đăng ký kênh mỗi khi có video mới? (notifySubscribers)',
    en: 'Notify the channel\'s subscribers of each new video? (notifySubscribers)',
  }),
  notifyYes: (): Text => ({ vi: 'Có — như mặc định của YouTube', en: 'Yes — as YouTube does by default' }),
  notifyNo: (): Text => ({
    vi: 'Không — ví dụ khi tải lên cả học kỳ một lúc, để điện thoại phụ huynh không báo liên tục',
    en: 'No — e.g. when uploading a whole term at once, so parents\' phones do not ring for each one',
  }),
  notifyAnswer: (p: { notifySubscribers: boolean }): Text => ({
    vi: `Báo cho người đăng ký: ${p.notifySubscribers ? 'có' : 'không'} (notifySubscribers: ${String(p.notifySubscribers)}).`,
    en: `Notify subscribers: ${p.notifySubscribers ? 'yes' : 'no'} (notifySubscribers: ${String(p.notifySubscribers)}).`,
  }),

  noTty: (): Text => ({
    vi: 'Lệnh không chạy trong cửa sổ dòng lệnh nên không hỏi được các câu hỏi.',
    en: 'There is no terminal to answer the questions (not an interactive session).',
  }),
  noTtyFix: (): Text => ({
    vi: 'Thêm --yes (và --school "Tên trường"), ví dụ: happytube init THƯ_MỤC --yes --school "Trường Mầm non Thiên Đức".',
    en: 'Pass --yes (and --school "School name"), e.g. happytube init FOLDER --yes --school "Trường Mầm non Thiên Đức".',
  }),
  cancelled: (): Text => ({
    vi: 'Đã hủy: chưa tạo tệp nào.',
    en: 'Cancelled: no file was created.',
  }),
  cancelledFix: (): Text => ({ vi: 'Chạy lại “happytube init” khi sẵn sàng.', en: 'Run happytube init again when ready.' }),
  exists: (p: { path: string }): Text => ({
    vi: `Thư mục này đã là một thư viện: đã có ${p.path}. “happytube init” không bao giờ ghi đè.`,
    en: `This folder already holds a library: ${p.path} exists. happytube init never overwrites.`,
  }),
  existsFix: (): Text => ({
    vi: 'Chọn một thư mục khác, hoặc sửa trực tiếp happytube.yaml rồi chạy “happytube check”.',
    en: 'Choose another folder, or edit happytube.yaml directly and run happytube check.',
  }),
  notFolder: (p: { path: string }): Text => ({
    vi: `${p.path} là một tệp, không phải thư mục.`,
    en: `${p.path} is a file, not a folder.`,
  }),
  notFolderFix: (): Text => ({ vi: 'Chọn tên một thư mục mới hoặc thư mục đã có.', en: 'Choose the name of a new or existing folder.' }),
  badSchool: (): Text => ({
    vi: 'Tên trường đang trống.',
    en: "The school's name is empty.",
  }),
  badSchoolFix: (): Text => ({
    vi: 'Truyền --school "Tên trường", ví dụ --school "Trường Mầm non Thiên Đức".',
    en: 'Pass --school "School name", e.g. --school "Trường Mầm non Thiên Đức".',
  }),
  skeletonMissing: (p: { path: string }): Text => ({
    vi: `Không tìm thấy bộ khung thư viện ở ${p.path}: bản cài happytube bị thiếu tệp.`,
    en: `The library skeleton is missing at ${p.path}: the happytube installation is incomplete.`,
  }),
  skeletonMissingFix: (): Text => ({ vi: 'Cài lại happytube (chạy “npm ci” trong thư mục happytube).', en: 'Reinstall happytube (npm ci).' }),

  created: (p: { dir: string }): Text => ({
    vi: `Đã tạo thư viện trong ${p.dir}:`,
    en: `Created the library in ${p.dir}:`,
  }),
  kept: (p: { path: string }): Text => ({
    vi: `${p.path} (đã có, giữ nguyên)`,
    en: `${p.path} (already there, kept)`,
  }),
  answers: (p: { school: string; privacy: string; madeForKids: boolean }): Text => ({
    vi: `Trường: ${p.school} · chế độ hiển thị mặc định: ${privacyName(p.privacy, 'vi')} · dành cho trẻ em: ${p.madeForKids ? 'có' : 'không'}.`,
    en: `School: ${p.school} · default visibility: ${p.privacy} · made for kids: ${p.madeForKids ? 'yes' : 'no'} (madeForKids: ${String(p.madeForKids)}).`,
  }),
  changeLater: (): Text => ({
    vi: 'Có thể đổi các giá trị này bất cứ lúc nào trong happytube.yaml.',
    en: 'You can change these at any time in happytube.yaml.',
  }),
  nextTitle: (): Text => ({ vi: 'Bước tiếp theo:', en: 'Next steps:' }),
  nextCd: (p: { dir: string }): Text => ({ vi: `cd ${p.dir}`, en: `cd ${p.dir}` }),
  nextLogin: (): Text => ({
    vi: 'happytube auth login        đăng nhập kênh YouTube của trường (cần mã ứng dụng Google Cloud, xem tệp .env.example)',
    en: "happytube auth login        sign in to the school's YouTube channel (needs HAPPYTUBE_CLIENT_ID/SECRET, see .env.example)",
  }),
  nextClips: (p: { folders: string }): Text => ({
    vi: `chép clip vào các thư mục: ${p.folders}`,
    en: `put clips into the folders: ${p.folders}`,
  }),
  nextCheck: (): Text => ({
    vi: 'happytube check             kiểm tra tiêu đề, danh sách phát và mọi lỗi',
    en: 'happytube check             preview titles and playlists, and see every mistake',
  }),
  nextDryRun: (): Text => ({
    vi: 'happytube sync --dry-run    xem trước những gì sẽ đăng, chưa gửi gì lên YouTube',
    en: 'happytube sync --dry-run    see what would be published, without sending anything',
  }),
};
