import type { Text } from '../index.ts';
import { formatDateTime, formatInteger } from '../format.ts';
import { captionLanguage, privacyName } from './words.ts';

const vi = (n: number): string => formatInteger(n, 'vi');
const en = (n: number): string => formatInteger(n, 'en');

/** `happytube sync`, `status` and `playlists`: the plan, its run, the summary. */
export const sync = {
  description: (): Text => ({
    vi: 'Đưa kênh về đúng như thư mục: tải clip mới lên, cập nhật tiêu đề và mô tả, xếp vào danh sách phát',
    en: 'Make the channel match the folder: upload new clips, update titles and descriptions, fill the playlists',
  }),
  statusDescription: (): Text => ({
    vi: 'Cho biết clip nào đã đăng, còn chờ, bị lỗi, và hạn mức đã dùng hôm nay (không cần mạng)',
    en: 'Show which clips are published, pending or failed, and the quota used today (no network needed)',
  }),
  playlistsDescription: (): Text => ({
    vi: 'Liệt kê các danh sách phát do happytube quản lý trên kênh',
    en: 'List the playlists happytube manages on the channel',
  }),
  optDryRun: (): Text => ({ vi: 'xem trước: chỉ in kế hoạch và số hạn mức sẽ dùng, không gửi và không ghi gì', en: 'print the plan and its cost; send and write nothing' }),
  optYes: (): Text => ({ vi: 'không hỏi lại trước khi dùng hạn mức', en: 'do not ask before spending quota' }),
  optOnly: (): Text => ({ vi: 'chỉ xử lý các clip này (đường dẫn tệp)', en: 'only these clips (file paths)' }),
  optNoUpdate: (): Text => ({ vi: 'không cập nhật thông tin của video đã đăng', en: 'leave the metadata of published videos alone' }),
  optLimitRate: (): Text => ({
    vi: 'giới hạn tốc độ tải lên, ví dụ 500k, 2M, 1,5MB; chỉ trong một khung giờ: 2M@07:00-16:30',
    en: 'limit the upload speed, e.g. 500k, 2M, 1.5MB; only during some hours: 2M@07:00-16:30',
  }),
  optConcurrency: (): Text => ({ vi: 'số clip tải lên cùng lúc, từ 1 đến 4 (mặc định 1)', en: 'clips uploaded at once, 1 to 4 (default 1)' }),
  optWait: (): Text => ({
    vi: 'khi hết hạn mức trong ngày, chờ đến lúc hạn mức được làm mới rồi tự làm tiếp cho đến khi xong',
    en: "when the day's quota runs out, wait for it to reset and go on until everything is published",
  }),
  optWatch: (): Text => ({
    vi: 'sau lần đồng bộ đầu, theo dõi thư mục và đồng bộ ngay những gì thay đổi (Ctrl-C để dừng)',
    en: 'after the first sync, watch the folder and sync whatever changes (Ctrl-C to stop)',
  }),
  optSettle: (p: { n: number }): Text => ({
    vi: `với --watch: số giây một tệp phải đứng yên (không đổi dung lượng và thời gian sửa) mới được lấy (mặc định ${p.n})`,
    en: `with --watch: seconds a file must stay unchanged (size and modification time) before it is taken (default ${p.n})`,
  }),
  badSettle: (p: { value: string }): Text => ({
    vi: `--settle “${p.value}” không hợp lệ: phải là số giây từ 1 đến 3600.`,
    en: `--settle "${p.value}" is not valid: it must be a number of seconds from 1 to 3600.`,
  }),
  badSettleHint: (): Text => ({ vi: 'Ví dụ: --settle 30 (cho thư mục mạng chậm)', en: 'For example: --settle 30 (for a slow network share)' }),
  settleWithoutWatch: (): Text => ({
    vi: '--settle chỉ dùng cùng --watch: nó là thời gian chờ một tệp đứng yên khi theo dõi thư mục.',
    en: '--settle only goes with --watch: it is how long a file must stay still while the folder is watched.',
  }),
  settleWithoutWatchHint: (): Text => ({
    vi: 'Thêm --watch (ví dụ: happytube sync --watch --settle 30), hoặc bỏ --settle.',
    en: 'Add --watch (for example: happytube sync --watch --settle 30), or leave --settle out.',
  }),
  watchJson: (): Text => ({
    vi: '--json không dùng chung được với --watch: lệnh theo dõi chạy đến khi bạn dừng, nên không có một kết quả JSON cuối cùng.',
    en: '--json cannot be combined with --watch: a watch runs until you stop it, so there is no final JSON document.',
  }),
  watchJsonHint: (): Text => ({
    vi: 'Bỏ --json, hoặc dùng “happytube sync --json” (có thể kèm --wait).',
    en: 'Leave out --json, or use "happytube sync --json" (with --wait if you like).',
  }),
  waitStart: (p: { left: number; resetAt: Date; resumeAt: Date }): Text => ({
    vi: `Đã hết hạn mức hôm nay, còn ${vi(p.left)} clip. Hạn mức được làm mới lúc ${formatDateTime(p.resetAt, 'vi')}; happytube sẽ tự làm tiếp lúc ${formatDateTime(p.resumeAt, 'vi')}. Cứ để máy bật; Ctrl-C để dừng (phần đã xong được giữ nguyên).`,
    en: `Today's quota is used up with ${en(p.left)} ${p.left === 1 ? 'clip' : 'clips'} left. It resets at ${formatDateTime(p.resetAt, 'en')}; happytube goes on by itself at ${formatDateTime(p.resumeAt, 'en')}. Leave the computer on; Ctrl-C stops (what is done stays done).`,
  }),
  waitTick: (p: { resumeAt: Date; duration: Text }): Text => ({
    vi: `Đang chờ hạn mức: làm tiếp lúc ${formatDateTime(p.resumeAt, 'vi')} (còn ${p.duration.vi})`,
    en: `Waiting for the quota: going on at ${formatDateTime(p.resumeAt, 'en')} (in ${p.duration.en})`,
  }),
  waitStuck: (p: { left: number }): Text => ({
    vi: `Còn ${vi(p.left)} clip nhưng cả một ngày hạn mức mới cũng không đủ cho bước tiếp theo của chúng, nên happytube thôi chờ.`,
    en: `${en(p.left)} ${p.left === 1 ? 'clip is' : 'clips are'} left, but even a whole new day of quota is not enough for their next step, so happytube stops waiting.`,
  }),
  waitStuckHint: (): Text => ({
    vi: 'Phụ đề tốn 400 đơn vị, hình thu nhỏ và cập nhật 50: xem mục “quota” trong happytube.yaml có đúng hạn mức của dự án không; xin thêm hạn mức: support.google.com/youtube/contact/yt_api_form',
    en: 'Captions cost 400 units, thumbnails and updates 50: check that "quota:" in happytube.yaml is your project\'s real limit; for more quota: support.google.com/youtube/contact/yt_api_form',
  }),
  waitEnd: (): Text => ({ vi: 'Hạn mức đã được làm mới: làm tiếp.', en: 'The quota has reset: going on.' }),
  watchIdle: (p: { dir: string }): Text => ({
    vi: `Đang theo dõi ${p.dir}: clip mới và tệp đã sửa sẽ được đồng bộ ngay. Ctrl-C để dừng.`,
    en: `Watching ${p.dir}: new clips and edited files are synced as they come. Ctrl-C to stop.`,
  }),
  watchChanging: (p: { n: number; names: string; seconds: number }): Text => ({
    vi: `Chờ ${vi(p.n)} tệp chép xong (đứng yên ${p.seconds} giây): ${p.names}`,
    en: `Waiting for ${p.n} files to finish copying (unchanged for ${p.seconds} s): ${p.names}`,
  }),
  watchStopped: (): Text => ({ vi: 'Đã dừng theo dõi thư mục.', en: 'Stopped watching the folder.' }),
  roundChanges: (p: { n: number }): Text => ({
    vi: `${vi(p.n)} tệp mới hoặc đã sửa: đồng bộ.`,
    en: `${en(p.n)} new or changed ${p.n === 1 ? 'file' : 'files'}: syncing.`,
  }),
  badConcurrency: (p: { value: string }): Text => ({
    vi: `--concurrency “${p.value}” không dùng được: cần một số nguyên từ 1 đến 4.`,
    en: `--concurrency "${p.value}" is not valid: it must be a whole number from 1 to 4.`,
  }),
  badConcurrencyHint: (): Text => ({ vi: 'Ví dụ: --concurrency 2', en: 'For example: --concurrency 2' }),
  onlyNotFound: (p: { path: string }): Text => ({
    vi: `--only ${p.path}: không có clip nào ở đường dẫn này trong thư viện.`,
    en: `--only ${p.path}: no clip of the library is at this path.`,
  }),
  onlyNotFoundHint: (): Text => ({
    vi: 'Ghi đường dẫn của tệp video (tính từ thư mục hiện tại hoặc thư mục thư viện); “happytube check” liệt kê các clip.',
    en: 'Give the path of a video file (from the current folder or the library folder); "happytube check" lists the clips.',
  }),
  unknownPlaylist: (p: { key: string }): Text => ({
    vi: `Không có danh sách phát nào mang mã “${p.key}” trong happytube.yaml.`,
    en: `No playlist with key "${p.key}" in happytube.yaml.`,
  }),
  unknownPlaylistHint: (p: { known: string }): Text => ({
    vi: `Dùng một trong các mã: ${p.known}.`,
    en: `Use one of the keys: ${p.known}.`,
  }),
  channelBound: (p: { file: string; bound: string; signedIn: string; title: string }): Text => ({
    vi: `Thư viện này đã đồng bộ với kênh có mã ${p.bound} (ghi trong ${p.file}), nhưng tài khoản đang đăng nhập là kênh “${p.title}” (mã kênh ${p.signedIn}). Chưa gửi gì lên YouTube.`,
    en: `This library was synced with channel ${p.bound} (recorded in ${p.file}), but the signed-in account is channel "${p.title}" (${p.signedIn}). Nothing was sent to YouTube.`,
  }),
  channelBoundHint: (): Text => ({
    vi: 'Đăng nhập đúng kênh bằng “happytube auth login” (hoặc chọn hồ sơ khác bằng --profile).',
    en: 'Sign in to the right channel with "happytube auth login" (or choose another profile with --profile).',
  }),
  retriesExhausted: (p: { method: string; attempts: number; reason: string }): Text => ({
    vi: `Đã thử ${p.attempts} lần mà YouTube vẫn không trả lời được (mạng chập chờn hoặc YouTube đang quá tải).`,
    en: `YouTube kept failing after ${p.attempts} attempts (${p.method}: ${p.reason}).`,
  }),
  retriesExhaustedHint: (): Text => ({
    vi: 'Kiểm tra kết nối mạng rồi chạy lại “happytube sync”: phần việc đã xong được giữ nguyên.',
    en: 'Check the network connection and run "happytube sync" again: what is done stays done.',
  }),
  interrupted: (): Text => ({ vi: 'Đã dừng theo yêu cầu.', en: 'Stopped on request.' }),
  runAgainHint: (): Text => ({
    vi: 'Chạy lại “happytube sync” để làm tiếp; video đang tải dở sẽ tải tiếp từ chỗ đã dừng.',
    en: 'Run "happytube sync" again to continue; unfinished uploads resume where they stopped.',
  }),
  quotaLeft: (p: { left: number; resetAt: Date }): Text => ({
    vi: `Còn ${vi(p.left)} clip chưa xong; hạn mức được làm mới lúc ${formatDateTime(p.resetAt, 'vi')}.`,
    en: `${en(p.left)} clips left; the quota resets at ${formatDateTime(p.resetAt, 'en')}.`,
  }),
  quotaLeftHint: (): Text => ({
    vi: 'Chạy lại “happytube sync” sau giờ đó để làm tiếp. Muốn xin thêm hạn mức: support.google.com/youtube/contact/yt_api_form',
    en: 'Run "happytube sync" again after that time to finish. For more quota: support.google.com/youtube/contact/yt_api_form',
  }),
  someFailed: (p: { count: number }): Text => ({
    vi: `${p.count} clip không đăng được (lý do ở trên).`,
    en: `${p.count} clips could not be published (reasons above).`,
  }),
  someFailedHint: (): Text => ({
    vi: 'Sửa theo lý do YouTube đưa ra, rồi chạy lại “happytube sync”; “happytube status” liệt kê các clip bị lỗi.',
    en: 'Fix what YouTube says, then run "happytube sync" again; "happytube status" lists the failed clips.',
  }),
  privateLock: (p: { asked: string }): Text => ({
    vi: `YouTube đã để video ở chế độ Riêng tư dù happytube chọn “${privacyName(p.asked, 'vi')}”: dự án Google Cloud của trường chưa được Google thẩm định, nên mọi video tải lên từ ứng dụng của trường đều bị khóa ở chế độ Riêng tư.`,
    en: `YouTube made the video private although happytube asked for "${p.asked}": the school's Google Cloud project is not verified by Google, so every video uploaded through the API is locked private.`,
  }),
  privateLockHint: (p: { form: string }): Text => ({
    vi: `Gửi yêu cầu thẩm định tại ${p.form}; trong lúc chờ, có thể đổi chế độ hiển thị của từng video trong YouTube Studio.`,
    en: `Ask for the audit at ${p.form}; meanwhile you can change each video's visibility in YouTube Studio.`,
  }),
  sessionElsewhere: (p: { file: string; origin: string }): Text => ({
    vi: `Phiên tải lên đã lưu của “${p.file}” trỏ tới một địa chỉ khác ${p.origin}: bỏ phiên đó (không gửi mã truy cập hay dữ liệu nào tới đó) và mở phiên mới.`,
    en: `The saved upload session of "${p.file}" points somewhere other than ${p.origin}: it is dropped (no access token or byte is sent there) and a new session is opened.`,
  }),
  sessionElsewhereHint: (): Text => ({
    vi: 'Đừng sửa tệp .happytube/sessions.json bằng tay; nếu thư mục được chép từ máy khác, hãy kiểm tra thư mục .happytube của nó.',
    en: 'Do not edit .happytube/sessions.json by hand; if the folder was copied from another computer, check its .happytube folder.',
  }),
  clipsLeft: (p: { left: number }): Text => ({
    vi: `Còn ${p.left} clip chưa xong.`,
    en: `${p.left} ${p.left === 1 ? 'clip' : 'clips'} left.`,
  }),
  clipsLeftHint: (): Text => ({
    vi: 'Đọc các cảnh báo ở trên, rồi chạy lại lệnh để làm tiếp.',
    en: 'Read the warnings above, then run the command again to finish.',
  }),
  thumbnailRefused: (): Text => ({
    vi: 'YouTube không nhận hình thu nhỏ vì kênh chưa được xác minh. Video vẫn được đăng bình thường.',
    en: 'YouTube refused the thumbnail (403): the channel is not verified. The video is published all the same.',
  }),
  thumbnailRefusedHint: (): Text => ({
    vi: 'Xác minh kênh tại youtube.com/verify rồi chạy lại “happytube sync” để đặt hình thu nhỏ.',
    en: 'Verify the channel at youtube.com/verify, then run "happytube sync" again to set the thumbnails.',
  }),
  labelPlaylistCreate: (p: { title: string }): Text => ({ vi: `Tạo danh sách phát “${p.title}”`, en: `Create playlist "${p.title}"` }),
  labelPlaylistUpdate: (p: { title: string }): Text => ({ vi: `Cập nhật danh sách phát “${p.title}”`, en: `Update playlist "${p.title}"` }),
  labelUpload: (p: { file: string }): Text => ({ vi: `Tải lên ${p.file}`, en: `Upload ${p.file}` }),
  labelAdopt: (p: { file: string; videoId: string }): Text => ({
    vi: `Nhận lại ${p.file} (video đã có sẵn trên kênh)`,
    en: `Adopt ${p.file} (already on the channel: ${p.videoId})`,
  }),
  labelUpdate: (p: { file: string }): Text => ({ vi: `Cập nhật thông tin ${p.file}`, en: `Update metadata of ${p.file}` }),
  labelThumbnail: (p: { file: string }): Text => ({ vi: `Đặt hình thu nhỏ cho ${p.file}`, en: `Set thumbnail of ${p.file}` }),
  labelCaption: (p: { file: string; lang: string }): Text => ({ vi: `Thêm phụ đề ${captionLanguage(p.lang)} cho ${p.file}`, en: `Add ${p.lang} captions to ${p.file}` }),
  labelItemInsert: (p: { file: string; playlist: string }): Text => ({ vi: `Thêm ${p.file} vào danh sách phát “${p.playlist}”`, en: `Add ${p.file} to playlist ${p.playlist}` }),
  labelItemDelete: (p: { file: string; playlist: string }): Text => ({ vi: `Gỡ ${p.file} khỏi danh sách phát “${p.playlist}”`, en: `Remove ${p.file} from playlist ${p.playlist}` }),
  deletedOnYouTube: (p: { file: string; videoId: string }): Text => ({
    vi: `${p.file}: video này đã bị xóa trên YouTube; happytube không tự tải lên lại.`,
    en: `${p.file}: video ${p.videoId} was deleted on YouTube; happytube does not upload it again on its own.`,
  }),
  duplicate: (p: { file: string; original: string }): Text => ({
    vi: `${p.file}: cùng nội dung với ${p.original}, chỉ đăng một lần.`,
    en: `${p.file}: same content as ${p.original}, published once.`,
  }),
  playlistGone: (p: { key: string; id: string }): Text => ({
    vi: `Danh sách phát “${p.key}” không còn trên kênh; sẽ được tạo lại.`,
    en: `Playlist ${p.key} (${p.id}) is no longer on the channel; it will be created again.`,
  }),
  planTitle: (p: { actions: number; clips: number }): Text => ({
    vi: `Kế hoạch: ${vi(p.actions)} việc cho ${vi(p.clips)} clip`,
    en: `Plan: ${p.actions} actions for ${p.clips} clips`,
  }),
  planCost: (p: { units: number; uploads: number; leftUnits: number; leftUploads: number }): Text => ({
    vi: `Sẽ dùng ${vi(p.units)} đơn vị hạn mức và ${vi(p.uploads)} lượt tải lên (miễn phí; hôm nay còn ${vi(p.leftUnits)} đơn vị, ${vi(p.leftUploads)} lượt)`,
    en: `Cost: ${en(p.units)} quota units and ${en(p.uploads)} uploads (left today: ${en(p.leftUnits)} units, ${en(p.leftUploads)} uploads)`,
  }),
  costUnits: (p: { n: number }): Text => ({ vi: `${vi(p.n)} đơn vị hạn mức`, en: `${en(p.n)} ${p.n === 1 ? 'unit' : 'units'}` }),
  costUploads: (p: { n: number }): Text => ({ vi: `${vi(p.n)} lượt tải lên`, en: `${p.n} ${p.n === 1 ? 'upload' : 'uploads'}` }),
  nothingToDo: (): Text => ({ vi: 'Kênh đã khớp với thư mục: không có gì để làm.', en: 'The channel matches the folder: nothing to do.' }),
  dryRunDone: (): Text => ({ vi: 'Đây chỉ là bản xem trước: chưa gửi gì lên YouTube và chưa ghi gì.', en: 'Dry run: nothing was sent or written.' }),
  confirm: (p: { units: number; uploads: number }): Text => ({
    vi: `Làm theo kế hoạch này (dùng ${vi(p.units)} đơn vị hạn mức, ${vi(p.uploads)} lượt tải lên)?`,
    en: `Run this plan (${en(p.units)} units, ${en(p.uploads)} uploads)?`,
  }),
  cancelled: (): Text => ({ vi: 'Đã hủy: không gửi gì lên YouTube.', en: 'Cancelled: nothing was sent to YouTube.' }),
  statusTitle: (p: { root: string }): Text => ({ vi: `Thư viện ${p.root}`, en: `Library ${p.root}` }),
  statusCounts: (p: { published: number; pending: number; failed: number; deleted: number; skipped: number }): Text => ({
    vi: `Đã đăng ${p.published} · chờ đăng ${p.pending} · lỗi ${p.failed} · bị xóa trên YouTube ${p.deleted} · bỏ qua ${p.skipped}`,
    en: `Published ${p.published} · pending ${p.pending} · failed ${p.failed} · deleted on YouTube ${p.deleted} · skipped ${p.skipped}`,
  }),
  statusPendingTitle: (): Text => ({ vi: 'Chờ đăng:', en: 'Pending:' }),
  statusFailedTitle: (): Text => ({ vi: 'Lỗi:', en: 'Failed:' }),
  statusSessions: (p: { count: number }): Text => ({
    vi: `Lượt tải dở có thể tải tiếp: ${p.count}`,
    en: `Resumable uploads in progress: ${p.count}`,
  }),
  statusQuota: (p: { units: number; unitLimit: number; uploads: number; uploadLimit: number; resetAt: Date; timeZone?: string | undefined }): Text => ({
    vi: `Hạn mức hôm nay: đã dùng ${vi(p.units)}/${vi(p.unitLimit)} đơn vị, ${vi(p.uploads)}/${vi(p.uploadLimit)} lượt tải lên; được làm mới lúc ${formatDateTime(p.resetAt, 'vi', p.timeZone)}`,
    en: `Quota today: ${en(p.units)}/${en(p.unitLimit)} units, ${en(p.uploads)}/${en(p.uploadLimit)} uploads; resets at ${formatDateTime(p.resetAt, 'en', p.timeZone)}`,
  }),
  playlistsTitle: (p: { count: number }): Text => ({ vi: `${p.count} danh sách phát được quản lý`, en: `${p.count} managed playlists` }),
  playlistLine: (p: { key: string; title: string; url: string; items: string }): Text => ({
    vi: `${p.key}: “${p.title}” · ${p.items} video · ${p.url}`,
    en: `${p.key}: "${p.title}" · ${p.items} videos · ${p.url}`,
  }),
  playlistNotCreated: (p: { key: string; title: string }): Text => ({
    vi: `${p.key}: “${p.title}” · chưa có trên kênh (sẽ được tạo khi chạy “happytube sync”)`,
    en: `${p.key}: "${p.title}" · not on the channel yet ("happytube sync" creates it)`,
  }),
};
