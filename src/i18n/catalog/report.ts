import type { Text } from '../index.ts';

/** Reports: the words of the CSV, Markdown, HTML and e-mail reports. */
export const report = {
  pageTitle: (p: { school: string }): Text => ({
    vi: `Video Trường học hạnh phúc – ${p.school}`,
    en: `Happy School videos – ${p.school}`,
  }),
  updatedOn: (p: { date: string }): Text => ({ vi: `Cập nhật ngày ${p.date}`, en: `Updated ${p.date}` }),
  channel: (): Text => ({ vi: 'Kênh YouTube', en: 'YouTube channel' }),
  website: (): Text => ({ vi: 'Trang web của trường', en: 'School website' }),
  summary: (p: { videos: number; playlists: number }): Text => ({
    vi: `${p.videos} video trong ${p.playlists} danh sách phát`,
    en: `${p.videos} ${p.videos === 1 ? 'video' : 'videos'} in ${p.playlists} ${p.playlists === 1 ? 'playlist' : 'playlists'}`,
  }),
  videoCount: (p: { count: number }): Text => ({
    vi: `${p.count} video`,
    en: `${p.count} ${p.count === 1 ? 'video' : 'videos'}`,
  }),
  contents: (): Text => ({ vi: 'Mục lục', en: 'Contents' }),
  openPlaylist: (): Text => ({ vi: 'Xem cả danh sách phát trên YouTube', en: 'Watch the whole playlist on YouTube' }),
  noVideos: (): Text => ({ vi: 'Chưa có video.', en: 'No videos yet.' }),
  tableCaption: (p: { playlist: string }): Text => ({
    vi: `Các video của danh sách phát “${p.playlist}”`,
    en: `Videos of the playlist “${p.playlist}”`,
  }),
  colPlaylistKey: (): Text => ({ vi: 'Mã danh sách phát', en: 'Playlist key' }),
  colPlaylist: (): Text => ({ vi: 'Danh sách phát', en: 'Playlist' }),
  colDate: (): Text => ({ vi: 'Ngày', en: 'Date' }),
  colTitle: (): Text => ({ vi: 'Tiêu đề', en: 'Title' }),
  colUrl: (): Text => ({ vi: 'Đường liên kết', en: 'Link' }),
  colVideoId: (): Text => ({ vi: 'Mã video', en: 'Video ID' }),
  colPublished: (): Text => ({ vi: 'Thời điểm đăng', en: 'Published at' }),
  colPrivacy: (): Text => ({ vi: 'Chế độ hiển thị', en: 'Visibility' }),
  colStatus: (): Text => ({ vi: 'Trạng thái xử lý', en: 'Processing' }),
  colViews: (): Text => ({ vi: 'Lượt xem', en: 'Views' }),
  privacyPublic: (): Text => ({ vi: 'Công khai', en: 'Public' }),
  privacyUnlisted: (): Text => ({ vi: 'Không công khai', en: 'Unlisted' }),
  privacyPrivate: (): Text => ({ vi: 'Riêng tư', en: 'Private' }),
  statusUploaded: (): Text => ({ vi: 'Đã tải lên', en: 'Uploaded' }),
  statusProcessing: (): Text => ({ vi: 'Đang xử lý', en: 'Processing' }),
  statusDone: (): Text => ({ vi: 'Đã xử lý xong', en: 'Ready' }),
  statusFailed: (): Text => ({ vi: 'Xử lý lỗi', en: 'Processing failed' }),
  statusTerminated: (): Text => ({ vi: 'Đã dừng xử lý', en: 'Processing stopped' }),
  statusRejected: (): Text => ({ vi: 'Bị YouTube từ chối', en: 'Rejected by YouTube' }),
  statusDeleted: (): Text => ({ vi: 'Đã xóa trên YouTube', en: 'Deleted on YouTube' }),
  short: (): Text => ({ vi: 'Shorts', en: 'Short' }),
  privateNote: (): Text => ({
    vi: 'Video riêng tư chỉ tài khoản của trường xem được; người khác mở đường liên kết sẽ không xem được.',
    en: "A private video can be watched only by the school's account; anyone else who opens its link sees nothing.",
  }),
  portalTitle: (): Text => ({ vi: 'Khối để đăng lên cổng thông tin', en: 'Block for the school portal' }),
  portalHelp: (): Text => ({
    vi: 'Chọn từ tiêu đề đầu tiên đến đường liên kết cuối cùng trong khung dưới đây, sao chép (Ctrl+C) rồi dán (Ctrl+V) vào trình soạn thảo của chuyên mục “Trường học hạnh phúc”. Khung chỉ có các video người xem mở được (Công khai và Không công khai).',
    en: 'Select from the first heading to the last link in the frame below, copy (Ctrl+C) and paste (Ctrl+V) into the editor of the “Happy School” category. The frame holds only the videos viewers can open (public and unlisted).',
  }),
  portalSource: (): Text => ({
    vi: 'Mã HTML của khối (cho chế độ “Mã nguồn” của trình soạn thảo)',
    en: 'HTML of the block (for the editor’s “Source” mode)',
  }),
  portalEmpty: (): Text => ({ vi: 'Chưa có video nào người xem mở được.', en: 'No video viewers can open yet.' }),
  madeWith: (): Text => ({ vi: 'Lập bằng happytube', en: 'Made with happytube' }),
  mailSubject: (p: { school: string; from?: string; to: string }): Text => ({
    vi: p.from
      ? `[Trường học hạnh phúc] ${p.school} – video từ ngày ${p.from} đến ngày ${p.to}`
      : `[Trường học hạnh phúc] ${p.school} – video đến ngày ${p.to}`,
    en: p.from
      ? `[Happy School] ${p.school} – videos from ${p.from} to ${p.to}`
      : `[Happy School] ${p.school} – videos up to ${p.to}`,
  }),
  mailGreeting: (): Text => ({ vi: 'Kính gửi Sở Giáo dục và Đào tạo,', en: 'To the Department of Education,' }),
  mailIntro: (p: { school: string; count: number; from?: string }): Text => ({
    vi: p.from
      ? `${p.school} xin gửi ${p.count} video về xây dựng Trường học hạnh phúc đã đăng trên kênh YouTube của trường từ ngày ${p.from}:`
      : `${p.school} xin gửi ${p.count} video về xây dựng Trường học hạnh phúc đã đăng trên kênh YouTube của trường:`,
    en: p.from
      ? `${p.school} sends ${p.count} Happy School ${p.count === 1 ? 'video' : 'videos'} published on the school's YouTube channel since ${p.from}:`
      : `${p.school} sends ${p.count} Happy School ${p.count === 1 ? 'video' : 'videos'} published on the school's YouTube channel:`,
  }),
  mailNone: (p: { school: string; from?: string }): Text => ({
    vi: p.from
      ? `Từ ngày ${p.from}, ${p.school} chưa đăng thêm video mới nào về Trường học hạnh phúc.`
      : `${p.school} chưa đăng video nào về Trường học hạnh phúc.`,
    en: p.from
      ? `${p.school} has published no new Happy School video since ${p.from}.`
      : `${p.school} has published no Happy School video yet.`,
  }),
  mailPrivateLeftOut: (p: { count: number }): Text => ({
    vi: `(${p.count} video đang ở chế độ riêng tư không có trong thư này vì người nhận chưa mở được.)`,
    en: `(${p.count} private ${p.count === 1 ? 'video is' : 'videos are'} left out: the recipient could not open ${p.count === 1 ? 'it' : 'them'}.)`,
  }),
  mailClosing: (): Text => ({ vi: 'Trân trọng kính chào.', en: 'Kind regards.' }),
  // The `happytube report` command.
  description: (): Text => ({
    vi: 'Lập báo cáo các video theo danh sách phát (trang web, thư gửi Sở, bảng tính…) cho cổng thông tin và Sở Giáo dục',
    en: 'Make the report of the videos by playlist (csv, md, html, json, eml) for the school portal and the Department',
  }),
  optFormat: (): Text => ({ vi: 'định dạng của báo cáo', en: 'format of the report' }),
  optOut: (): Text => ({ vi: 'ghi vào TỆP thay vì in ra màn hình', en: 'write to FILE instead of the screen' }),
  optSince: (): Text => ({
    vi: 'thư gửi Sở (eml) chỉ gồm video đăng từ NGÀY này (NĂM-THÁNG-NGÀY, ví dụ 2024-11-01); mặc định: từ lần lập thư trước',
    en: 'the e-mail (eml) lists only videos published from DATE (YYYY-MM-DD); default: since the last e-mail report',
  }),
  badSince: (p: { value: string }): Text => ({
    vi: `--since “${p.value}” không phải là một ngày có thật.`,
    en: `--since "${p.value}" is not a valid date.`,
  }),
  badSinceHint: (): Text => ({
    vi: 'Ghi ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ --since 2024-11-01 (ngày 01/11/2024).',
    en: 'Write the date as YYYY-MM-DD, e.g. --since 2024-11-01.',
  }),
  configInvalid: (p: { file: string; line: number | undefined; field: string | undefined; detail: Text }): Text => {
    const where = (line: string): string => {
      const parts = [p.line === undefined ? undefined : `${line} ${p.line}`, p.field].filter(Boolean);
      return parts.length > 0 ? ` (${parts.join(', ')})` : '';
    };
    return {
      vi: `Tệp ${p.file} có lỗi${where('dòng')}: ${p.detail.vi}`,
      en: `${p.file} has an error${where('line')}: ${p.detail.en}`,
    };
  },
  configInvalidHint: (): Text => ({
    vi: 'Chạy “happytube check” để xem mọi lỗi và cách sửa.',
    en: 'Run "happytube check" to see every error and how to fix it.',
  }),
  noDepartmentEmail: (p: { file: string }): Text => ({
    vi: `Thư báo cáo gửi Sở (eml) cần địa chỉ thư của Sở, nhưng ${p.file} chưa ghi địa chỉ này (mục report.departmentEmail).`,
    en: `The e-mail report (eml) needs the Department's address: ${p.file} has no report.departmentEmail key.`,
  }),
  noDepartmentEmailHint: (p: { file: string }): Text => ({
    vi: `Thêm vào ${p.file} hai dòng:\n    report:\n      departmentEmail: "địa-chỉ@sở.gov.vn"`,
    en: `Add two lines to ${p.file}:\n    report:\n      departmentEmail: "address@department.gov.vn"`,
  }),
  written: (p: { file: string }): Text => ({ vi: `Đã ghi báo cáo vào ${p.file}`, en: `Report written to ${p.file}` }),
  deletedNote: (p: { count: number }): Text => ({
    vi: `${p.count} video không còn trên YouTube (đã bị xóa): báo cáo vẫn ghi và đánh dấu chúng.`,
    en: `${p.count} ${p.count === 1 ? 'video is' : 'videos are'} no longer on YouTube (deleted): the report keeps and marks ${p.count === 1 ? 'it' : 'them'}.`,
  }),
  nothingSynced: (): Text => ({
    vi: 'Thư viện chưa có video nào trên YouTube: hãy chạy “happytube sync” trước.',
    en: 'The library has no video on YouTube yet: run "happytube sync" first.',
  }),
  historyCorruptHint: (p: { file: string }): Text => ({
    vi: `Xóa tệp ${p.file}: lần lập thư sau sẽ gồm mọi video (hoặc dùng --since).`,
    en: `Delete ${p.file}: the next e-mail report then lists every video (or use --since).`,
  }),
};
