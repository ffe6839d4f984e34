import type { Text } from '../index.ts';

/** `happytube` alone on a terminal: the menu of the everyday commands. */
export const menu = {
  title: (p: { version: string }): Text => ({
    vi: `happytube ${p.version} — đăng video của trường lên YouTube. Dùng phím mũi tên và Enter; Ctrl-C để thoát.`,
    en: `happytube ${p.version} — publish the school's videos to YouTube. Use the arrow keys and Enter; Ctrl-C to leave.`,
  }),
  question: (): Text => ({ vi: 'Bạn muốn làm gì?', en: 'What would you like to do?' }),
  setup: (): Text => ({ vi: 'Thiết lập lần đầu (thư viện, Google Cloud, đăng nhập)', en: 'Set up (library, Google Cloud, sign-in)' }),
  check: (): Text => ({ vi: 'Kiểm tra thư viện', en: 'Check the library' }),
  sync: (): Text => ({ vi: 'Đăng ngay (sync: đưa clip mới lên kênh)', en: 'Publish now (sync: new clips to the channel)' }),
  upload: (): Text => ({ vi: 'Tải lên một clip', en: 'Upload one clip' }),
  status: (): Text => ({ vi: 'Tình trạng (đã đăng, còn chờ, hạn mức hôm nay)', en: "Status (published, waiting, today's quota)" }),
  report: (): Text => ({ vi: 'Báo cáo', en: 'Report' }),
  login: (): Text => ({ vi: 'Đăng nhập tài khoản YouTube của trường', en: "Sign in to the school's YouTube account" }),
  quit: (): Text => ({ vi: 'Thoát', en: 'Quit' }),

  askLibrary: (): Text => ({
    vi: 'Thư mục thư viện (có thể kéo thả thư mục vào đây):',
    en: 'The library folder (you may drag the folder in here):',
  }),
  askNewLibrary: (): Text => ({
    vi: 'Thư mục cho thư viện (đã có hoặc sẽ tạo mới):',
    en: 'The folder for the library (existing, or to be created):',
  }),
  notLibrary: (p: { dir: string }): Text => ({
    vi: `${p.dir} không phải thư viện (không có happytube.yaml). Chọn “Thiết lập lần đầu” để tạo.`,
    en: `${p.dir} is not a library (no happytube.yaml). Choose "Set up" to create one.`,
  }),
  askClip: (p: { dir: string }): Text => ({
    vi: `Clip cần tải lên (một tệp trong ${p.dir}; có thể kéo thả tệp vào đây):`,
    en: `The clip to upload (a file inside ${p.dir}; you may drag the file in here):`,
  }),
  noSuchFile: (p: { file: string }): Text => ({ vi: `Không có tệp ${p.file}.`, en: `There is no file ${p.file}.` }),
  askFormat: (): Text => ({ vi: 'Định dạng báo cáo:', en: 'Report format:' }),
  formatHtml: (): Text => ({ vi: 'html — trang web, mở bằng trình duyệt', en: 'html — a web page for the browser' }),
  formatCsv: (): Text => ({ vi: 'csv — bảng tính (Excel)', en: 'csv — a spreadsheet (Excel)' }),
  formatMd: (): Text => ({ vi: 'md — văn bản', en: 'md — plain text' }),
  formatEml: (): Text => ({ vi: 'eml — thư gửi Phòng Giáo dục', en: 'eml — an e-mail for the Department of Education' }),
  formatJson: (): Text => ({ vi: 'json — cho chương trình khác', en: 'json — for other programs' }),
  running: (p: { command: string }): Text => ({ vi: `→ happytube ${p.command}`, en: `→ happytube ${p.command}` }),
  finished: (p: { code: number }): Text => ({
    vi: p.code === 0 ? '✓ Xong.' : `✗ Chưa xong (mã thoát ${p.code}): xem thông báo ở trên.`,
    en: p.code === 0 ? '✓ Done.' : `✗ Not done (exit code ${p.code}): see the message above.`,
  }),
  goodbye: (): Text => ({ vi: 'Tạm biệt.', en: 'Goodbye.' }),
};
