import type { Text } from '../index.ts';
import { formatDateTime } from '../format.ts';
import { readmeSection } from './readme.ts';

const setup = readmeSection('googleCloud');

/** The profile as a sentence names it: the default one needs no name. */
const profileVi = (profile: string): string => (profile === 'default' ? 'hồ sơ mặc định' : `hồ sơ “${profile}”`);
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const setupCommand = (profile: string): string => (profile === 'default' ? 'happytube setup' : `happytube setup --profile ${profile}`);
const loginCommand = (profile: string): string =>
  profile === 'default' ? 'happytube auth login' : `happytube auth login --profile ${profile}`;


/** Sign-in: `happytube auth`, the token store, the client factory's errors. */
export const auth = {
  // ── commands ─────────────────────────────────────────────────────────────
  authDescription: (): Text => ({
    vi: 'đăng nhập, xem và đăng xuất tài khoản YouTube của trường',
    en: "sign in to, check and sign out of the school's YouTube account",
  }),
  loginDescription: (): Text => ({
    vi: 'đăng nhập bằng trình duyệt và lưu quyền truy cập cho hồ sơ này',
    en: 'sign in with the browser and keep the access for this profile',
  }),
  optNoBrowser: (): Text => ({
    vi: 'không tự mở trình duyệt: in địa chỉ ra, và nhận địa chỉ cuối cùng dán vào đây',
    en: 'do not open a browser: print the address, and accept the final address pasted here',
  }),
  statusDescription: (): Text => ({
    vi: 'cho biết đang đăng nhập kênh nào và quyền truy cập còn dùng được không',
    en: 'show which channel is signed in and whether the access still works',
  }),
  logoutDescription: (): Text => ({
    vi: 'thu hồi quyền truy cập ở Google rồi xóa nó khỏi máy này',
    en: 'revoke the access at Google, then delete it from this computer',
  }),

  // ── client credentials ───────────────────────────────────────────────────
  noClientCredentials: (): Text => ({
    vi: 'happytube chưa có mã ứng dụng (OAuth client ID) mà trường tạo trên Google Cloud, nên chưa đăng nhập YouTube được.',
    en: 'No OAuth client: this profile keeps no client file (happytube setup), and HAPPYTUBE_CLIENT_ID and HAPPYTUBE_CLIENT_SECRET (or HAPPYTUBE_CLIENT_SECRET_FILE) are not set.',
  }),
  noClientCredentialsHint: (p: { profile: string }): Text => ({
    vi: `Chạy “${setupCommand(p.profile)}”: lệnh này hướng dẫn từng bước tạo mã ứng dụng loại “Ứng dụng dành cho máy tính” (Desktop app) trên Google Cloud và giữ tệp client_secret_….json đã tải về (xem thêm ${setup.vi}).`,
    en: `Run "${setupCommand(p.profile)}": it walks you through creating a "Desktop app" OAuth client in Google Cloud and keeps the downloaded client_secret_….json (see also ${setup.en}).`,
  }),
  clientFileUnreadable: (p: { file: string; detail: Text }): Text => ({
    vi: `Không đọc được tệp mã ứng dụng ${p.file}: ${p.detail.vi}.`,
    en: `Cannot read the client file ${p.file}: ${p.detail.en}.`,
  }),
  clientFileMissing: (): Text => ({ vi: 'không có tệp này', en: 'there is no such file' }),
  clientFileNotJson: (p: { file: string; line: number | undefined }): Text => ({
    vi: `Tệp ${p.file} không phải JSON hợp lệ${p.line === undefined ? '' : ` (lỗi ở dòng ${p.line})`}: đây không phải tệp client_secret_….json tải từ Google Cloud.`,
    en: `${p.file} is not valid JSON${p.line === undefined ? '' : ` (an error on line ${p.line})`}: it is not the client_secret_….json downloaded from Google Cloud.`,
  }),
  clientFileWebApp: (p: { file: string }): Text => ({
    vi: `Tệp ${p.file} là của mã ứng dụng loại “Ứng dụng web” (Web application); happytube cần loại “Ứng dụng dành cho máy tính” (Desktop app).`,
    en: `${p.file} belongs to a "Web application" client; happytube needs a "Desktop app" client.`,
  }),
  clientFileNotClient: (p: { file: string }): Text => ({
    vi: `Tệp ${p.file} không có phần “installed” của mã ứng dụng loại “Ứng dụng dành cho máy tính” (Desktop app).`,
    en: `${p.file} has no "installed" part: it is not the file of a "Desktop app" OAuth client.`,
  }),
  clientFileBadId: (p: { file: string; clientId: string; suffix: string }): Text => ({
    vi: `Tệp ${p.file}: mã ứng dụng “${p.clientId}” không kết thúc bằng ${p.suffix}.`,
    en: `${p.file}: the client id "${p.clientId}" does not end in ${p.suffix}.`,
  }),
  clientFileNoSecret: (p: { file: string }): Text => ({
    vi: `Tệp ${p.file} không có khóa bí mật đi kèm (client_secret).`,
    en: `${p.file} has no "client_secret".`,
  }),
  clientFileHint: (): Text => ({
    vi: 'Trên Google Cloud, mở APIs & Services → Credentials, tạo (hoặc mở) mã ứng dụng (OAuth client ID) loại “Ứng dụng dành cho máy tính” (Desktop app) rồi bấm nút tải xuống (Download JSON); dùng đúng tệp client_secret_….json đó.',
    en: 'In Google Cloud, open APIs & Services → Credentials, create (or open) an OAuth client ID of type "Desktop app" and press its download button (Download JSON); give that client_secret_….json file.',
  }),
  missingClientSecret: (p: { missing: string; present: string }): Text => ({
    vi: `Mới có ${p.present}, còn thiếu ${p.missing}.`,
    en: `${p.present} is set but ${p.missing} is missing.`,
  }),
  missingClientSecretHint: (p: { missing: string }): Text => ({
    vi: `Chép giá trị ${p.missing} từ trang “Thông tin xác thực” (Credentials) của Google Cloud vào tệp .env (xem ${setup.vi}).`,
    en: `Copy the ${p.missing} value from the Google Cloud "Credentials" page into the .env file (see ${setup.en}).`,
  }),
  secretFileUnreadable: (p: { file: string; detail: string }): Text => ({
    vi: `Không đọc được tệp ${p.file} (HAPPYTUBE_CLIENT_SECRET_FILE): ${p.detail}`,
    en: `Cannot read ${p.file} (HAPPYTUBE_CLIENT_SECRET_FILE): ${p.detail}`,
  }),
  secretFileInvalid: (p: { file: string; detail: string }): Text => ({
    vi: `Tệp ${p.file} (HAPPYTUBE_CLIENT_SECRET_FILE) không phải tệp mã ứng dụng tải về từ Google Cloud: ${p.detail}`,
    en: `${p.file} (HAPPYTUBE_CLIENT_SECRET_FILE) is not a Google client_secret file: ${p.detail}`,
  }),
  secretFileNotJson: (p: { file: string; line: number | undefined }): Text => ({
    vi: `Tệp ${p.file} (HAPPYTUBE_CLIENT_SECRET_FILE) không phải là JSON hợp lệ${p.line === undefined ? '' : ` (lỗi ở dòng ${p.line})`}: đây không phải tệp client_secret tải từ Google.`,
    en: `${p.file} (HAPPYTUBE_CLIENT_SECRET_FILE) is not valid JSON${p.line === undefined ? '' : ` (an error on line ${p.line})`}: it is not the client_secret file downloaded from Google.`,
  }),
  secretFileNotFile: (): Text => ({
    vi: 'đây không phải là một tệp bình thường (mà là thư mục, đường ống hoặc thiết bị)',
    en: 'it is not an ordinary file (it is a folder, a pipe or a device)',
  }),
  secretFileTooBig: (p: { bytes: number }): Text => ({
    vi: `tệp nặng ${p.bytes} byte, trong khi tệp client_secret chỉ khoảng 1 KB`,
    en: `it holds ${p.bytes} bytes, where a client_secret file is about 1 KB`,
  }),
  secretFileHint: (): Text => ({
    vi: `Tải lại tệp JSON của mã ứng dụng loại “Ứng dụng dành cho máy tính” (Desktop app) từ Google Cloud (nút tải xuống trên trang “Thông tin xác thực”), xem ${setup.vi}.`,
    en: `Download the JSON of the "Desktop app" OAuth client again from Google Cloud (the download button on the "Credentials" page); see ${setup.en}.`,
  }),

  // ── profiles and the token store ─────────────────────────────────────────
  badProfileName: (p: { name: string }): Text => ({
    vi: `Tên hồ sơ “${p.name}” không dùng được: chỉ gồm chữ không dấu, chữ số và các dấu “.”, “_”, “-” (tối đa 64 ký tự).`,
    en: `Profile name "${p.name}" is not valid: use only letters a–z, digits, ".", "_" and "-" (at most 64 characters).`,
  }),
  badProfileNameHint: (): Text => ({
    vi: 'Đổi giá trị của --profile hoặc HAPPYTUBE_PROFILE, ví dụ --profile truong-mam-non.',
    en: 'Change the value of --profile or HAPPYTUBE_PROFILE, for example --profile school-main.',
  }),
  notSignedIn: (p: { profile: string }): Text => ({
    vi: `Chưa đăng nhập YouTube (${profileVi(p.profile)}).`,
    en: `Not signed in (profile "${p.profile}").`,
  }),
  notSignedInHint: (p: { profile: string }): Text => ({
    vi: `Chạy “${loginCommand(p.profile)}” rồi đăng nhập bằng tài khoản Google của kênh trường.`,
    en: `Run "${loginCommand(p.profile)}" (or set HAPPYTUBE_REFRESH_TOKEN for unattended runs).`,
  }),
  tokenFileDamaged: (p: { file: string; detail: string }): Text => ({
    vi: `Tệp lưu thông tin đăng nhập ${p.file} bị hỏng: ${p.detail}`,
    en: `The sign-in file ${p.file} is damaged: ${p.detail}`,
  }),
  loginAgainHint: (p: { profile: string }): Text => ({
    vi: `Chạy “${loginCommand(p.profile)}” để đăng nhập lại.`,
    en: `Run "${loginCommand(p.profile)}" to sign in again.`,
  }),
  otherClient: (p: { profile: string; stored: string; current: string }): Text => ({
    vi: `${capitalise(profileVi(p.profile))} đã đăng nhập bằng mã ứng dụng ${p.stored}, nhưng mã ứng dụng đang khai báo bây giờ là ${p.current}; lần đăng nhập cũ không dùng được với mã ứng dụng mới.`,
    en: `Profile "${p.profile}" signed in with OAuth client ${p.stored}, but the client set now is ${p.current}; the old access does not work with the new client.`,
  }),
  otherClientHint: (p: { profile: string }): Text => ({
    vi: `Trả HAPPYTUBE_CLIENT_ID về như cũ, hoặc chạy “${loginCommand(p.profile)}” để đăng nhập lại bằng mã ứng dụng mới.`,
    en: `Set HAPPYTUBE_CLIENT_ID back, or run "${loginCommand(p.profile)}" to sign in with the new client.`,
  }),

  // ── login ────────────────────────────────────────────────────────────────
  openingBrowser: (): Text => ({
    vi: 'Đang mở trình duyệt để đăng nhập Google. Nếu trình duyệt không mở, hãy mở địa chỉ sau:',
    en: 'Opening the browser to sign in to Google. If it does not open, visit this address:',
  }),
  visitUrl: (): Text => ({
    vi: 'Mở địa chỉ sau trong trình duyệt và đăng nhập bằng tài khoản của kênh YouTube:',
    en: "Open this address in a browser and sign in with the YouTube channel's account:",
  }),
  pasteHint: (): Text => ({
    vi: 'Nếu mở trang trên một máy khác: sau khi bấm cho phép, chép địa chỉ cuối cùng trên thanh địa chỉ của trình duyệt (bắt đầu bằng http://127.0.0.1) rồi dán vào đây và nhấn Enter.',
    en: 'If the browser is on another device: after you agree, copy the final address from its address bar (it starts with http://127.0.0.1), paste it here and press Enter.',
  }),
  waiting: (p: { minutes: number }): Text => ({
    vi: `Đang chờ đăng nhập (tối đa ${p.minutes} phút)…`,
    en: `Waiting for the sign-in (at most ${p.minutes} ${p.minutes === 1 ? 'minute' : 'minutes'})…`,
  }),
  browserFailed: (p: { detail: string }): Text => ({
    vi: `Không mở được trình duyệt (${p.detail}); hãy tự mở địa chỉ ở trên.`,
    en: `Could not open the browser (${p.detail}); open the address above yourself.`,
  }),
  pastedIgnored: (): Text => ({
    vi: 'Dòng vừa dán không phải địa chỉ trả về sau khi đăng nhập; hãy chép và dán nguyên địa chỉ cuối cùng trên thanh địa chỉ của trình duyệt.',
    en: 'The pasted line is not a sign-in address (it needs "code=" and "state="); paste the whole final address from the browser.',
  }),
  stateMismatch: (): Text => ({
    vi: 'Đã bỏ qua kết quả đăng nhập vừa nhận vì nó không thuộc lần đăng nhập này (có thể từ một thẻ trình duyệt cũ hoặc một trang khác).',
    en: 'Refused the sign-in answer: its "state" does not match this request (another page or an older sign-in sent it).',
  }),
  stateMismatchIgnored: (): Text => ({
    vi: 'Kết quả đăng nhập vừa nhận không thuộc lần đăng nhập đang chờ nên đã bị bỏ qua. Hãy đăng nhập trong thẻ trình duyệt mà happytube đã mở.',
    en: 'This is not the answer to the sign-in that is waiting (its "state" does not match), so it was ignored. Sign in in the browser tab that happytube opened.',
  }),
  retryLoginHint: (): Text => ({
    vi: 'Chạy lại “happytube auth login” và đăng nhập trong cửa sổ trình duyệt mà lệnh này mở ra.',
    en: 'Run "happytube auth login" again and finish in the browser window this command opens.',
  }),
  consentDenied: (p: { error: string }): Text => ({
    vi: 'Google không cấp quyền: việc đăng nhập đã bị hủy hoặc bị từ chối trên trang của Google.',
    en: `Google did not grant access (${p.error}): the sign-in was cancelled or refused.`,
  }),
  noCode: (): Text => ({
    vi: 'Kết quả đăng nhập Google gửi về bị thiếu, không dùng được.',
    en: 'The sign-in answer has no "code".',
  }),
  loginTimeout: (p: { minutes: number }): Text => ({
    vi: `Đã chờ ${p.minutes} phút mà chưa đăng nhập xong nên happytube thôi chờ.`,
    en: `The sign-in did not finish within ${p.minutes} ${p.minutes === 1 ? 'minute' : 'minutes'}; stopped waiting.`,
  }),
  codeRejected: (): Text => ({
    vi: 'Google từ chối mã đăng nhập: mã đã dùng rồi, đã hết hạn, hoặc thuộc về một lần đăng nhập khác.',
    en: 'Google refused the sign-in code: it was already used, has expired, or belongs to another sign-in.',
  }),
  noRefreshToken: (): Text => ({
    vi: 'Google chưa cấp quyền dùng lâu dài cho happytube, nên lần đăng nhập này không giữ lại được.',
    en: 'Google returned no long-lived access (refresh token).',
  }),
  noRefreshTokenHint: (): Text => ({
    vi: 'Gỡ quyền của ứng dụng ở https://myaccount.google.com/permissions rồi chạy lại “happytube auth login”.',
    en: 'Remove the app\'s access at https://myaccount.google.com/permissions, then run "happytube auth login" again.',
  }),
  missingScope: (p: { scope: string }): Text => ({
    vi: 'Lần đăng nhập vừa rồi chưa cấp quyền YouTube cho happytube: happytube cần quyền tải video lên và quản lý video, danh sách phát, hình thu nhỏ, phụ đề của kênh.',
    en: `The access granted does not include ${p.scope}: happytube needs to manage the channel's videos and playlists.`,
  }),
  missingScopeHint: (p: { profile: string }): Text => ({
    vi: `Chạy “${loginCommand(p.profile)}”; trên trang xin quyền của Google, đánh dấu chọn ô quyền YouTube (quyền cho ứng dụng xem, sửa và xóa video, danh sách phát, phụ đề trên kênh của bạn) rồi bấm Tiếp tục.`,
    en: `Run "${loginCommand(p.profile)}"; on Google's consent page, tick the YouTube permission (the one that lets the app see, edit and delete the videos, playlists and captions of your channel), then Continue.`,
  }),
  noChannel: (): Text => ({
    vi: 'Tài khoản Google vừa đăng nhập chưa có kênh YouTube.',
    en: 'The Google account that signed in has no YouTube channel.',
  }),
  noChannelHint: (): Text => ({
    vi: 'Đăng nhập bằng tài khoản sở hữu kênh của trường (hoặc tạo kênh ở youtube.com), rồi chạy lại “happytube auth login”.',
    en: "Sign in with the account that owns the school's channel (or create the channel at youtube.com), then run \"happytube auth login\" again.",
  }),
  signedIn: (p: { title: string; id: string }): Text => ({
    vi: `Đã đăng nhập kênh “${p.title}” (mã kênh ${p.id}).`,
    en: `Signed in to the channel "${p.title}" (${p.id}).`,
  }),
  savedProfile: (p: { profile: string; file: string }): Text => ({
    vi: `Đã lưu ${profileVi(p.profile)} vào ${p.file}.`,
    en: `Saved the profile "${p.profile}" in ${p.file}.`,
  }),
  pageDoneTitle: (): Text => ({ vi: 'Đã đăng nhập', en: 'Signed in' }),
  pageDone: (): Text => ({
    vi: 'happytube đã nhận quyền truy cập. Thầy cô có thể đóng thẻ này và quay lại cửa sổ dòng lệnh.',
    en: 'happytube has received the access. You can close this tab and go back to the terminal.',
  }),
  pageFailedTitle: (): Text => ({ vi: 'Đăng nhập không thành công', en: 'Sign-in failed' }),

  // ── status ───────────────────────────────────────────────────────────────
  statusProfile: (p: { profile: string; source: string }): Text => ({
    vi: `Hồ sơ:          ${p.profile === 'default' ? 'mặc định' : p.profile} (${p.source})`,
    en: `Profile:        ${p.profile} (${p.source})`,
  }),
  sourceStored: (p: { file: string }): Text => ({ vi: `lưu ở ${p.file}`, en: `stored in ${p.file}` }),
  sourceEnvironment: (): Text => ({ vi: 'từ HAPPYTUBE_REFRESH_TOKEN', en: 'from HAPPYTUBE_REFRESH_TOKEN' }),
  statusChannel: (p: { title: string; id: string }): Text => ({
    vi: `Kênh:           ${p.title} (mã kênh ${p.id})`,
    en: `Channel:        ${p.title} (${p.id})`,
  }),
  statusChannelUnknown: (): Text => ({ vi: 'Kênh:           (chưa biết)', en: 'Channel:        (unknown)' }),
  /** `youtube`: the scope granted is the one happytube asks for, said in words rather than as its address. */
  statusScope: (p: { scope: string; youtube: boolean }): Text => ({
    vi: `Quyền:          ${p.youtube ? 'tải video lên, quản lý video, danh sách phát và phụ đề của kênh' : p.scope}`,
    en: `Scope:          ${p.scope}`,
  }),
  statusClient: (p: { clientId: string }): Text => ({ vi: `Mã ứng dụng:    ${p.clientId}`, en: `OAuth client:   ${p.clientId}` }),
  statusExpiry: (p: { when: Date }): Text => ({
    vi: `Mã truy cập hết hạn lúc ${formatDateTime(p.when, 'vi')}; happytube tự gia hạn khi cần.`,
    en: `Access token expires: ${formatDateTime(p.when, 'en')} (renewed automatically)`,
  }),
  statusRefreshOk: (): Text => ({ vi: 'Gia hạn:        được', en: 'Refresh:        works' }),
  statusRefreshFailed: (): Text => ({ vi: 'Gia hạn:        KHÔNG được', en: 'Refresh:        FAILS' }),
  statusRefreshUnknown: (): Text => ({ vi: 'Gia hạn:        chưa kiểm tra được (không có mạng)', en: 'Refresh:        not checked (no network)' }),

  // ── logout ───────────────────────────────────────────────────────────────
  loggedOut: (p: { profile: string }): Text => ({
    vi: `Đã thu hồi quyền truy cập và xóa ${profileVi(p.profile)}.`,
    en: `Revoked the access and deleted the profile "${p.profile}".`,
  }),
  deletedNotRevoked: (p: { profile: string }): Text => ({
    vi: `Đã xóa ${profileVi(p.profile)} khỏi máy này.`,
    en: `Deleted the profile "${p.profile}" from this computer.`,
  }),
  revokeOffline: (): Text => ({
    vi: 'Không kết nối được Google nên chưa thu hồi được quyền truy cập; quyền đó vẫn còn hiệu lực ở Google.',
    en: 'Could not reach Google, so the access was not revoked there; it is still valid at Google.',
  }),
  revokeFailed: (p: { detail: string }): Text => ({
    vi: 'Google không nhận yêu cầu thu hồi; quyền truy cập có thể vẫn còn hiệu lực.',
    en: `Google did not accept the revocation (${p.detail}); the access may still be valid.`,
  }),
  revokeByHandHint: (): Text => ({
    vi: 'Gỡ quyền của ứng dụng ở https://myaccount.google.com/permissions.',
    en: "Remove the app's access at https://myaccount.google.com/permissions.",
  }),
  nothingToLogOut: (p: { profile: string }): Text => ({
    vi: `${capitalise(profileVi(p.profile))} chưa đăng nhập; không có gì để đăng xuất.`,
    en: `Profile "${p.profile}" is not signed in; nothing to sign out.`,
  }),
  envTokenStays: (): Text => ({
    vi: 'Biến môi trường HAPPYTUBE_REFRESH_TOKEN vẫn còn; hãy tự xóa biến này.',
    en: 'HAPPYTUBE_REFRESH_TOKEN is still set in the environment; remove it yourself.',
  }),

  // ── the sign-in stopped working ──────────────────────────────────────────
  invalidGrant: (p: { profile: string }): Text => ({
    vi: `Google không còn chấp nhận lần đăng nhập của ${profileVi(p.profile)}.`,
    en: `Google no longer accepts the sign-in of profile "${p.profile}" (invalid_grant).`,
  }),
  causeTesting: (p: { days: number }): Text => ({
    vi: `Nguyên nhân có lẽ là: ứng dụng trên Google Cloud còn ở trạng thái thử nghiệm (“Testing”), nên mỗi lần đăng nhập chỉ dùng được 7 ngày (lần này đã ${p.days} ngày).`,
    en: `Likely cause: the Google Cloud app is still in "Testing" status, where a sign-in lasts only 7 days (this one is ${p.days} days old).`,
  }),
  causeUnused: (p: { days: number }): Text => ({
    vi: `Nguyên nhân có lẽ là: quyền truy cập không được dùng suốt hơn 6 tháng (${p.days} ngày) nên Google đã hủy.`,
    en: `Likely cause: the access was not used for over 6 months (${p.days} days), so Google cancelled it.`,
  }),
  causeRevoked: (): Text => ({
    vi: 'Nguyên nhân có lẽ là: quyền truy cập đã bị thu hồi (trong tài khoản Google, hoặc mật khẩu đã đổi), hoặc tài khoản đã đăng nhập ứng dụng này quá 100 lần nên lần cũ nhất bị hủy.',
    en: 'Likely cause: the access was revoked (in the Google Account, or by a password change), or the account signed in to this app more than 100 times so the oldest sign-in was dropped.',
  }),
  causeOthers: (): Text => ({
    vi: 'Các nguyên nhân khác có thể là: ứng dụng còn ở trạng thái thử nghiệm (hết hạn sau 7 ngày), quyền đã bị thu hồi, 6 tháng không dùng, hoặc đăng nhập quá 100 lần.',
    en: 'Other possible causes: a "Testing" app (expires after 7 days), revoked access, 6 months unused, or over 100 sign-ins.',
  }),
  invalidGrantHint: (p: { profile: string }): Text => ({
    vi: `Chạy “${loginCommand(p.profile)}” để đăng nhập lại. Để khỏi phải đăng nhập lại mỗi tuần, chuyển ứng dụng sang trạng thái phát hành chính thức (“In production”), xem ${setup.vi}.`,
    en: `Run "${loginCommand(p.profile)}" to sign in again. To stop this happening every week, publish the app ("In production"; see ${setup.en}).`,
  }),
  invalidGrantEnv: (): Text => ({
    vi: 'Google không còn chấp nhận mã đăng nhập trong biến HAPPYTUBE_REFRESH_TOKEN: mã này đã hết hạn hoặc đã bị thu hồi.',
    en: 'Google no longer accepts HAPPYTUBE_REFRESH_TOKEN (invalid_grant): that token has expired or was revoked.',
  }),
  invalidGrantEnvHint: (): Text => ({
    vi: 'Đăng nhập lại bằng “happytube auth login” trên một máy có trình duyệt, rồi thay giá trị của HAPPYTUBE_REFRESH_TOKEN bằng giá trị refresh_token mới trong tệp token.json của hồ sơ. Nếu ứng dụng còn ở trạng thái thử nghiệm (“Testing”), mã này chỉ dùng được 7 ngày.',
    en: 'Sign in again with "happytube auth login" on a computer with a browser, then replace HAPPYTUBE_REFRESH_TOKEN with the new refresh_token from the profile\'s token.json. If the app is still in "Testing", a token lives only 7 days.',
  }),
  invalidClient: (p: { clientId: string }): Text => ({
    vi: `Google không nhận mã ứng dụng ${p.clientId}: mã ứng dụng hoặc khóa bí mật đi kèm (client secret) bị sai, hoặc mã ứng dụng đã bị xóa trên Google Cloud.`,
    en: `Google does not accept the OAuth client ${p.clientId}: the client id or client secret is wrong, or the client was deleted.`,
  }),
  invalidClientHint: (): Text => ({
    vi: `So HAPPYTUBE_CLIENT_ID và HAPPYTUBE_CLIENT_SECRET (trong tệp .env) với trang “Thông tin xác thực” (Credentials) của Google Cloud; xem ${setup.vi}.`,
    en: `Compare HAPPYTUBE_CLIENT_ID and HAPPYTUBE_CLIENT_SECRET (in .env) with the Google Cloud "Credentials" page; see ${setup.en}.`,
  }),
  network: (p: { host: string }): Text => ({
    vi: `Không kết nối được tới ${p.host}: máy không có mạng, hoặc máy chủ không trả lời.`,
    en: `Cannot reach ${p.host}: there is no network connection, or the server does not answer.`,
  }),
  networkHint: (): Text => ({
    vi: 'Kiểm tra Wi-Fi rồi chạy lại lệnh; phần việc đã xong được giữ nguyên.',
    en: 'Check the Wi-Fi and run the command again; work already done is kept.',
  }),

  // ── a server that does not answer as the Data API does ───────────────────
  answerNotJson: (p: { host: string; call: string }): Text => ({
    vi: `${p.host} trả lời lệnh ${p.call} bằng một nội dung không phải của YouTube Data API (không phải JSON).`,
    en: `${p.host} answered ${p.call} with something that is not the YouTube Data API's answer (not JSON).`,
  }),
  answerTooLarge: (p: { host: string; call: string; megabytes: number }): Text => ({
    vi: `${p.host} gửi câu trả lời cho lệnh ${p.call} dài hơn ${p.megabytes} MB; happytube đã ngắt câu trả lời đó.`,
    en: `${p.host} sent an answer to ${p.call} longer than ${p.megabytes} MB; happytube cut it off.`,
  }),
  answerRetryHint: (): Text => ({
    vi: 'Thường là do trang đăng nhập Wi-Fi hoặc một proxy chen vào giữa: kiểm tra mạng rồi chạy lại lệnh; phần việc đã xong được giữ nguyên.',
    en: 'This is often a Wi-Fi login page or a proxy in the way: check the network and run the command again; work already done is kept.',
  }),
  answerWrongShape: (p: { host: string; call: string; detail: string }): Text => ({
    vi: `${p.host} trả lời lệnh ${p.call} bằng JSON không đúng như tài liệu của YouTube Data API (${p.detail}).`,
    en: `${p.host} answered ${p.call} with JSON that is not what the YouTube Data API documents (${p.detail}).`,
  }),
  answerWrongShapeHint: (): Text => ({
    vi: 'Kiểm tra HAPPYTUBE_API_ROOT và cài đặt proxy: chúng phải dẫn tới YouTube Data API (https://youtube.googleapis.com/). Nếu đúng rồi mà vẫn lỗi, hãy báo cho người bảo trì happytube.',
    en: 'Check HAPPYTUBE_API_ROOT and the proxy settings: they must lead to the YouTube Data API (https://youtube.googleapis.com/). If they do, report this to whoever maintains happytube.',
  }),
  tokenRetryTimeout: (p: { seconds: number; attempt: number; attempts: number }): Text => ({
    vi: `Máy chủ đăng nhập của Google không trả lời trong ${p.seconds} giây; đang thử lại (${p.attempt}/${p.attempts}).`,
    en: `Google's sign-in server did not answer in ${p.seconds} s; trying again (${p.attempt}/${p.attempts}).`,
  }),
  tokenRetry: (p: { reason: string; attempt: number; attempts: number }): Text => ({
    vi: `Máy chủ đăng nhập của Google tạm thời lỗi (${p.reason}); đang thử lại (${p.attempt}/${p.attempts}).`,
    en: `Google's sign-in server failed for a moment (${p.reason}); trying again (${p.attempt}/${p.attempts}).`,
  }),
  apiRetryTimeout: (p: { call: string; seconds: number; attempt: number; attempts: number }): Text => ({
    vi: `YouTube không trả lời trong ${p.seconds} giây (${p.call}); đang thử lại (${p.attempt}/${p.attempts}).`,
    en: `YouTube did not answer in ${p.seconds} s (${p.call}); trying again (${p.attempt}/${p.attempts}).`,
  }),
  apiRetry: (p: { call: string; reason: string; attempt: number; attempts: number }): Text => ({
    vi: `YouTube tạm thời lỗi (${p.call}: ${p.reason}); đang thử lại (${p.attempt}/${p.attempts}).`,
    en: `YouTube failed for a moment (${p.call}: ${p.reason}); trying again (${p.attempt}/${p.attempts}).`,
  }),

  // ── the library's channel guard ──────────────────────────────────────────
  channelMismatch: (p: { file: string; configured: string; signedIn: string; title: string; profile: string }): Text => ({
    vi: `${p.file} ghi mã kênh (channel.id) ${p.configured}, nhưng ${profileVi(p.profile)} đang đăng nhập kênh “${p.title}” (mã kênh ${p.signedIn}). Chưa gửi gì lên YouTube.`,
    en: `${p.file}: channel.id is ${p.configured}, but profile "${p.profile}" is signed in to the channel "${p.title}" (${p.signedIn}). Nothing was sent to YouTube.`,
  }),
  channelMismatchHint: (): Text => ({
    vi: 'Chọn đúng hồ sơ (--profile TÊN), hoặc đăng nhập đúng kênh bằng “happytube auth login”, hoặc sửa channel.id nếu thư viện đã chuyển sang kênh mới.',
    en: 'Pick the right profile (--profile NAME), or sign in to the right channel with "happytube auth login", or correct channel.id if the library moved to a new channel.',
  }),
};
