import type { Text } from '../index.ts';

/** `happytube check`: the report of what would be published, and of every mistake. */
export const check = {
  description: (): Text => ({
    vi: 'Kiểm tra thư viện mà không cần mạng: tiêu đề, danh sách phát, chế độ, giờ công khai của từng clip, và mọi lỗi',
    en: 'Check the library offline: each clip\'s title, playlists, privacy and publish time, and every mistake',
  }),
  clipsTitle: (p: { count: number }): Text => ({ vi: `Clip (${p.count}):`, en: `Clips (${p.count}):` }),
  noClips: (): Text => ({
    vi: 'Chưa có clip nào. Chép video vào các thư mục danh sách phát rồi chạy lại.',
    en: 'No clips yet. Put videos into the playlist folders and run again.',
  }),
  title: (): Text => ({ vi: 'Tiêu đề', en: 'Title' }),
  playlists: (): Text => ({ vi: 'Danh sách phát', en: 'Playlists' }),
  noPlaylist: (): Text => ({ vi: '(không có)', en: '(none)' }),
  privacy: (): Text => ({ vi: 'Chế độ', en: 'Privacy' }),
  privacyValue: (p: { privacy: string }): Text => {
    const vi: Record<string, string> = { public: 'công khai', unlisted: 'không công khai', private: 'riêng tư' };
    return { vi: vi[p.privacy] ?? p.privacy, en: p.privacy };
  },
  publish: (): Text => ({ vi: 'Công khai', en: 'Publish' }),
  publishNow: (): Text => ({ vi: 'ngay khi đăng', en: 'on upload' }),
  publishAt: (p: { when: string; timezone: string }): Text => ({ vi: `lúc ${p.when} (${p.timezone})`, en: `at ${p.when} (${p.timezone})` }),
  skipped: (): Text => ({ vi: 'bỏ qua (skip: true)', en: 'skipped (skip: true)' }),
  duplicateOf: (p: { original: string }): Text => ({ vi: `trùng với ${p.original}, không đăng lại`, en: `same as ${p.original}, not uploaded again` }),
  problemsTitle: (): Text => ({ vi: 'Lỗi và cảnh báo:', en: 'Errors and warnings:' }),
  line: (p: { line: number }): Text => ({ vi: `dòng ${p.line}`, en: `line ${p.line}` }),
  summary: (p: { clips: number; errors: number; warnings: number }): Text => ({
    vi: `${p.clips} clip · ${p.errors} lỗi · ${p.warnings} cảnh báo`,
    en: `${p.clips} clip${p.clips === 1 ? '' : 's'} · ${p.errors} error${p.errors === 1 ? '' : 's'} · ${p.warnings} warning${p.warnings === 1 ? '' : 's'}`,
  }),
  allGood: (): Text => ({
    vi: 'Thư viện hợp lệ. Bước tiếp theo: "happytube sync --dry-run".',
    en: 'The library is valid. Next: "happytube sync --dry-run".',
  }),
  failed: (p: { errors: number; files: number }): Text => ({
    vi: `${p.errors} lỗi trong ${p.files} tệp; chưa gửi gì lên YouTube.`,
    en: `${p.errors} error${p.errors === 1 ? '' : 's'} in ${p.files} file${p.files === 1 ? '' : 's'}; nothing was sent to YouTube.`,
  }),
  failedFix: (): Text => ({
    vi: 'Sửa các lỗi ở trên (mỗi lỗi ghi tệp, dòng và cách sửa) rồi chạy lại "happytube check".',
    en: 'Fix the errors above (each names its file, line and fix), then run "happytube check" again.',
  }),
};
