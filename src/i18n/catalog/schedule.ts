import type { Text } from '../index.ts';
import type { Scheduler } from '../../schedule/tasks.ts';

const SCHEDULERS: Record<Scheduler, Text> = {
  windows: { vi: 'một tác vụ của Task Scheduler (Windows)', en: 'a Windows Task Scheduler task' },
  launchd: { vi: 'một LaunchAgent của launchd (macOS)', en: 'a macOS launchd agent' },
  systemd: { vi: 'một lịch systemd của người dùng (Linux)', en: 'a systemd user timer (Linux)' },
  cron: { vi: 'một dòng crontab', en: 'a crontab line' },
};

/** `happytube schedule`: the daily run by the computer's own scheduler. */
export const schedule = {
  description: (): Text => ({
    vi: 'Cho máy tự đồng bộ thư viện mỗi ngày theo lịch: cài, gỡ hoặc xem lịch chạy',
    en: 'Have the computer sync the library every day by itself (install, remove, status)',
  }),
  installDescription: (): Text => ({ vi: 'Cài lịch chạy “happytube sync --yes” mỗi ngày cho thư viện', en: 'Install a daily "happytube sync --yes" of the library' }),
  removeDescription: (): Text => ({ vi: 'Gỡ lịch chạy hằng ngày của thư viện', en: "Remove the library's daily run" }),
  statusDescription: (): Text => ({ vi: 'Cho biết lịch đã cài chưa, lần chạy gần nhất và kết quả', en: 'Show whether the daily run is installed, its last run and outcome' }),
  optAt: (p: { at: string }): Text => ({
    vi: `giờ chạy mỗi ngày, dạng HH:MM theo giờ của máy (mặc định ${p.at}: ngay sau khi hạn mức được làm mới)`,
    en: `time of the daily run, HH:MM in this computer's time (default ${p.at}: just after the quota resets)`,
  }),
  optDryRun: (): Text => ({ vi: 'chỉ in ra tác vụ sẽ cài, không cài gì', en: 'print the task it would install; install nothing' }),
  optScheduled: (): Text => ({
    vi: 'lần chạy theo lịch: ghi kết quả vào .happytube/schedule.log',
    en: 'a scheduled run: write the output to .happytube/schedule.log',
  }),
  badAt: (p: { value: string }): Text => ({
    vi: `--at “${p.value}” không hợp lệ: ghi giờ dạng HH:MM, từ 00:00 đến 23:59.`,
    en: `--at "${p.value}" is not valid: give a time as HH:MM, from 00:00 to 23:59.`,
  }),
  badAtHint: (): Text => ({ vi: 'Ví dụ: --at 15:05', en: 'For example: --at 15:05' }),
  noScheduler: (): Text => ({
    vi: 'Máy này không có trình lập lịch nào happytube dùng được (systemd của người dùng, hoặc crontab).',
    en: 'This computer has no scheduler happytube can use (a user systemd, or crontab).',
  }),
  noSchedulerHint: (): Text => ({
    vi: 'Cài gói cron (ví dụ “sudo apt install cron”), hoặc tự đặt lịch chạy “happytube sync THƯ_MỤC --yes”.',
    en: 'Install cron (e.g. "sudo apt install cron"), or schedule "happytube sync DIR --yes" yourself.',
  }),
  commandFailed: (p: { command: string; detail: string }): Text => ({
    vi: `Lệnh “${p.command}” không thành công: ${p.detail}`,
    en: `"${p.command}" failed: ${p.detail}`,
  }),
  commandFailedHint: (): Text => ({
    vi: 'Xem tác vụ bằng “happytube schedule install --dry-run”; có thể tự cài tác vụ đó bằng tay.',
    en: 'See the task with "happytube schedule install --dry-run"; it can also be installed by hand.',
  }),
  commandMissingHint: (p: { program: string }): Text => ({
    vi: `Máy này không có chương trình ${p.program}.`,
    en: `This computer has no ${p.program} program.`,
  }),
  scheduler: (p: { scheduler: Scheduler }): Text => SCHEDULERS[p.scheduler],
  dryRunTitle: (p: { scheduler: Text; name: string; at: string }): Text => ({
    vi: `Sẽ cài ${p.scheduler.vi} tên “${p.name}”, chạy mỗi ngày lúc ${p.at}:`,
    en: `Would install ${p.scheduler.en} named "${p.name}", running every day at ${p.at}:`,
  }),
  dryRunCommand: (p: { command: string }): Text => ({ vi: `Lệnh: ${p.command}`, en: `Command: ${p.command}` }),
  dryRunFile: (p: { path: string }): Text => ({ vi: `Tệp ${p.path}:`, en: `File ${p.path}:` }),
  dryRunRun: (p: { command: string }): Text => ({ vi: `Rồi chạy: ${p.command}`, en: `Then run: ${p.command}` }),
  dryRunCron: (): Text => ({ vi: 'Thêm vào crontab dòng:', en: 'Add to the crontab the line:' }),
  dryRunDone: (): Text => ({ vi: 'Chưa cài gì (--dry-run).', en: 'Nothing was installed (--dry-run).' }),
  installed: (p: { scheduler: Text; name: string; at: string; root: string }): Text => ({
    vi: `Đã đặt lịch: mỗi ngày lúc ${p.at}, máy tự đồng bộ ${p.root} (${p.scheduler.vi}, tên “${p.name}”).`,
    en: `Scheduled: every day at ${p.at}, this computer syncs ${p.root} (${p.scheduler.en}, named "${p.name}").`,
  }),
  installedHint: (p: { log: string }): Text => ({
    vi: `Vào giờ đó máy cần đang bật và bạn đang đăng nhập; lần nào bị lỡ sẽ chạy khi máy bật lại. Kết quả ghi vào ${p.log}; xem bằng “happytube schedule status”.`,
    en: `At that time the computer must be on and you signed in; a missed run starts when it is on again. Results go to ${p.log}; see them with "happytube schedule status".`,
  }),
  removed: (p: { name: string }): Text => ({ vi: `Đã gỡ lịch chạy hằng ngày “${p.name}”.`, en: `Removed the daily run "${p.name}".` }),
  notInstalled: (): Text => ({ vi: 'Thư viện này chưa có lịch chạy hằng ngày.', en: 'This library has no daily run.' }),
  notInstalledHint: (): Text => ({ vi: 'Cài bằng “happytube schedule install”.', en: 'Install one with "happytube schedule install".' }),
  statusInstalled: (p: { scheduler: Text; name: string; at: string }): Text => ({
    vi: `Lịch chạy: mỗi ngày lúc ${p.at} (${p.scheduler.vi}, tên “${p.name}”).`,
    en: `Daily run: every day at ${p.at} (${p.scheduler.en}, named "${p.name}").`,
  }),
  statusMissing: (p: { name: string }): Text => ({
    vi: `Lịch “${p.name}” đã được cài nhưng trình lập lịch của máy không còn nó: chạy lại “happytube schedule install”.`,
    en: `The daily run "${p.name}" was installed but the computer's scheduler no longer has it: run "happytube schedule install" again.`,
  }),
  lastRunNone: (): Text => ({ vi: 'Chưa có lần chạy theo lịch nào.', en: 'No scheduled run yet.' }),
  lastRun: (p: { start: string; outcome: Text }): Text => ({
    vi: `Lần chạy gần nhất: ${p.start} — ${p.outcome.vi}`,
    en: `Last run: ${p.start} — ${p.outcome.en}`,
  }),
  outcome: (p: { code: number }): Text => {
    switch (p.code) {
      case 0:
        return { vi: 'xong hết', en: 'everything done (exit 0)' };
      case 2:
        return { vi: 'thư viện có lỗi, không gửi gì lên YouTube', en: 'the library has errors; nothing was sent (exit 2)' };
      case 3:
        return { vi: 'còn việc (hết hạn mức hoặc bị ngắt), lần sau làm tiếp', en: 'work left (quota or interruption); the next run goes on (exit 3)' };
      case 4:
        return { vi: 'cần đăng nhập lại bằng “happytube auth login”', en: 'needs signing in again with "happytube auth login" (exit 4)' };
      default:
        return { vi: 'có lỗi: xem các dòng bên dưới', en: `failed (exit ${p.code}): see the lines below` };
    }
  },
  outcomeRunning: (p: { pid: number }): Text => ({ vi: `đang chạy (tiến trình ${p.pid})`, en: `running (process ${p.pid})` }),
  outcomeUnknown: (): Text => ({
    vi: 'dừng giữa chừng mà không ghi kết quả (máy tắt hoặc bị buộc dừng?)',
    en: 'stopped without an outcome (the computer turned off, or the run was killed?)',
  }),
  lastRunLines: (): Text => ({ vi: 'Những dòng cuối của lần chạy đó:', en: 'Its last lines:' }),
  logFile: (p: { log: string }): Text => ({ vi: `Nhật ký: ${p.log}`, en: `Log: ${p.log}` }),
};
