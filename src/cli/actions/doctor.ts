/**
 * What `happytube doctor` does (its options: src/cli/commands/doctor.ts): one line per check, ✓ or
 * ✗ with its fix (src/doctor/). Exit 0 when every check passes, 1 otherwise.
 */
import { resolve } from 'node:path';
import { runDoctor } from '../../doctor/index.ts';
import { ExitCode, HappyError } from '../../errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { getLang, tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import { findLibraryRoot } from '../../library/load.ts';
import type { CliContext } from '../context.ts';
import { VERSION } from '../version.ts';

export async function runDoctorCommand(ctx: CliContext, dir: string | undefined, flags: { json?: boolean }): Promise<void> {
  const root = dir === undefined ? findLibraryRoot(ctx.cwd) : resolve(ctx.cwd, dir);
  const checks = await runDoctor({
    environment: ctx.environment(root ? [root] : []),
    env: ctx.env,
    cwd: ctx.cwd,
    dir,
    version: VERSION,
    signal: ctx.signal,
    clock: (date) => formatDateTime(date, getLang()),
  });
  const { ui } = ctx;
  if (flags.json) {
    ui.json({
      ok: checks.every((c) => c.ok),
      checks: checks.map((c) => ({ id: c.id, ok: c.ok, message: tr(c.text), fix: c.fix ? tr(c.fix) : null })),
    });
  } else {
    for (const check of checks) {
      ui.print(`${check.ok ? ui.style('green', '✓') : ui.style('red', '✗')} ${tr(check.text)}`);
      if (!check.ok && check.fix) ui.print(`    ${tr(M.doctor.fix())} ${tr(check.fix)}`);
    }
  }
  const failed = checks.filter((c) => !c.ok).length;
  if (failed > 0) throw new HappyError(ExitCode.failure, M.doctor.failed({ count: failed }), { hint: M.doctor.failedHint() });
}
