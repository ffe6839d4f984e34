import type { Text } from '../index.ts';

/** The state kept in `<library>/.happytube/` and the one-run-at-a-time lock. */
export const state = {
  corruptFile: (p: { file: string; detail: Text }): Text => ({
    vi: `Tệp trạng thái ${p.file} bị hỏng: ${p.detail.vi}`,
    en: `The state file ${p.file} is damaged: ${p.detail.en}`,
  }),
  corruptLedgerHint: (p: { file: string }): Text => ({
    vi: `Hãy khôi phục ${p.file} từ bản sao lưu nếu có. Nếu không, đổi tên tệp đó (đừng xóa): lần sync sau sẽ nhận lại các video đã có trên kênh theo kích thước tệp và tiêu đề, không tải lên lần nữa.`,
    en: `Restore ${p.file} from a backup if you have one. Otherwise rename it (do not delete it): the next sync matches the videos already on the channel by file size and title, and does not upload them again.`,
  }),
  corruptCacheHint: (p: { file: string }): Text => ({
    vi: `Tệp ${p.file} chỉ là bộ nhớ đệm: có thể xóa nó, happytube sẽ tạo lại (đọc lại các tệp một lần).`,
    en: `${p.file} is only a cache: you can delete it and happytube rebuilds it (reading the files once more).`,
  }),
  corruptSessionsHint: (p: { file: string }): Text => ({
    vi: `Có thể xóa ${p.file}: các lượt tải lên đang dở sẽ bắt đầu lại từ đầu (không tạo video trùng).`,
    en: `You can delete ${p.file}: uploads in progress start again from the beginning (no duplicate video).`,
  }),
  corruptQuotaHint: (p: { file: string }): Text => ({
    vi: `Có thể xóa ${p.file}: happytube sẽ quên phần hạn mức đã dùng hôm nay, YouTube vẫn báo khi hết.`,
    en: `You can delete ${p.file}: happytube forgets the quota used today, and YouTube still says when it runs out.`,
  }),
  notJson: (p: { detail: string }): Text => ({
    vi: `không phải JSON hợp lệ (${p.detail}).`,
    en: `not valid JSON (${p.detail}).`,
  }),
  badField: (p: { field: string; detail: string }): Text => ({
    vi: `trường "${p.field}" không đúng: ${p.detail}.`,
    en: `field "${p.field}" is wrong: ${p.detail}.`,
  }),
  noVersion: (): Text => ({
    vi: 'thiếu số phiên bản định dạng ("version").',
    en: 'the format version ("version") is missing.',
  }),
  newerVersion: (p: { file: string; found: number; known: number }): Text => ({
    vi: `Tệp ${p.file} được ghi bởi một phiên bản happytube mới hơn (định dạng ${p.found}; bản này chỉ hiểu đến ${p.known}).`,
    en: `${p.file} was written by a newer happytube (format ${p.found}; this one knows up to ${p.known}).`,
  }),
  newerVersionHint: (): Text => ({
    vi: 'Hãy cập nhật happytube lên bản mới nhất rồi chạy lại. Đừng sửa hay xóa tệp đó.',
    en: 'Update happytube to the latest version, then run again. Do not edit or delete that file.',
  }),
  secretInState: (p: { file: string }): Text => ({
    vi: `Từ chối ghi ${p.file}: dữ liệu có chứa mã truy cập. Mã bí mật không bao giờ được lưu trong thư mục thư viện.`,
    en: `Refusing to write ${p.file}: the data holds an access token. Secrets are never kept in the library folder.`,
  }),
  locked: (p: { file: string; pid: number; host: string; since: string }): Text => ({
    vi: `Một lần chạy happytube khác đang làm việc với thư viện này (tiến trình ${p.pid} trên máy ${p.host}, từ ${p.since}). Mỗi thư viện chỉ chạy một lần một lúc. Khóa: ${p.file}`,
    en: `Another happytube run is working on this library (process ${p.pid} on ${p.host}, since ${p.since}). Only one run at a time per library. Lock: ${p.file}`,
  }),
  lockedHint: (): Text => ({
    vi: 'Đợi lần chạy kia kết thúc rồi chạy lại.',
    en: 'Wait for that run to finish, then run again.',
  }),
  lockedOtherHostHint: (p: { file: string; hours: number }): Text => ({
    vi: `Khóa này đến từ một máy khác nên không thể kiểm tra tiến trình đó còn chạy hay không; khóa được coi là còn hiệu lực cho đến khi không được làm mới trong ${p.hours} giờ. Nếu chắc chắn máy kia không còn chạy happytube, hãy xóa ${p.file}.`,
    en: `This lock comes from another computer, so whether its process still runs cannot be checked; it counts as held until it has not been refreshed for ${p.hours} hours. If you are sure that computer no longer runs happytube, delete ${p.file}.`,
  }),
  lockUnreadable: (p: { file: string; detail: string }): Text => ({
    vi: `Không đọc được khóa ${p.file}: ${p.detail}`,
    en: `Cannot read the lock ${p.file}: ${p.detail}`,
  }),
  lockUnreadableHint: (p: { file: string }): Text => ({
    vi: `Nếu không có lần chạy happytube nào khác đang làm việc với thư viện này, hãy xóa ${p.file} rồi chạy lại.`,
    en: `If no other happytube run is working on this library, delete ${p.file} and run again.`,
  }),
};
