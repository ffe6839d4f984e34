import type { Text } from '../index.ts';
import { formatIsoDateTime } from '../format.ts';
import { privacyName } from './words.ts';

/** `happytube check`: the report of what would be published, and of every mistake. */
export const check = {
  description: (): Text => ({
    vi: 'Kiểm tra thư viện mà không cần mạng: tiêu đề, danh sách phát, chế độ hiển thị, lịch đăng của từng clip, và mọi lỗi',
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
  privacy: (): Text => ({ vi: 'Chế độ hiển thị', en: 'Privacy' }),
  privacyValue: (p: { privacy: string }): Text => ({ vi: privacyName(p.privacy, 'vi'), en: p.privacy }),
  publish: (): Text => ({ vi: 'Lên lịch', en: 'Publish' }),
  publishNow: (): Text => ({ vi: 'không (đăng ngay khi tải lên)', en: 'on upload' }),
  publishAt: (p: { iso: string; timeZone: string }): Text => ({
    vi: formatIsoDateTime(p.iso, 'vi', p.timeZone),
    en: `at ${formatIsoDateTime(p.iso, 'en', p.timeZone)}`,
  }),
  skipped: (): Text => ({ vi: 'bỏ qua (tệp .yaml đi kèm clip ghi skip: true)', en: 'skipped (skip: true)' }),
  duplicateOf: (p: { original: string }): Text => ({ vi: `trùng với ${p.original}, không đăng lại`, en: `same as ${p.original}, not uploaded again` }),
  /** A key's place in a file: `playlists[1].folder` reads "playlists (mục thứ 2), folder" in Vietnamese. */
  field: (p: { field: string }): Text => ({
    vi: p.field.replace(/\[(\d+)\]/g, (_, i: string) => ` (mục thứ ${Number(i) + 1})`).replaceAll('.', ', '),
    en: p.field,
  }),
  problemsTitle: (): Text => ({ vi: 'Lỗi và cảnh báo:', en: 'Errors and warnings:' }),
  line: (p: { line: number }): Text => ({ vi: `dòng ${p.line}`, en: `line ${p.line}` }),
  summary: (p: { clips: number; errors: number; warnings: number }): Text => ({
    vi: `${p.clips} clip · ${p.errors} lỗi · ${p.warnings} cảnh báo`,
    en: `${p.clips} clip${p.clips === 1 ? '' : 's'} · ${p.errors} error${p.errors === 1 ? '' : 's'} · ${p.warnings} warning${p.warnings === 1 ? '' : 's'}`,
  }),
  allGood: (): Text => ({
    vi: 'Thư viện không có lỗi. Bước tiếp theo: “happytube sync --dry-run” để xem trước.',
    en: 'The library is valid. Next: "happytube sync --dry-run".',
  }),
  failed: (p: { errors: number; files: number }): Text => ({
    vi: `${p.errors} lỗi trong ${p.files} tệp; chưa gửi gì lên YouTube.`,
    en: `${p.errors} error${p.errors === 1 ? '' : 's'} in ${p.files} file${p.files === 1 ? '' : 's'}; nothing was sent to YouTube.`,
  }),
  failedFix: (): Text => ({
    vi: 'Sửa các lỗi ở trên (mỗi lỗi ghi rõ tệp, dòng và cách sửa) rồi chạy lại “happytube check”.',
    en: 'Fix the errors above (each names its file, line and fix), then run "happytube check" again.',
  }),
};
