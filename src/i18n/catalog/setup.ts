import type { Text } from '../index.ts';

/** The option that gives setup the client file (a name the user types, kept as it is). */
const CLIENT_FILE_FLAG = '--client-secret-file';

/** `happytube setup`: the guided first run, one step after another. */
export const setup = {
  description: (): Text => ({
    vi: 'Thiết lập lần đầu, từng bước: thư viện, mã ứng dụng (OAuth client ID) trên Google Cloud, đăng nhập kênh, kiểm tra và xem trước (chạy lại chỉ làm phần còn thiếu)',
    en: 'The guided first run: library, Google Cloud OAuth client, channel sign-in, check and preview (run it again: it only does what is missing)',
  }),
  argDir: (): Text => ({
    vi: 'thư mục thư viện (mặc định: thư mục hiện tại nếu trống hoặc đã là thư viện)',
    en: 'the library folder (default: the current folder when it is empty or already a library)',
  }),
  optClientFile: (): Text => ({
    vi: 'tệp client_secret_….json đã tải từ Google Cloud (không hỏi)',
    en: 'the client_secret_….json downloaded from Google Cloud (no question)',
  }),
  optNoBrowser: (): Text => ({
    vi: 'không tự mở trình duyệt: in các địa chỉ ra để tự mở',
    en: 'do not open a browser: print the addresses to open yourself',
  }),
  optYes: (): Text => ({
    vi: `không hỏi: nhận câu trả lời mặc định cho mọi câu hỏi (cần ${CLIENT_FILE_FLAG} nếu hồ sơ chưa có mã ứng dụng)`,
    en: 'ask nothing: take the default answer to every question (needs --client-secret-file when the profile has no client yet)',
  }),

  step: (p: { n: number; total: number; title: Text }): Text => ({
    vi: `\n[${p.n}/${p.total}] ${p.title.vi}`,
    en: `\n[${p.n}/${p.total}] ${p.title.en}`,
  }),
  stepLibrary: (): Text => ({ vi: 'Thư viện clip', en: 'The clip library' }),
  stepClient: (): Text => ({ vi: 'Ứng dụng của trường trên Google Cloud (mã ứng dụng)', en: "The school's app in Google Cloud (OAuth client)" }),
  stepSignIn: (): Text => ({ vi: 'Đăng nhập kênh YouTube của trường', en: "Sign in to the school's YouTube channel" }),
  stepCheck: (): Text => ({ vi: 'Kiểm tra thư viện và xem trước', en: 'Check the library and preview' }),
  done: (p: { text: Text }): Text => ({ vi: `  ✓ ${p.text.vi}`, en: `  ✓ ${p.text.en}` }),

  noTty: (): Text => ({
    vi: 'Không có bàn phím để trả lời câu hỏi của happytube setup (không phải cửa sổ dòng lệnh tương tác).',
    en: 'There is no terminal to answer the questions of happytube setup (not an interactive session).',
  }),
  noTtyFix: (): Text => ({
    vi: `Chạy trong cửa sổ dòng lệnh, hoặc thêm --yes ${CLIENT_FILE_FLAG} TỆP để nhận mọi câu trả lời mặc định.`,
    en: 'Run it in a terminal window, or pass --yes --client-secret-file FILE to take every default answer.',
  }),
  askFolder: (p: { cwd: string }): Text => ({
    vi: `Thư mục hiện tại (${p.cwd}) đã có tệp khác. Tạo thư viện ở thư mục nào?`,
    en: `The current folder (${p.cwd}) already holds other files. Which folder should hold the library?`,
  }),
  libraryFound: (p: { dir: string }): Text => ({ vi: `Thư viện đã có: ${p.dir}`, en: `The library is there: ${p.dir}` }),
  libraryCreated: (p: { dir: string; count: number }): Text => ({
    vi: `Đã tạo thư viện ở ${p.dir} (${p.count} tệp và thư mục).`,
    en: `Created the library in ${p.dir} (${p.count} files and folders).`,
  }),

  clientFromEnvironment: (): Text => ({
    vi: 'Dùng mã ứng dụng từ HAPPYTUBE_CLIENT_ID và HAPPYTUBE_CLIENT_SECRET (biến môi trường hoặc .env).',
    en: 'Using the client of HAPPYTUBE_CLIENT_ID and HAPPYTUBE_CLIENT_SECRET (environment or .env).',
  }),
  clientFromSecretFile: (p: { file: string }): Text => ({
    vi: `Dùng mã ứng dụng của HAPPYTUBE_CLIENT_SECRET_FILE: ${p.file}`,
    en: `Using the client of HAPPYTUBE_CLIENT_SECRET_FILE: ${p.file}`,
  }),
  clientKept: (p: { file: string }): Text => ({
    vi: `Mã ứng dụng đã được giữ trong hồ sơ: ${p.file}`,
    en: `The client is kept in the profile: ${p.file}`,
  }),
  clientSaved: (p: { file: string }): Text => ({
    vi: `Đã kiểm tra và giữ mã ứng dụng trong hồ sơ (chỉ bạn đọc được, không nằm trong thư viện): ${p.file}`,
    en: `Checked the client and kept it in the profile (readable by you only, not in the library): ${p.file}`,
  }),
  environmentWins: (): Text => ({
    vi: 'Lưu ý: biến môi trường HAPPYTUBE_CLIENT_* (hoặc .env) đang được đặt và sẽ được dùng thay cho mã ứng dụng vừa giữ.',
    en: 'Note: HAPPYTUBE_CLIENT_* is set in the environment (or .env) and is used instead of the client just kept.',
  }),
  needClientFile: (): Text => ({
    vi: `happytube setup --yes cần tệp mã ứng dụng: hồ sơ này chưa có mã ứng dụng, và không có ${CLIENT_FILE_FLAG}.`,
    en: 'happytube setup --yes needs the client file: this profile has no client yet, and --client-secret-file was not given.',
  }),
  needClientFileHint: (): Text => ({
    vi: `Thêm ${CLIENT_FILE_FLAG} đường/dẫn/client_secret_….json, hoặc chạy happytube setup không có --yes để được hướng dẫn từng bước.`,
    en: 'Add --client-secret-file path/to/client_secret_….json, or run happytube setup without --yes to be guided step by step.',
  }),
  cloudIntro: (): Text => ({
    vi: 'YouTube chỉ nhận video từ một ứng dụng đăng ký trong Google Cloud. Trường tự đăng ký (miễn phí, khoảng 15 phút), bằng tài khoản Google quản lý kênh YouTube của trường. Làm lần lượt từng bước dưới đây.',
    en: "YouTube only accepts videos from an app registered in Google Cloud. The school registers its own (free, about 15 minutes), with the Google account that manages the school's YouTube channel. Follow the steps below one at a time.",
  }),
  cloudStep: (p: { n: number; total: number; title: Text; what: Text; url: string }): Text => ({
    vi: `\n  Bước ${p.n}/${p.total}: ${p.title.vi}\n  Mở: ${p.url}\n  ${p.what.vi}`,
    en: `\n  Step ${p.n}/${p.total}: ${p.title.en}\n  Open: ${p.url}\n  ${p.what.en}`,
  }),
  cloudProject: (): Text => ({ vi: 'Tạo dự án', en: 'Create a project' }),
  cloudProjectWhat: (): Text => ({
    vi: 'Đặt tên dự án, ví dụ “happytube-mn-thien-duc”, bấm “Tạo” (Create), rồi chọn dự án đó ở thanh trên cùng.',
    en: 'Name the project, e.g. "happytube-mn-thien-duc", press "Create", then select it in the bar at the top.',
  }),
  cloudApi: (): Text => ({ vi: 'Bật YouTube Data API v3', en: 'Enable the YouTube Data API v3' }),
  cloudApiWhat: (): Text => ({ vi: 'Bấm “Bật” (Enable).', en: 'Press "Enable".' }),
  cloudConsent: (): Text => ({ vi: 'Màn hình xin quyền (OAuth consent screen)', en: 'The OAuth consent screen' }),
  cloudConsentWhat: (): Text => ({
    vi: 'Bấm “Bắt đầu” (Get started): tên ứng dụng (ví dụ “happytube – Trường MN Thiên Đức”), email hỗ trợ, đối tượng “Bên ngoài” (External), email liên hệ, rồi “Tạo” (Create).',
    en: 'Press "Get started": app name (e.g. "happytube – Trường MN Thiên Đức"), support e-mail, audience "External", contact e-mail, then "Create".',
  }),
  cloudScope: (): Text => ({ vi: 'Thêm quyền YouTube', en: 'Add the YouTube scope' }),
  cloudScopeWhat: (): Text => ({
    vi: 'Bấm “Thêm hoặc xóa phạm vi” (Add or remove scopes), dán https://www.googleapis.com/auth/youtube.force-ssl vào ô “Thêm phạm vi thủ công”, bấm “Thêm vào bảng”, “Cập nhật”, rồi “Lưu” (Save).',
    en: 'Press "Add or remove scopes", paste https://www.googleapis.com/auth/youtube.force-ssl under "Manually add scopes", press "Add to table", "Update", then "Save".',
  }),
  cloudPublish: (): Text => ({ vi: 'Đưa ứng dụng vào hoạt động', en: 'Put the app in production' }),
  cloudPublishWhat: (): Text => ({
    vi: 'Bấm “Xuất bản ứng dụng” (Publish app) để trạng thái là “Đang hoạt động” (In production). Nếu để “Thử nghiệm” (Testing), đăng nhập chỉ dùng được 7 ngày.',
    en: 'Press "Publish app" so that it reads "In production". Left in "Testing", a sign-in lasts only 7 days.',
  }),
  cloudClient: (): Text => ({ vi: 'Tạo mã ứng dụng (OAuth client ID) và tải tệp về', en: 'Create the OAuth client and download its file' }),
  cloudClientWhat: (): Text => ({
    vi: 'Loại ứng dụng “Ứng dụng dành cho máy tính” (Desktop app), đặt tên bất kỳ, bấm “Tạo” (Create), rồi bấm “Tải xuống JSON” (Download JSON): tệp client_secret_….json.',
    en: 'Application type "Desktop app", any name, press "Create", then "Download JSON": the client_secret_….json file.',
  }),
  pressEnter: (): Text => ({ vi: 'Nhấn Enter khi xong bước này', en: 'Press Enter when this step is done' }),
  askClientFile: (): Text => ({
    vi: 'Tệp client_secret_….json vừa tải về (kéo thả tệp vào đây rồi nhấn Enter):',
    en: 'The client_secret_….json just downloaded (drag the file in here, then press Enter):',
  }),

  signedIn: (p: { title: string; id: string }): Text => ({
    vi: `Đã đăng nhập kênh “${p.title}” (${p.id}).`,
    en: `Signed in to the channel "${p.title}" (${p.id}).`,
  }),
  signInLost: (p: { problem: Text }): Text => ({
    vi: `Cần đăng nhập (lại): ${p.problem.vi}`,
    en: `A (new) sign-in is needed: ${p.problem.en}`,
  }),
  askSchoolChannel: (p: { title: string }): Text => ({
    vi: `“${p.title}” có phải kênh YouTube của trường không?`,
    en: `Is "${p.title}" the school's YouTube channel?`,
  }),
  pickAnother: (): Text => ({
    vi: 'Đăng nhập lại: trong trình duyệt, chọn tài khoản Google của trường và đúng kênh của trường (nếu tài khoản có nhiều kênh).',
    en: "Sign in again: in the browser, choose the school's Google account and the school's channel (if the account has several).",
  }),
  guardKept: (p: { file: string }): Text => ({
    vi: `${p.file} đã chỉ làm việc với kênh này.`,
    en: `${p.file} already works with this channel only.`,
  }),
  guardWritten: (p: { file: string }): Text => ({
    vi: `Đã ghi mã kênh vào ${p.file} (channel.id): happytube sẽ từ chối làm việc với kênh khác.`,
    en: `Wrote the channel's id into ${p.file} (channel.id): happytube will refuse any other channel.`,
  }),
  guardComment: (p: { title: string }): Text => ({
    vi: `Kênh “${p.title}”: happytube chỉ làm việc với kênh này (ghi bởi happytube setup)`,
    en: `The channel "${p.title}": happytube works with this channel only (written by happytube setup)`,
  }),
  askReplaceGuard: (p: { file: string; configured: string; title: string }): Text => ({
    vi: `${p.file} đang ghi một kênh khác (${p.configured}). Thay bằng “${p.title}”?`,
    en: `${p.file} names another channel (${p.configured}). Replace it with "${p.title}"?`,
  }),
  configUnreadable: (p: { file: string }): Text => ({
    vi: `Không ghi được mã kênh vào ${p.file}: tệp có lỗi cú pháp YAML.`,
    en: `Cannot write the channel's id into ${p.file}: the file has a YAML syntax error.`,
  }),
  configUnreadableHint: (): Text => ({
    vi: 'Chạy happytube check để thấy dòng bị lỗi, sửa lại, rồi chạy lại happytube setup.',
    en: 'Run happytube check to see the line, fix it, then run happytube setup again.',
  }),
  checkFailed: (): Text => ({
    vi: 'Thư viện chưa đạt kiểm tra (xem các lỗi ở trên).',
    en: 'The library does not pass its check (see the errors above).',
  }),
  checkFailedHint: (): Text => ({
    vi: 'Sửa những lỗi đã nêu, rồi chạy lại happytube setup: các bước đã xong sẽ không phải làm lại.',
    en: 'Fix what is named above, then run happytube setup again: the steps already done are not repeated.',
  }),
  previewFailed: (): Text => ({
    vi: 'Chưa xem trước được kế hoạch đăng (xem thông báo ở trên).',
    en: 'Could not preview the publishing plan (see the message above).',
  }),
  previewFailedHint: (): Text => ({
    vi: 'Làm theo hướng dẫn ở trên, rồi chạy lại happytube setup.',
    en: 'Follow the advice above, then run happytube setup again.',
  }),
  ready: (): Text => ({
    vi: '\nĐã sẵn sàng. Bỏ clip vào các thư mục danh sách phát của thư viện; để đăng lên kênh, chạy:',
    en: "\nReady. Put clips into the library's playlist folders; to publish them to the channel, run:",
  }),
  cancelled: (): Text => ({
    vi: 'Đã dừng thiết lập. Các bước đã xong vẫn được giữ.',
    en: 'Setup stopped. The steps already done are kept.',
  }),
  cancelledHint: (): Text => ({
    vi: 'Chạy lại happytube setup để làm tiếp phần còn lại.',
    en: 'Run happytube setup again to do the rest.',
  }),
};
