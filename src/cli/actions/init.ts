/**
 * What `happytube init` does (its options: src/cli/commands/init.ts): asks the school's answers
 * with prompts (or takes them from the flags), lets src/init/ write the library, prints what it
 * wrote and the next steps. `happytube setup` asks the same questions (askAnswers).
 */
import { resolve } from 'node:path';
import { InputError, WorkLeftError } from '../../errors.ts';
import type { Lang, Text } from '../../i18n/index.ts';
import { isLang, tr, useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import { INIT_DEFAULTS, initLibrary } from '../../init/index.ts';
import type { InitAnswers, InitDefaults } from '../../init/index.ts';
import type { Privacy } from '../../library/types.ts';
import { isPromptCancel } from '../confirm.ts';
import type { CliContext } from '../context.ts';

export interface InitFlags {
  yes?: boolean;
  school?: string;
}

/** Preset answers (from the flags) plus the questions still to ask; `happytube setup` asks them too. */
export async function askAnswers(ctx: CliContext, flags: InitFlags, lang: Lang | undefined, defaults: InitDefaults): Promise<InitAnswers> {
  // The library's language: --lang presets it; otherwise HAPPYTUBE_LANG or the skeleton's own (vi).
  const defaultLang = isLang(ctx.env.HAPPYTUBE_LANG) ? ctx.env.HAPPYTUBE_LANG : defaults.language;
  if (flags.yes) return { ...defaults, school: flags.school ?? defaults.school, language: lang ?? defaultLang };
  if (ctx.ui.streams.stdin?.isTTY !== true) throw new InputError(M.init.noTty(), { hint: M.init.noTtyFix() });
  // Only a person at a terminal is asked: the prompts load then, from node_modules (scripts/build.ts keeps them out of the bundle).
  const { input, rawlist, select } = await import('@inquirer/prompts');
  const context = { input: ctx.ui.streams.stdin, output: ctx.ui.streams.stderr, signal: ctx.signal };
  const t = (text: Text): string => tr(text);
  try {
    const school =
      flags.school ??
      (await input(
        { message: t(M.init.askSchool()), default: defaults.school, validate: (v) => v.trim() !== '' || t(M.init.schoolEmpty()) },
        context,
      ));
    const language =
      lang ??
      (await select<Lang>(
        {
          message: t(M.init.askLanguage()),
          default: defaultLang,
          choices: [
            { value: 'vi', name: t(M.init.langVi()) },
            { value: 'en', name: t(M.init.langEn()) },
          ],
        },
        context,
      ));
    // The rest is asked in the language just chosen (unless --lang or HAPPYTUBE_LANG said otherwise).
    useLibraryLang(language);
    const privacy = await select<Privacy>(
      {
        message: t(M.init.askPrivacy()),
        default: defaults.privacy,
        choices: [
          { value: 'public', name: t(M.init.privacyPublic()) },
          { value: 'unlisted', name: t(M.init.privacyUnlisted()) },
          { value: 'private', name: t(M.init.privacyPrivate()) },
        ],
      },
      context,
    );
    // An explicit choice: rawlist has no preselected answer, the number must be typed.
    const madeForKids = await rawlist<boolean>(
      {
        message: t(M.init.askMadeForKids()),
        choices: [
          { value: false, name: t(M.init.madeForKidsNo()) },
          { value: true, name: t(M.init.madeForKidsYes()) },
        ],
      },
      context,
    );
    const notifySubscribers = await select<boolean>(
      {
        message: t(M.init.askNotifySubscribers()),
        default: defaults.notifySubscribers,
        choices: [
          { value: true, name: t(M.init.notifyYes()) },
          { value: false, name: t(M.init.notifyNo()) },
        ],
      },
      context,
    );
    return { school, language, privacy, madeForKids, notifySubscribers };
  } catch (error) {
    if (isPromptCancel(error)) {
      throw new WorkLeftError(M.init.cancelled(), { hint: M.init.cancelledFix(), cause: error });
    }
    throw error;
  }
}

/** A folder as the user would type it in the next steps: quoted when it holds spaces. */
export function shellPath(path: string): string {
  return /[\s'"$`\\]/.test(path) ? `"${path.replace(/(["$`\\])/g, '\\$1')}"` : path;
}

export async function runInitCommand(ctx: CliContext, dir: string | undefined, flags: InitFlags): Promise<void> {
  const langFlag = ctx.globals().lang;
  const answers = await askAnswers(ctx, flags, isLang(langFlag) ? langFlag : undefined, INIT_DEFAULTS);
  const result = await initLibrary(resolve(ctx.cwd, dir ?? '.'), answers);
  useLibraryLang(result.answers.language);
  const { ui } = ctx;
  ui.print(M.init.created({ dir: result.root }));
  for (const file of result.created) ui.print(`  + ${file}`);
  for (const file of result.kept) ui.print(`  = ${tr(M.init.kept({ path: file }))}`);
  ui.print();
  ui.print(M.init.answers({ school: result.answers.school, privacy: result.answers.privacy, madeForKids: result.answers.madeForKids }));
  ui.print(M.init.notifyAnswer({ notifySubscribers: result.answers.notifySubscribers }));
  ui.print(M.init.changeLater());
  ui.print();
  ui.print(M.init.nextTitle());
  const steps: Text[] = [];
  if (resolve(ctx.cwd) !== result.root) steps.push(M.init.nextCd({ dir: shellPath(dir ?? '.') }));
  steps.push(M.init.nextLogin(), M.init.nextClips({ folders: result.folders.join(', ') }), M.init.nextCheck(), M.init.nextDryRun());
  steps.forEach((step, i) => ui.print(`  ${i + 1}. ${tr(step)}`));
}
