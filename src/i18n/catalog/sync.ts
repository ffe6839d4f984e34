import type { Text } from '../index.ts';

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
  optDryRun: (): Text => ({ vi: 'chỉ in kế hoạch và chi phí, không gửi và không ghi gì', en: 'print the plan and its cost; send and write nothing' }),
  optYes: (): Text => ({ vi: 'không hỏi lại trước khi chạy', en: 'do not ask before spending quota' }),
  optOnly: (): Text => ({ vi: 'chỉ xử lý các clip này (đường dẫn tệp)', en: 'only these clips (file paths)' }),
  optNoUpdate: (): Text => ({ vi: 'không cập nhật thông tin của video đã đăng', en: 'leave the metadata of published videos alone' }),
  optLimitRate: (): Text => ({ vi: 'giới hạn tốc độ tải lên, ví dụ 500k, 2M, 1.5MB', en: 'limit the upload speed, e.g. 500k, 2M, 1.5MB' }),
  optConcurrency: (): Text => ({ vi: 'số clip tải lên cùng lúc, từ 1 đến 4 (mặc định 1)', en: 'clips uploaded at once, 1 to 4 (default 1)' }),
  badConcurrency: (p: { value: string }): Text => ({
    vi: `--concurrency "${p.value}" không hợp lệ: phải là số nguyên từ 1 đến 4.`,
    en: `--concurrency "${p.value}" is not valid: it must be a whole number from 1 to 4.`,
  }),
  badConcurrencyHint: (): Text => ({ vi: 'Ví dụ: --concurrency 2', en: 'For example: --concurrency 2' }),
  onlyNotFound: (p: { path: string }): Text => ({
    vi: `--only ${p.path}: không có clip nào ở đường dẫn này trong thư viện.`,
    en: `--only ${p.path}: no clip of the library is at this path.`,
  }),
  onlyNotFoundHint: (): Text => ({
    vi: 'Ghi đường dẫn của tệp video (tính từ thư mục hiện tại hoặc thư mục thư viện); "happytube check" liệt kê các clip.',
    en: 'Give the path of a video file (from the current folder or the library folder); "happytube check" lists the clips.',
  }),
  unknownPlaylist: (p: { key: string }): Text => ({
    vi: `Không có danh sách phát với khóa "${p.key}" trong happytube.yaml.`,
    en: `No playlist with key "${p.key}" in happytube.yaml.`,
  }),
  unknownPlaylistHint: (p: { known: string }): Text => ({
    vi: `Dùng một trong các khóa: ${p.known}.`,
    en: `Use one of the keys: ${p.known}.`,
  }),
  channelBound: (p: { file: string; bound: string; signedIn: string; title: string }): Text => ({
    vi: `Thư viện này đã đồng bộ với kênh ${p.bound} (ghi trong ${p.file}), nhưng tài khoản đang đăng nhập là kênh "${p.title}" (${p.signedIn}). Không gửi gì lên YouTube.`,
    en: `This library was synced with channel ${p.bound} (recorded in ${p.file}), but the signed-in account is channel "${p.title}" (${p.signedIn}). Nothing was sent to YouTube.`,
  }),
  channelBoundHint: (): Text => ({
    vi: 'Đăng nhập đúng kênh bằng "happytube auth login" (hoặc chọn hồ sơ khác với --profile).',
    en: 'Sign in to the right channel with "happytube auth login" (or choose another profile with --profile).',
  }),
  retriesExhausted: (p: { method: string; attempts: number; reason: string }): Text => ({
    vi: `YouTube vẫn lỗi sau ${p.attempts} lần thử (${p.method}: ${p.reason}).`,
    en: `YouTube kept failing after ${p.attempts} attempts (${p.method}: ${p.reason}).`,
  }),
  retriesExhaustedHint: (): Text => ({
    vi: 'Kiểm tra kết nối mạng rồi chạy lại "happytube sync": phần đã xong được giữ nguyên.',
    en: 'Check the network connection and run "happytube sync" again: what is done stays done.',
  }),
  interrupted: (): Text => ({ vi: 'Đã dừng theo yêu cầu.', en: 'Stopped on request.' }),
  runAgainHint: (): Text => ({
    vi: 'Chạy lại "happytube sync" để làm tiếp; các video đang tải dở sẽ tải tiếp từ chỗ đã dừng.',
    en: 'Run "happytube sync" again to continue; unfinished uploads resume where they stopped.',
  }),
  quotaLeft: (p: { left: number; time: string }): Text => ({
    vi: `Còn ${p.left} clip chưa xong; hạn mức được cấp lại lúc ${p.time}.`,
    en: `${p.left} clips left; the quota resets at ${p.time}.`,
  }),
  quotaLeftHint: (): Text => ({
    vi: 'Chạy lại "happytube sync" sau giờ đó để làm tiếp. Cần nhiều hạn mức hơn: support.google.com/youtube/contact/yt_api_form',
    en: 'Run "happytube sync" again after that time to finish. For more quota: support.google.com/youtube/contact/yt_api_form',
  }),
  someFailed: (p: { count: number }): Text => ({
    vi: `${p.count} clip không đăng được (lý do ở trên).`,
    en: `${p.count} clips could not be published (reasons above).`,
  }),
  someFailedHint: (): Text => ({
    vi: 'Sửa theo lý do YouTube đưa ra, rồi chạy lại "happytube sync"; "happytube status" liệt kê các clip lỗi.',
    en: 'Fix what YouTube says, then run "happytube sync" again; "happytube status" lists the failed clips.',
  }),
  privateLock: (p: { asked: string }): Text => ({
    vi: `YouTube đã để video ở chế độ riêng tư dù happytube yêu cầu "${p.asked}": dự án Google Cloud của trường chưa được Google kiểm duyệt, nên mọi video tải lên qua API đều bị khóa riêng tư.`,
    en: `YouTube made the video private although happytube asked for "${p.asked}": the school's Google Cloud project is not verified by Google, so every video uploaded through the API is locked private.`,
  }),
  privateLockHint: (p: { form: string }): Text => ({
    vi: `Gửi yêu cầu kiểm duyệt tại ${p.form}; trong lúc chờ, có thể đổi chế độ hiển thị từng video trong YouTube Studio.`,
    en: `Ask for the audit at ${p.form}; meanwhile you can change each video's visibility in YouTube Studio.`,
  }),
  thumbnailRefused: (): Text => ({
    vi: 'YouTube từ chối ảnh thu nhỏ (403): kênh chưa được xác minh. Video vẫn được đăng bình thường.',
    en: 'YouTube refused the thumbnail (403): the channel is not verified. The video is published all the same.',
  }),
  thumbnailRefusedHint: (): Text => ({
    vi: 'Xác minh kênh tại youtube.com/verify rồi chạy lại "happytube sync" để đặt ảnh thu nhỏ.',
    en: 'Verify the channel at youtube.com/verify, then run "happytube sync" again to set the thumbnails.',
  }),
  labelPlaylistCreate: (p: { title: string }): Text => ({ vi: `Tạo danh sách phát "${p.title}"`, en: `Create playlist "${p.title}"` }),
  labelPlaylistUpdate: (p: { title: string }): Text => ({ vi: `Cập nhật danh sách phát "${p.title}"`, en: `Update playlist "${p.title}"` }),
  labelUpload: (p: { file: string }): Text => ({ vi: `Tải lên ${p.file}`, en: `Upload ${p.file}` }),
  labelAdopt: (p: { file: string; videoId: string }): Text => ({
    vi: `Nhận lại ${p.file} (đã có trên kênh: ${p.videoId})`,
    en: `Adopt ${p.file} (already on the channel: ${p.videoId})`,
  }),
  labelUpdate: (p: { file: string }): Text => ({ vi: `Cập nhật thông tin ${p.file}`, en: `Update metadata of ${p.file}` }),
  labelThumbnail: (p: { file: string }): Text => ({ vi: `Đặt ảnh thu nhỏ cho ${p.file}`, en: `Set thumbnail of ${p.file}` }),
  labelCaption: (p: { file: string; lang: string }): Text => ({ vi: `Thêm phụ đề ${p.lang} cho ${p.file}`, en: `Add ${p.lang} captions to ${p.file}` }),
  labelItemInsert: (p: { file: string; playlist: string }): Text => ({ vi: `Thêm ${p.file} vào danh sách phát ${p.playlist}`, en: `Add ${p.file} to playlist ${p.playlist}` }),
  labelItemDelete: (p: { file: string; playlist: string }): Text => ({ vi: `Gỡ ${p.file} khỏi danh sách phát ${p.playlist}`, en: `Remove ${p.file} from playlist ${p.playlist}` }),
  deletedOnYouTube: (p: { file: string; videoId: string }): Text => ({
    vi: `${p.file}: video ${p.videoId} đã bị xóa trên YouTube; happytube không tự tải lên lại.`,
    en: `${p.file}: video ${p.videoId} was deleted on YouTube; happytube does not upload it again on its own.`,
  }),
  duplicate: (p: { file: string; original: string }): Text => ({
    vi: `${p.file}: cùng nội dung với ${p.original}, chỉ đăng một lần.`,
    en: `${p.file}: same content as ${p.original}, published once.`,
  }),
  playlistGone: (p: { key: string; id: string }): Text => ({
    vi: `Danh sách phát ${p.key} (${p.id}) không còn trên kênh; sẽ tạo lại.`,
    en: `Playlist ${p.key} (${p.id}) is no longer on the channel; it will be created again.`,
  }),
  planTitle: (p: { actions: number; clips: number }): Text => ({
    vi: `Kế hoạch: ${p.actions} việc cho ${p.clips} clip`,
    en: `Plan: ${p.actions} actions for ${p.clips} clips`,
  }),
  planCost: (p: { units: number; uploads: number; leftUnits: number; leftUploads: number }): Text => ({
    vi: `Chi phí: ${p.units} đơn vị hạn mức và ${p.uploads} lượt tải lên (hôm nay còn ${p.leftUnits} đơn vị, ${p.leftUploads} lượt)`,
    en: `Cost: ${p.units} quota units and ${p.uploads} uploads (left today: ${p.leftUnits} units, ${p.leftUploads} uploads)`,
  }),
  costUnits: (p: { n: number }): Text => ({ vi: `${p.n} đơn vị`, en: `${p.n} ${p.n === 1 ? 'unit' : 'units'}` }),
  costUploads: (p: { n: number }): Text => ({ vi: `${p.n} lượt tải lên`, en: `${p.n} ${p.n === 1 ? 'upload' : 'uploads'}` }),
  nothingToDo: (): Text => ({ vi: 'Kênh đã khớp với thư mục: không có gì để làm.', en: 'The channel matches the folder: nothing to do.' }),
  dryRunDone: (): Text => ({ vi: 'Chạy thử: không gửi và không ghi gì.', en: 'Dry run: nothing was sent or written.' }),
  confirm: (p: { units: number; uploads: number }): Text => ({
    vi: `Chạy kế hoạch này (${p.units} đơn vị, ${p.uploads} lượt tải lên)?`,
    en: `Run this plan (${p.units} units, ${p.uploads} uploads)?`,
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
  statusQuota: (p: { units: number; unitLimit: number; uploads: number; uploadLimit: number; time: string }): Text => ({
    vi: `Hạn mức hôm nay: ${p.units}/${p.unitLimit} đơn vị, ${p.uploads}/${p.uploadLimit} lượt tải lên; cấp lại lúc ${p.time}`,
    en: `Quota today: ${p.units}/${p.unitLimit} units, ${p.uploads}/${p.uploadLimit} uploads; resets at ${p.time}`,
  }),
  playlistsTitle: (p: { count: number }): Text => ({ vi: `${p.count} danh sách phát được quản lý`, en: `${p.count} managed playlists` }),
  playlistLine: (p: { key: string; title: string; url: string; items: string }): Text => ({
    vi: `${p.key}: "${p.title}" · ${p.items} video · ${p.url}`,
    en: `${p.key}: "${p.title}" · ${p.items} videos · ${p.url}`,
  }),
  playlistNotCreated: (p: { key: string; title: string }): Text => ({
    vi: `${p.key}: "${p.title}" · chưa có trên kênh (sẽ được tạo khi chạy "happytube sync")`,
    en: `${p.key}: "${p.title}" · not on the channel yet ("happytube sync" creates it)`,
  }),
};
