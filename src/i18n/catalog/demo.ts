import type { Text } from '../index.ts';
import { formatDecimal } from '../format.ts';
import { readmeSection } from './readme.ts';

/** `happytube demo`: the whole tool on the example library, against the built-in emulator. */
export const demo = {
  description: (): Text => ({
    vi: 'Chạy thử toàn bộ trên thư viện mẫu với YouTube giả lập có sẵn (không cần tài khoản Google)',
    en: 'Try everything on the example library against the built-in YouTube emulator (no Google account needed)',
  }),
  intro: (): Text => ({
    vi: 'Chạy thử happytube: thư viện mẫu, YouTube giả lập trên máy này — không gửi gì lên YouTube thật.',
    en: 'happytube demo: the example library and a YouTube emulator on this computer — nothing is sent to the real YouTube.',
  }),
  copied: (p: { dir: string }): Text => ({
    vi: `1. Đã chép thư viện mẫu (examples/happy-school) vào thư mục tạm ${p.dir}`,
    en: `1. Copied the example library (examples/happy-school) to the temporary folder ${p.dir}`,
  }),
  emulator: (p: { url: string }): Text => ({
    vi: `2. Đã khởi động YouTube giả lập tại ${p.url}`,
    en: `2. Started the YouTube emulator at ${p.url}`,
  }),
  signedIn: (p: { channel: string }): Text => ({
    vi: `3. Đã đăng nhập (trang xin quyền của YouTube giả lập tự bấm cho phép): kênh “${p.channel}”`,
    en: `3. Signed in (the emulator's consent page agrees at once): channel “${p.channel}”`,
  }),
  syncing: (): Text => ({ vi: '4. happytube sync: đưa các clip của thư viện lên kênh', en: '4. happytube sync: the library goes to the channel' }),
  statusTitle: (): Text => ({ vi: '5. Trạng thái trên kênh:', en: '5. Status on the channel:' }),
  playlistLine: (p: { title: string; count: number }): Text => ({
    vi: `${p.title} — ${p.count} video`,
    en: `${p.title} — ${p.count} ${p.count === 1 ? 'video' : 'videos'}`,
  }),
  reportWritten: (p: { file: string }): Text => ({
    vi: `6. Báo cáo HTML cho cổng thông tin của trường: ${p.file}`,
    en: `6. The HTML report for the school portal: ${p.file}`,
  }),
  reportKept: (): Text => ({
    vi: 'Tệp báo cáo được giữ lại để bạn mở bằng trình duyệt; thư viện tạm, trình giả lập và phiên đăng nhập thử đã được xóa.',
    en: 'The report file is kept for you to open in a browser; the temporary library, the emulator and the demo sign-in are gone.',
  }),
  done: (p: { seconds: number }): Text => ({
    vi: `Chạy thử xong trong ${formatDecimal(p.seconds, 1, 'vi')} giây. Để dùng thật với kênh của trường: xem ${readmeSection('googleCloud').vi}.`,
    en: `Demo finished in ${formatDecimal(p.seconds, 1, 'en')} s. For real use, see ${readmeSection('googleCloud').en}.`,
  }),
  browserFailed: (p: { detail: string }): Text => ({
    vi: `Không mở được trang xin quyền của YouTube giả lập để đăng nhập thử: ${p.detail}`,
    en: `The demo could not open the emulator's consent page to sign in: ${p.detail}`,
  }),
  syncIncomplete: (p: { failed: number; left: number }): Text => ({
    vi: `Lần đồng bộ thử chưa xong: ${p.failed} clip lỗi, ${p.left} việc còn lại.`,
    en: `The demo sync did not finish: ${p.failed} clips failed, ${p.left} left.`,
  }),
  syncIncompleteHint: (): Text => ({
    vi: 'Chạy lại “npm run demo -- --verbose” và gửi toàn bộ phần in ra cho người hỗ trợ kỹ thuật.',
    en: 'Run "npm run demo" again with --verbose and report the problem with its whole output.',
  }),
  noExamples: (p: { dir: string }): Text => ({
    vi: `Không tìm thấy thư viện mẫu ở ${p.dir}.`,
    en: `The example library is missing at ${p.dir}.`,
  }),
  noExamplesHint: (): Text => ({
    vi: 'Chạy lệnh từ một bản sao đầy đủ của happytube (phải có thư mục examples/).',
    en: 'Run it from a complete copy of the repository (the examples/ folder must be there).',
  }),
};
