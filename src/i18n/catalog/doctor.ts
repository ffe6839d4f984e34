import type { Text } from '../index.ts';

const loginCommand = (profile: string): string =>
  profile === 'default' ? 'happytube auth login' : `happytube auth login --profile ${profile}`;

/** `happytube doctor`: one line per check, with the fix of each one that fails. */
export const doctor = {
  description: (): Text => ({
    vi: 'Kiểm tra mọi thứ happytube cần (phiên bản, đồng hồ, mạng, mã ứng dụng, đăng nhập, thư viện, trạng thái, hạn mức) và cách sửa từng lỗi',
    en: 'Check everything happytube needs (versions, clock, network, client, sign-in, library, state, quota) and how to fix each problem',
  }),
  fix: (): Text => ({ vi: 'Cách sửa:', en: 'Fix:' }),
  failed: (p: { count: number }): Text => ({
    vi: `${p.count} mục kiểm tra chưa đạt (đánh dấu ✗ ở trên).`,
    en: `${p.count} check${p.count === 1 ? '' : 's'} did not pass (marked ✗ above).`,
  }),
  failedHint: (): Text => ({
    vi: 'Làm theo “Cách sửa” của từng dòng ✗, rồi chạy lại happytube doctor.',
    en: 'Follow the "Fix" of each ✗ line, then run happytube doctor again.',
  }),
  unexpected: (p: { detail: string }): Text => ({ vi: `Lỗi không mong đợi: ${p.detail}`, en: `Unexpected failure: ${p.detail}` }),
  unexpectedHint: (): Text => ({
    vi: 'Chạy lại với --verbose và gửi kết quả cho người hỗ trợ.',
    en: 'Run it again with --verbose and send the output to whoever supports you.',
  }),

  versions: (p: { version: string; node: string }): Text => ({
    vi: `happytube ${p.version}, Node.js ${p.node}`,
    en: `happytube ${p.version}, Node.js ${p.node}`,
  }),
  nodeTooOld: (p: { version: string; node: string }): Text => ({
    vi: `happytube ${p.version} chạy trên Node.js ${p.node}, quá cũ (cần 24.15 trở lên, hoặc 22.22.2 trở lên).`,
    en: `happytube ${p.version} runs on Node.js ${p.node}, which is too old (24.15 or newer needed, or 22.22.2 or newer).`,
  }),
  nodeTooOldFix: (): Text => ({
    vi: 'Cài Node.js 24 từ nodejs.org, hoặc dùng tệp chương trình happytube tải về (đã có sẵn Node).',
    en: 'Install Node.js 24 from nodejs.org, or use the downloaded happytube program file (it carries its own Node).',
  }),

  clockOk: (p: { seconds: number; host: string }): Text => ({
    vi: `Đồng hồ máy tính đúng (lệch ${p.seconds} giây so với ${p.host})`,
    en: `The computer's clock is right (${p.seconds} s from ${p.host})`,
  }),
  clockSkewed: (p: { seconds: number; host: string }): Text => ({
    vi: `Đồng hồ máy tính lệch ${p.seconds} giây so với ${p.host}: đăng nhập và kết nối bảo mật có thể bị từ chối.`,
    en: `The computer's clock is ${p.seconds} s off from ${p.host}: sign-in and secure connections may be refused.`,
  }),
  clockFix: (): Text => ({
    vi: 'Bật “Đặt giờ tự động” (Set time automatically) trong phần cài đặt ngày giờ của máy, rồi chạy lại.',
    en: 'Turn on "Set time automatically" in the computer\'s date and time settings, then run again.',
  }),
  clockUnknown: (p: { host: string }): Text => ({
    vi: `Không kiểm tra được đồng hồ: ${p.host} không trả về giờ (không kết nối được).`,
    en: `Could not check the clock: ${p.host} gave no time (not reachable).`,
  }),

  via: (p: { proxy: string | undefined }): Text =>
    p.proxy === undefined ? { vi: 'kết nối trực tiếp', en: 'direct connection' } : { vi: `qua proxy ${p.proxy}`, en: `through the proxy ${p.proxy}` },
  hostOk: (p: { what: Text; host: string; via: Text }): Text => ({
    vi: `Kết nối được ${p.what.vi} ${p.host} (${p.via.vi})`,
    en: `${p.what.en} ${p.host} is reachable (${p.via.en})`,
  }),
  hostFailed: (p: { what: Text; host: string; via: Text; detail: string }): Text => ({
    vi: `Không kết nối được ${p.what.vi} ${p.host} (${p.via.vi}): ${p.detail}`,
    en: `${p.what.en} ${p.host} is not reachable (${p.via.en}): ${p.detail}`,
  }),
  hostFix: (p: { proxy: string | undefined }): Text =>
    p.proxy === undefined
      ? {
          vi: 'Kiểm tra Wi-Fi và Internet (mở thử youtube.com trong trình duyệt). Nếu mạng của trường đi qua proxy, đặt HTTPS_PROXY=http://máy-proxy:cổng.',
          en: "Check the Wi-Fi and the Internet (try youtube.com in a browser). If the school's network goes through a proxy, set HTTPS_PROXY=http://proxy-host:port.",
        }
      : {
          vi: 'Kiểm tra địa chỉ proxy trong HTTPS_PROXY / HTTP_PROXY (hỏi người quản lý mạng của trường), hoặc thêm máy chủ này vào NO_PROXY.',
          en: "Check the proxy address in HTTPS_PROXY / HTTP_PROXY (ask the school's network administrator), or add this host to NO_PROXY.",
        },
  oauthHost: (): Text => ({ vi: 'máy chủ đăng nhập Google', en: "Google's sign-in server" }),
  apiHost: (): Text => ({ vi: 'máy chủ YouTube Data API', en: 'The YouTube Data API server' }),

  clientEnvironment: (p: { clientId: string }): Text => ({
    vi: `Mã ứng dụng (OAuth client ID) ${p.clientId}, từ HAPPYTUBE_CLIENT_ID và HAPPYTUBE_CLIENT_SECRET (biến môi trường hoặc .env)`,
    en: `OAuth client ${p.clientId}, from HAPPYTUBE_CLIENT_ID and HAPPYTUBE_CLIENT_SECRET (environment or .env)`,
  }),
  clientSecretFile: (p: { clientId: string; file: string }): Text => ({
    vi: `Mã ứng dụng (OAuth client ID) ${p.clientId}, từ HAPPYTUBE_CLIENT_SECRET_FILE (${p.file})`,
    en: `OAuth client ${p.clientId}, from HAPPYTUBE_CLIENT_SECRET_FILE (${p.file})`,
  }),
  clientProfile: (p: { clientId: string; file: string }): Text => ({
    vi: `Mã ứng dụng (OAuth client ID) ${p.clientId}, do happytube setup giữ trong hồ sơ (${p.file})`,
    en: `OAuth client ${p.clientId}, kept in the profile by happytube setup (${p.file})`,
  }),

  signedIn: (p: { title: string; id: string; profile: string; days: number | undefined; source: 'stored' | 'environment' }): Text => ({
    vi: `Đăng nhập hoạt động (đã thử làm mới): kênh “${p.title}” (${p.id}), hồ sơ “${p.profile}”${p.source === 'environment' ? ', từ HAPPYTUBE_REFRESH_TOKEN' : p.days === undefined ? '' : `, đăng nhập ${p.days} ngày trước`}`,
    en: `The sign-in works (a refresh was tried): channel "${p.title}" (${p.id}), profile "${p.profile}"${p.source === 'environment' ? ', from HAPPYTUBE_REFRESH_TOKEN' : p.days === undefined ? '' : `, signed in ${p.days} day${p.days === 1 ? '' : 's'} ago`}`,
  }),
  signInFailed: (p: { profile: string; problem: Text }): Text => ({
    vi: `Đăng nhập (hồ sơ “${p.profile}”) không dùng được: ${p.problem.vi}`,
    en: `The sign-in (profile "${p.profile}") does not work: ${p.problem.en}`,
  }),
  signInFix: (p: { profile: string }): Text => ({
    vi: `Chạy “${loginCommand(p.profile)}”.`,
    en: `Run "${loginCommand(p.profile)}".`,
  }),
  signInOffline: (p: { profile: string; problem: Text }): Text => ({
    vi: `Chưa thử được đăng nhập (hồ sơ “${p.profile}”) vì không có mạng: ${p.problem.vi}`,
    en: `Could not try the sign-in (profile "${p.profile}") without the network: ${p.problem.en}`,
  }),
  wrongChannel: (p: { file: string; configured: string; title: string; id: string }): Text => ({
    vi: `Đăng nhập kênh “${p.title}” (${p.id}), nhưng ${p.file} chỉ cho phép kênh ${p.configured}.`,
    en: `Signed in to "${p.title}" (${p.id}), but ${p.file} allows only the channel ${p.configured}.`,
  }),

  noLibrary: (p: { dir: string }): Text => ({
    vi: `Không có thư viện ở ${p.dir} hay thư mục cha nào (không thấy happytube.yaml).`,
    en: `No library in ${p.dir} or any folder above it (no happytube.yaml).`,
  }),
  noLibraryFix: (): Text => ({
    vi: 'Chạy happytube doctor trong thư mục thư viện (hoặc cho đường dẫn: happytube doctor THƯ_MỤC), hoặc tạo thư viện bằng happytube setup.',
    en: 'Run happytube doctor in the library folder (or give it: happytube doctor FOLDER), or create a library with happytube setup.',
  }),
  libraryOk: (p: { root: string; clips: number; warnings: number }): Text => ({
    vi: `Thư viện ${p.root}: ${p.clips} clip, 0 lỗi, ${p.warnings} cảnh báo`,
    en: `Library ${p.root}: ${p.clips} clip${p.clips === 1 ? '' : 's'}, 0 errors, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}`,
  }),
  libraryErrors: (p: { root: string; errors: number; files: number }): Text => ({
    vi: `Thư viện ${p.root}: ${p.errors} lỗi trong ${p.files} tệp`,
    en: `Library ${p.root}: ${p.errors} error${p.errors === 1 ? '' : 's'} in ${p.files} file${p.files === 1 ? '' : 's'}`,
  }),
  libraryFix: (p: { root: string }): Text => ({
    vi: `Chạy happytube check “${p.root}” để xem từng lỗi và cách sửa.`,
    en: `Run happytube check "${p.root}" to see each error and its fix.`,
  }),

  lockFree: (): Text => ({ vi: 'Không có lần chạy nào đang giữ thư viện', en: 'No run holds the library' }),
  lockAlive: (p: { pid: number; since: string }): Text => ({
    vi: `Một lần chạy khác đang làm việc với thư viện (tiến trình ${p.pid}, từ ${p.since})`,
    en: `Another run is working on the library (process ${p.pid}, since ${p.since})`,
  }),
  lockDead: (p: { pid: number; file: string }): Text => ({
    vi: `Khóa ${p.file} do một lần chạy đã dừng để lại (tiến trình ${p.pid} không còn): lần chạy sau sẽ tự lấy lại`,
    en: `The lock ${p.file} was left by a run that stopped (process ${p.pid} is gone): the next run takes it over`,
  }),
  lockBlank: (p: { file: string }): Text => ({
    vi: `Khóa ${p.file} trống (một lần chạy dừng khi đang tạo nó): lần chạy sau sẽ tự lấy lại`,
    en: `The lock ${p.file} is empty (a run stopped while making it): the next run takes it over`,
  }),
  lockForeign: (p: { host: string; file: string }): Text => ({
    vi: `Khóa ${p.file} thuộc máy ${p.host}: không kiểm tra được từ máy này`,
    en: `The lock ${p.file} belongs to the computer ${p.host}: it cannot be checked from here`,
  }),
  lockForeignFix: (p: { file: string }): Text => ({
    vi: `Nếu chắc chắn máy đó không còn chạy happytube, xóa tệp ${p.file}.`,
    en: `If you are sure happytube no longer runs there, delete ${p.file}.`,
  }),
  stateOk: (p: { sessions: number }): Text => ({
    vi: `Các tệp trạng thái (.happytube/) đọc được${p.sessions > 0 ? `; ${p.sessions} lượt tải lên dở dang, happytube sync sẽ tải tiếp` : ''}`,
    en: `The state files (.happytube/) are readable${p.sessions > 0 ? `; ${p.sessions} upload${p.sessions === 1 ? '' : 's'} to resume, happytube sync continues ${p.sessions === 1 ? 'it' : 'them'}` : ''}`,
  }),

  quotaToday: (p: { units: number; unitLimit: number; uploads: number; uploadLimit: number; reset: string }): Text => ({
    vi: `Hạn mức hôm nay (máy này đã ghi): ${p.units}/${p.unitLimit} đơn vị, ${p.uploads}/${p.uploadLimit} lượt tải lên; hạn mức được làm mới lúc ${p.reset}`,
    en: `Today's quota (as this computer recorded it): ${p.units}/${p.unitLimit} units, ${p.uploads}/${p.uploadLimit} uploads; resets at ${p.reset}`,
  }),
  quotaFix: (p: { reset: string }): Text => ({
    vi: `Hạn mức đã dùng hết: chạy lại sau ${p.reset}. Muốn nhiều hơn, xin Google tăng hạn mức bằng biểu mẫu thẩm định: https://support.google.com/youtube/contact/yt_api_form`,
    en: `The quota is used up: run again after ${p.reset}. For more, ask Google for a higher quota with the audit form: https://support.google.com/youtube/contact/yt_api_form`,
  }),

  privateLockNone: (): Text => ({ vi: 'Chưa thấy YouTube khóa video ở chế độ Riêng tư', en: 'YouTube has not been seen locking videos private' }),
  privateLockSeen: (p: { when: string }): Text => ({
    vi: `YouTube đã khóa video ở chế độ Riêng tư (thấy lần cuối ${p.when}): dự án Google Cloud chưa được xác minh`,
    en: `YouTube locked videos private (last seen ${p.when}): the Google Cloud project is not verified`,
  }),
  privateLockFix: (p: { form: string }): Text => ({
    vi: `Gửi đơn kiểm tra (audit) của YouTube API để dự án được xác minh: ${p.form}. Trong lúc chờ, đổi chế độ hiển thị trong YouTube Studio.`,
    en: `Send YouTube's API audit form to have the project verified: ${p.form}. Meanwhile, change the visibility in YouTube Studio.`,
  }),
};
