/**
 * Keeps the computer from sleeping while a sync uploads, with what each system lets a normal user
 * do without administrator rights:
 * - Linux: `systemd-inhibit` (logind's sleep and idle inhibitor);
 * - macOS: `caffeinate -i`;
 * - Windows: PowerShell asking for the system to stay on (SetThreadExecutionState with
 *   ES_CONTINUOUS | ES_SYSTEM_REQUIRED, which holds while that PowerShell runs).
 * Each helper also ends by itself once happytube's process is gone (a crash never leaves the
 * computer awake for good). A missing tool, or one that refuses (no logind in a container), is not
 * an error: the upload goes on, the computer may sleep.
 */
import { spawn } from 'node:child_process';
import { currentRun } from './run-scope.ts';

const WHY = 'happytube is uploading clips to YouTube';

/** The command that holds the computer awake while process `pid` lives, or undefined where none. */
export function keepAwakeCommand(platform: NodeJS.Platform, pid: number): string[] | undefined {
  switch (platform) {
    case 'linux':
      return [
        'systemd-inhibit',
        '--what=sleep:idle',
        '--who=happytube',
        `--why=${WHY}`,
        '--mode=block',
        'sh',
        '-c',
        `while kill -0 ${pid} 2>/dev/null; do sleep 5; done`,
      ];
    case 'darwin':
      return ['caffeinate', '-i', '-w', String(pid)];
    case 'win32':
      return [
        'powershell.exe',
        '-NoProfile',
        '-NonInteractive',
        '-WindowStyle',
        'Hidden',
        '-Command',
        [
          `$p = Add-Type -Name Power -Namespace HappyTube -PassThru -MemberDefinition '[DllImport("kernel32.dll")] public static extern uint SetThreadExecutionState(uint esFlags);'`,
          '[void]$p::SetThreadExecutionState([uint32]2147483649)',
          `Wait-Process -Id ${pid} -ErrorAction SilentlyContinue`,
        ].join('; '),
      ];
    default:
      return undefined;
  }
}

/** Lets the computer sleep again (idempotent). */
export type LetSleep = () => void;

/** Starts holding the computer awake; call the result when the uploads are over. */
export function keepAwake(platform: NodeJS.Platform = process.platform): LetSleep {
  const argv = keepAwakeCommand(platform, process.pid);
  if (!argv) return () => undefined;
  let child: ReturnType<typeof spawn> | undefined;
  try {
    // The run's environment, as a child of the CLI's own process would have it (its PATH finds the tool).
    child = spawn(argv[0]!, argv.slice(1), { stdio: 'ignore', windowsHide: true, env: currentRun().env });
    child.on('error', () => undefined); // not installed: the computer may sleep, the upload goes on
    child.unref();
  } catch {
    return () => undefined;
  }
  return () => {
    if (child?.exitCode === null && child.signalCode === null) child.kill();
    child = undefined;
  };
}

/**
 * Holds the computer awake from the first upload that starts until the result is called; the next
 * upload after that holds it again (a run of rounds may sleep through a wait for the quota).
 */
export function awakeWhileUploading(uploadStarts: { on(event: 'action:start', listener: (e: { action: { kind: string } }) => void): unknown }): LetSleep {
  let letSleep: LetSleep | undefined;
  uploadStarts.on('action:start', (e) => {
    if (e.action.kind === 'video.upload') letSleep ??= keepAwake();
  });
  return () => {
    letSleep?.();
    letSleep = undefined;
  };
}
