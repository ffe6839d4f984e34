import type { Text } from '../index.ts';
import { formatIsoDateTime } from '../format.ts';

/** The state kept in `<library>/.happytube/` and the one-run-at-a-time lock. */
export const state = {
  corruptFile: (p: { file: string; detail: Text }): Text => ({
    vi: `Tệp trạng thái ${p.file} bị hỏng: ${p.detail.vi}`,
    en: `The state file ${p.file} is damaged: ${p.detail.en}`,
  }),
  corruptLedgerHint: (p: { file: string }): Text => ({
    vi: `Hãy khôi phục ${p.file} từ bản sao lưu nếu có. Nếu không, đổi tên tệp đó (đừng xóa): lần đồng bộ sau sẽ nhận lại các video đã có trên kênh theo kích thước tệp và tiêu đề, không tải lên lần nữa.`,
    en: `Restore ${p.file} from a backup if you have one. Otherwise rename it (do not delete it): the next sync matches the videos already on the channel by file size and title, and does not upload them again.`,
  }),
  corruptCacheHint: (p: { file: string }): Text => ({
    vi: `Tệp ${p.file} chỉ lưu tạm để chạy nhanh hơn: có thể xóa nó, happytube sẽ tự tạo lại (đọc lại các tệp clip một lần).`,
    en: `${p.file} is only a cache: you can delete it and happytube rebuilds it (reading the files once more).`,
  }),
  corruptSessionsHint: (p: { file: string }): Text => ({
    vi: `Có thể xóa ${p.file}: các video đang tải dở sẽ tải lại từ đầu (không tạo video trùng).`,
    en: `You can delete ${p.file}: uploads in progress start again from the beginning (no duplicate video).`,
  }),
  corruptQuotaHint: (p: { file: string }): Text => ({
    vi: `Có thể xóa ${p.file}: happytube sẽ quên phần hạn mức đã dùng hôm nay, YouTube vẫn báo khi hết.`,
    en: `You can delete ${p.file}: happytube forgets the quota used today, and YouTube still says when it runs out.`,
  }),
  notJson: (p: { detail: string }): Text => ({
    vi: 'nội dung tệp bị hỏng, không đọc được.',
    en: `not valid JSON (${p.detail}).`,
  }),
  badField: (p: { field: string; detail: string }): Text => ({
    vi: `mục “${p.field}” có giá trị không đúng.`,
    en: `field "${p.field}" is wrong: ${p.detail}.`,
  }),
  noVersion: (): Text => ({
    vi: 'thiếu số phiên bản của tệp (mục “version”).',
    en: 'the format version ("version") is missing.',
  }),
  newerVersion: (p: { file: string; found: number; known: number }): Text => ({
    vi: `Tệp ${p.file} do một phiên bản happytube mới hơn ghi ra; phiên bản đang dùng không đọc được.`,
    en: `${p.file} was written by a newer happytube (format ${p.found}; this one knows up to ${p.known}).`,
  }),
  newerVersionHint: (): Text => ({
    vi: 'Hãy cập nhật happytube lên phiên bản mới nhất rồi chạy lại. Đừng sửa hay xóa tệp đó.',
    en: 'Update happytube to the latest version, then run again. Do not edit or delete that file.',
  }),
  secretInState: (p: { file: string }): Text => ({
    vi: `Từ chối ghi ${p.file}: dữ liệu có chứa mã truy cập. Mã bí mật không bao giờ được lưu trong thư mục thư viện.`,
    en: `Refusing to write ${p.file}: the data holds an access token. Secrets are never kept in the library folder.`,
  }),
  locked: (p: { file: string; pid: number; host: string; since: string }): Text => ({
    vi: `Một lần chạy happytube khác đang làm việc với thư viện này (trên máy ${p.host}, từ ${formatIsoDateTime(p.since, 'vi')}). Mỗi thư viện chỉ chạy một lần một lúc. Tệp khóa: ${p.file}`,
    en: `Another happytube run is working on this library (process ${p.pid} on ${p.host}, since ${formatIsoDateTime(p.since, 'en')}). Only one run at a time per library. Lock: ${p.file}`,
  }),
  lockedHint: (): Text => ({
    vi: 'Đợi lần chạy kia kết thúc rồi chạy lại.',
    en: 'Wait for that run to finish, then run again.',
  }),
  lockedOtherHostHint: (p: { file: string; hours: number }): Text => ({
    vi: `Tệp khóa này do một máy khác tạo nên không kiểm tra được happytube trên máy đó còn chạy hay không; tệp khóa được coi là còn hiệu lực cho đến khi ${p.hours} giờ liền không được cập nhật. Nếu chắc chắn máy kia không còn chạy happytube, hãy xóa ${p.file}.`,
    en: `This lock comes from another computer, so whether its process still runs cannot be checked; it counts as held until it has not been refreshed for ${p.hours} hours. If you are sure that computer no longer runs happytube, delete ${p.file}.`,
  }),
  lockUnreadable: (p: { file: string; detail: string }): Text => ({
    vi: `Không đọc được tệp khóa ${p.file}.`,
    en: `Cannot read the lock ${p.file}: ${p.detail}`,
  }),
  lockUnreadableHint: (p: { file: string }): Text => ({
    vi: `Nếu không có lần chạy happytube nào khác đang làm việc với thư viện này, hãy xóa ${p.file} rồi chạy lại.`,
    en: `If no other happytube run is working on this library, delete ${p.file} and run again.`,
  }),
};
