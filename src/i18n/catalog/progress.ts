import type { Text } from '../index.ts';
import { formatDateTime, formatInteger } from '../format.ts';

const vi = (n: number): string => formatInteger(n, 'vi');
const en = (n: number): string => formatInteger(n, 'en');

/**
 * What the CLI draws while sync or upload runs (bars, plain lines, the summary), and the words of
 * the `happytube upload` command.
 */
export const progress = {
  // Sizes, speeds and durations: numbers are formatted by src/cli/progress/format.ts.
  seconds: (p: { n: string }): Text => ({ vi: `${p.n} giây`, en: `${p.n} s` }),
  minutes: (p: { n: string }): Text => ({ vi: `${p.n} phút`, en: `${p.n} min` }),
  hoursMinutes: (p: { h: string; m: string }): Text => ({ vi: `${p.h} giờ ${p.m} phút`, en: `${p.h} h ${p.m} min` }),
  timeLeft: (p: { duration: Text }): Text => ({ vi: `còn ${p.duration.vi}`, en: `${p.duration.en} left` }),
  timeLeftUnknown: (): Text => ({ vi: 'đang ước tính', en: 'estimating' }),
  finishing: (): Text => ({ vi: 'chờ YouTube xác nhận', en: 'waiting for YouTube' }),
  perSecond: (p: { size: string }): Text => ({ vi: `${p.size}/giây`, en: `${p.size}/s` }),

  // Lines and bars.
  started: (p: { label: Text }): Text => ({ vi: `→ ${p.label.vi}`, en: `→ ${p.label.en}` }),
  done: (p: { label: Text }): Text => ({ vi: `✓ ${p.label.vi}`, en: `✓ ${p.label.en}` }),
  doneUrl: (p: { label: Text; url: string }): Text => ({ vi: `✓ ${p.label.vi}: ${p.url}`, en: `✓ ${p.label.en}: ${p.url}` }),
  failed: (p: { label: Text; error: Text }): Text => ({ vi: `✗ ${p.label.vi}: ${p.error.vi}`, en: `✗ ${p.label.en}: ${p.error.en}` }),
  /** YouTube's reason code helps an English reader search for it; the Vietnamese error already says it in words. */
  failedWithReason: (p: { label: Text; error: Text; reason: string }): Text => ({
    vi: `✗ ${p.label.vi}: ${p.error.vi}`,
    en: `✗ ${p.label.en}: ${p.error.en} (YouTube: ${p.reason})`,
  }),
  uploadLine: (p: { label: Text; percent: number; sent: string; total: string; speed: Text; left: Text }): Text => ({
    vi: `  ${p.label.vi}: ${p.percent}% (${p.sent} / ${p.total}, ${p.speed.vi}, ${p.left.vi})`,
    en: `  ${p.label.en}: ${p.percent}% (${p.sent} of ${p.total}, ${p.speed.en}, ${p.left.en})`,
  }),
  barFile: (p: { name: string; bar: string; percent: number; sent: string; total: string; speed: Text; left: Text }): Text => ({
    vi: `${p.name} ${p.bar} ${p.percent}% ${p.sent}/${p.total} · ${p.speed.vi} · ${p.left.vi}`,
    en: `${p.name} ${p.bar} ${p.percent}% ${p.sent}/${p.total} · ${p.speed.en} · ${p.left.en}`,
  }),
  barTotal: (p: { bar: string; percent: number; sent: string; total: string; speed: Text; left: Text; files: number }): Text => ({
    vi: `Tổng (${p.files} tệp) ${p.bar} ${p.percent}% ${p.sent}/${p.total} · ${p.speed.vi} · ${p.left.vi}`,
    en: `Total (${p.files} ${p.files === 1 ? 'file' : 'files'}) ${p.bar} ${p.percent}% ${p.sent}/${p.total} · ${p.speed.en} · ${p.left.en}`,
  }),
  retry: (p: { label: Text; attempt: number; delay: Text; reason: string }): Text => ({
    vi: `  ${p.label.vi}: mạng hoặc YouTube đang trục trặc, thử lại lần ${p.attempt} sau ${p.delay.vi}.`,
    en: `  ${p.label.en}: temporary failure (${p.reason}), retry ${p.attempt} in ${p.delay.en}.`,
  }),
  busy: (p: { label: Text; attempt: number; delay: Text; reason: string }): Text => ({
    vi: `  ${p.label.vi}: YouTube vẫn đang giữ kết nối trước của phiên tải lên này; hỏi lại sau ${p.delay.vi} rồi tải tiếp trên cùng phiên (lần chờ ${p.attempt}).`,
    en: `  ${p.label.en}: YouTube still holds the previous connection of this upload session (${p.reason}); asking again in ${p.delay.en}, then continuing on the same session (wait ${p.attempt}).`,
  }),
  resumed: (p: { label: Text; percent: number; sent: string; total: string }): Text => ({
    vi: `  ${p.label.vi}: tải tiếp từ ${p.percent}% (${p.sent} / ${p.total} đã gửi ở lần trước).`,
    en: `  ${p.label.en}: resuming from ${p.percent}% (${p.sent} of ${p.total} sent by an earlier run).`,
  }),
  quotaStop: (p: { bucket: 'units' | 'uploads' }): Text =>
    p.bucket === 'uploads'
      ? {
          vi: 'Đã hết hạn mức tải video lên của hôm nay: các việc khác (danh sách phát, thông tin, hình thu nhỏ) vẫn được làm; các video còn lại chờ ngày mai.',
          en: "Today's video upload quota is used up: the other work (playlists, details, thumbnails) still goes on; the remaining videos wait for the next day.",
        }
      : {
          vi: 'Đã hết hạn mức YouTube của hôm nay: làm nốt việc đang dở rồi dừng.',
          en: "Today's YouTube quota is used up: finishing what is in flight, then stopping.",
        },

  // The summary.
  summaryTitle: (): Text => ({ vi: 'Kết quả:', en: 'Summary:' }),
  summaryUploaded: (p: { n: number }): Text => ({ vi: `đã tải lên: ${vi(p.n)}`, en: `uploaded: ${en(p.n)}` }),
  summaryAdopted: (p: { n: number }): Text => ({ vi: `nhận lại video có sẵn: ${p.n}`, en: `adopted existing videos: ${p.n}` }),
  summaryUpdated: (p: { n: number }): Text => ({ vi: `cập nhật thông tin: ${p.n}`, en: `updated: ${p.n}` }),
  summaryAdded: (p: { n: number }): Text => ({ vi: `thêm vào danh sách phát: ${p.n}`, en: `added to playlists: ${p.n}` }),
  summaryRemoved: (p: { n: number }): Text => ({ vi: `gỡ khỏi danh sách phát: ${p.n}`, en: `removed from playlists: ${p.n}` }),
  summaryPlaylists: (p: { created: number; updated: number }): Text => ({
    vi: `danh sách phát: tạo ${p.created}, cập nhật ${p.updated}`,
    en: `playlists: ${p.created} created, ${p.updated} updated`,
  }),
  summaryThumbnails: (p: { n: number }): Text => ({ vi: `hình thu nhỏ: ${p.n}`, en: `thumbnails: ${p.n}` }),
  summaryCaptions: (p: { n: number }): Text => ({ vi: `phụ đề: ${p.n}`, en: `captions: ${p.n}` }),
  summarySkipped: (p: { n: number }): Text => ({ vi: `bỏ qua: ${p.n}`, en: `skipped: ${p.n}` }),
  summaryFailed: (p: { n: number }): Text => ({ vi: `lỗi: ${p.n}`, en: `failed: ${p.n}` }),
  summarySpent: (p: { units: number; uploads: number }): Text => ({
    vi: `hạn mức đã dùng: ${vi(p.units)} đơn vị, ${vi(p.uploads)} lượt tải video lên`,
    en: `quota spent: ${en(p.units)} ${p.units === 1 ? 'unit' : 'units'}, ${en(p.uploads)} ${p.uploads === 1 ? 'upload' : 'uploads'}`,
  }),
  summaryLeft: (p: { n: number; resetAt: Date }): Text => ({
    vi: `Còn ${vi(p.n)} clip chưa xong; hạn mức được làm mới lúc ${formatDateTime(p.resetAt, 'vi')}. Chạy lại lệnh sau giờ đó để làm tiếp.`,
    en: `${en(p.n)} ${p.n === 1 ? 'clip' : 'clips'} left; the quota resets at ${formatDateTime(p.resetAt, 'en')}. Run the command again after that to finish.`,
  }),
  summaryLeftNoQuota: (p: { n: number }): Text => ({
    vi: `Còn ${p.n} clip chưa xong. Chạy lại lệnh để làm tiếp.`,
    en: `${p.n} ${p.n === 1 ? 'clip' : 'clips'} left. Run the command again to finish.`,
  }),

  // `happytube upload FILE...` (the command).
  uploadDescription: (): Text => ({
    vi: 'Tải ngay một vài clip của thư viện lên YouTube (cùng cách đặt tiêu đề, kiểm tra và trạng thái như sync) rồi in địa chỉ video',
    en: "Upload a few of the library's clips now (the same rendering, checks and state as sync) and print each video's address",
  }),
  argFiles: (): Text => ({ vi: 'các tệp video cần tải lên', en: 'the video files to upload' }),
  optDir: (): Text => ({
    vi: 'thư mục thư viện (mặc định: thư mục gần nhất có happytube.yaml, tính từ thư mục của tệp)',
    en: "library folder (default: the nearest folder holding happytube.yaml, from the file's folder upwards)",
  }),
  optPlaylist: (): Text => ({
    vi: 'thêm vào danh sách phát có mã này (trong happytube.yaml); được ghi vào tệp .yaml đi kèm clip',
    en: 'also add to the playlist with this key (in happytube.yaml); saved in the sidecar .yaml',
  }),
  optTitle: (): Text => ({
    vi: 'tên clip (biến {{ title }} của mẫu) thay cho tên lấy từ tên tệp; được ghi vào tệp .yaml đi kèm clip',
    en: "the clip's title (the template's {{ title }}) instead of the one from the file name; saved in its sidecar .yaml",
  }),
  optPrivacy: (): Text => ({
    vi: 'chế độ hiển thị: Công khai (public), Không công khai (unlisted) hoặc Riêng tư (private); được ghi vào tệp .yaml đi kèm clip',
    en: 'visibility: public, unlisted or private; saved in the sidecar .yaml',
  }),
  optTemplate: (): Text => ({
    vi: 'dùng mẫu templates/TÊN.yaml cho clip này; được ghi vào tệp .yaml đi kèm clip',
    en: 'render this clip with templates/NAME.yaml; saved in the sidecar .yaml',
  }),
  optYes: (): Text => ({ vi: 'không hỏi lại trước khi tải lên', en: 'do not ask before uploading' }),
  noLibrary: (p: { file: string }): Text => ({
    vi: `Không tìm thấy thư viện (thư mục có happytube.yaml) chứa “${p.file}”.`,
    en: `No library (a folder holding happytube.yaml) contains "${p.file}".`,
  }),
  noLibraryHint: (): Text => ({
    vi: 'Chép tệp vào thư mục danh sách phát của thư viện, hoặc chỉ rõ thư viện bằng --dir.',
    en: "Copy the file into a playlist folder of the library, or name the library with --dir.",
  }),
  fileMissing: (p: { file: string }): Text => ({
    vi: `Không đọc được tệp “${p.file}”: tệp không tồn tại, hoặc đó là một thư mục.`,
    en: `Cannot read "${p.file}": it does not exist or is not a regular file.`,
  }),
  fileMissingHint: (): Text => ({ vi: 'Kiểm tra lại đường dẫn và tên tệp.', en: 'Check the path and the file name.' }),
  notAClip: (p: { file: string; root: string }): Text => ({
    vi: `“${p.file}” không phải clip của thư viện ${p.root} (nằm ngoài thư mục thư viện, hoặc không phải tệp video).`,
    en: `"${p.file}" is not a clip of the library ${p.root} (it is outside the library folder, or not a video file).`,
  }),
  notAClipHint: (p: { folders: string }): Text => ({
    vi: `Chép tệp vào thư mục danh sách phát của nó (${p.folders}) rồi chạy lại.`,
    en: `Copy the file into the folder of its playlist (${p.folders}), then run again.`,
  }),
  needsPlaylist: (p: { file: string }): Text => ({
    vi: `“${p.file}” không nằm trong thư mục danh sách phát nào, nên chưa biết đưa video vào danh sách phát nào.`,
    en: `"${p.file}" is not in a playlist folder, so it is not known which playlist the video belongs to.`,
  }),
  needsPlaylistHint: (p: { keys: string; folders: string }): Text => ({
    vi: `Thêm --playlist MÃ (một trong: ${p.keys}), hoặc chuyển tệp vào một trong các thư mục: ${p.folders}.`,
    en: `Add --playlist KEY (one of: ${p.keys}), or move the file into one of the folders: ${p.folders}.`,
  }),
  badPrivacy: (p: { value: string }): Text => ({
    vi: `--privacy “${p.value}” không dùng được.`,
    en: `--privacy "${p.value}" is not valid.`,
  }),
  badPrivacyHint: (): Text => ({ vi: 'Ghi Công khai (public), Không công khai (unlisted) hoặc Riêng tư (private): gõ phần trong ngoặc.', en: 'Use public, unlisted or private.' }),
  badTitle: (p: { chars: number; max: number }): Text => ({
    vi: `--title không dùng được: tiêu đề dài ${p.chars} ký tự (tối đa ${p.max}), không được để trống và không được có dấu < hoặc >.`,
    en: `--title is not valid: ${p.chars} characters (at most ${p.max}), it must not be empty nor contain < or >.`,
  }),
  badTitleHint: (): Text => ({ vi: 'Rút gọn tiêu đề và bỏ các ký tự < >.', en: 'Shorten the title and leave out < and >.' }),
  unknownTemplate: (p: { name: string; dir: string }): Text => ({
    vi: `--template “${p.name}”: không có mẫu này trong thư mục ${p.dir} (tệp ${p.name}.yaml).`,
    en: `--template "${p.name}": there is no such template in ${p.dir} (file ${p.name}.yaml).`,
  }),
  unknownTemplateHint: (p: { known: string }): Text =>
    p.known === ''
      ? { vi: 'Thư viện chưa có mẫu nào: tạo tệp templates/TÊN.yaml trước.', en: 'The library has no templates yet: create templates/NAME.yaml first.' }
      : { vi: `Dùng một mẫu đã có: ${p.known}.`, en: `Use one of the templates: ${p.known}.` },
  savedInSidecar: (p: { sidecar: string; keys: string }): Text => ({
    vi: `Đã ghi ${p.keys} vào “${p.sidecar}”, để các lần đồng bộ sau giữ nguyên.`,
    en: `Saved ${p.keys} in "${p.sidecar}", so the next sync keeps it.`,
  }),
  sidecarRestored: (p: { sidecar: string }): Text => ({
    vi: `Chưa gửi gì lên YouTube; “${p.sidecar}” đã được trả lại như cũ.`,
    en: `Nothing was sent to YouTube; "${p.sidecar}" is back as it was.`,
  }),
  sidecarUnreadable: (p: { sidecar: string; line: number; problem: Text }): Text => ({
    vi: `Không ghi được vào “${p.sidecar}” (dòng ${p.line}): ${p.problem.vi}`,
    en: `Cannot save in "${p.sidecar}" (line ${p.line}): ${p.problem.en}`,
  }),
  sidecarUnreadableHint: (): Text => ({
    vi: 'Sửa tệp đó (chạy “happytube check” để xem lỗi) rồi chạy lại lệnh.',
    en: 'Fix that file ("happytube check" shows the problem), then run the command again.',
  }),
  uploadedUrl: (p: { file: string; url: string }): Text => ({ vi: `${p.file}: ${p.url}`, en: `${p.file}: ${p.url}` }),
  alreadyPublished: (p: { file: string; url: string }): Text => ({
    vi: `${p.file}: đã có trên YouTube, không tải lại: ${p.url}`,
    en: `${p.file}: already on YouTube, not uploaded again: ${p.url}`,
  }),
  notUploaded: (p: { file: string }): Text => ({
    vi: `${p.file}: chưa tải lên (xem thông báo ở trên).`,
    en: `${p.file}: not uploaded (see the messages above).`,
  }),
  skippedClip: (p: { file: string }): Text => ({
    vi: `${p.file}: tệp .yaml đi kèm clip ghi “skip: true” nên không tải lên.`,
    en: `${p.file}: its sidecar says "skip: true", so it is not uploaded.`,
  }),
};
