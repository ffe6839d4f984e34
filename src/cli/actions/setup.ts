/**
 * `happytube setup`: the first run of a school, guided. Four steps — the library, the Google
 * Cloud client, the sign-in with its channel guard, then `check` and the dry-run plan — each of
 * which first looks whether it is already done, so that running setup again only does what is
 * missing. The steps reuse the commands' own code (init's questions, auth login's sign-in, the
 * real `check` and `sync --dry-run`); with --yes every question takes its default answer.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type * as InquirerPrompts from '@inquirer/prompts';
import { parse } from 'yaml';
import type { Environment } from '../../config/env.ts';
import { AuthError, ExitCode, HappyError, InputError, WorkLeftError } from '../../errors.ts';
import type { Lang, Text } from '../../i18n/index.ts';
import { isLang, tr, useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import { INIT_DEFAULTS, initLibrary } from '../../init/index.ts';
import { readChannelGuard, writeChannelGuard } from '../../library/channel-guard.ts';
import { CONFIG_FILE } from '../../library/config.ts';
import { findLibraryRoot } from '../../library/load.ts';
import { keepClientFile, readClientFile, storedClient } from '../../youtube/auth/client-file.ts';
import { resolveClientCredentials } from '../../youtube/auth/credentials.ts';
import { authStatus } from '../../youtube/auth/status.ts';
import type { SignedInChannel } from '../../youtube/auth/store.ts';
import { checkChannelGuard } from '../../youtube/client.ts';
import { isPromptCancel } from '../confirm.ts';
import type { CliContext } from '../context.ts';
import { isTerminal } from '../launch.ts';
import { rememberLibrary } from '../remember.ts';
import { signIn } from './auth.ts';
import { askAnswers, shellPath } from './init.ts';

export interface SetupFlags {
  clientSecretFile?: string;
  browser: boolean;
  yes?: boolean;
}

type Prompts = typeof InquirerPrompts;

const STEPS = 4;

/** Google Cloud's pages for each step of creating the school's client, in order. */
const CLOUD_STEPS: readonly { title: () => Text; what: () => Text; url: string }[] = [
  { title: M.setup.cloudProject, what: M.setup.cloudProjectWhat, url: 'https://console.cloud.google.com/projectcreate' },
  { title: M.setup.cloudApi, what: M.setup.cloudApiWhat, url: 'https://console.cloud.google.com/apis/library/youtube.googleapis.com' },
  { title: M.setup.cloudConsent, what: M.setup.cloudConsentWhat, url: 'https://console.cloud.google.com/auth/overview' },
  { title: M.setup.cloudScope, what: M.setup.cloudScopeWhat, url: 'https://console.cloud.google.com/auth/scopes' },
  { title: M.setup.cloudPublish, what: M.setup.cloudPublishWhat, url: 'https://console.cloud.google.com/auth/audience' },
  { title: M.setup.cloudClient, what: M.setup.cloudClientWhat, url: 'https://console.cloud.google.com/auth/clients/create' },
];

/** The library's `language`, for the rest of the conversation; a file `check` will complain about gives none. */
async function libraryLanguage(root: string): Promise<Lang | undefined> {
  try {
    const language: unknown = (parse(await readFile(join(root, CONFIG_FILE), 'utf8')) as { language?: unknown } | null)?.language;
    return isLang(language) ? language : undefined;
  } catch {
    return undefined;
  }
}

class Setup {
  readonly #ctx: CliContext;
  readonly #flags: SetupFlags;
  /** Absent with --yes: every question takes its default. */
  readonly #prompts: Prompts | undefined;

  constructor(ctx: CliContext, flags: SetupFlags, prompts: Prompts | undefined) {
    this.#ctx = ctx;
    this.#flags = flags;
    this.#prompts = prompts;
  }

  get #context(): { input: NodeJS.ReadableStream | undefined; output: NodeJS.WritableStream; signal: AbortSignal } {
    return { input: this.#ctx.ui.streams.stdin, output: this.#ctx.ui.streams.stderr, signal: this.#ctx.signal };
  }

  #step(n: number, title: Text): void {
    this.#ctx.ui.print(M.setup.step({ n, total: STEPS, title }));
  }

  #done(text: Text): void {
    this.#ctx.ui.print(M.setup.done({ text }));
  }

  async #confirm(message: Text, fallback: boolean): Promise<boolean> {
    if (!this.#prompts) return fallback;
    return this.#prompts.confirm({ message: tr(message), default: fallback }, this.#context);
  }

  async #openBrowser(url: string): Promise<void> {
    if (!this.#flags.browser) return;
    try {
      const { default: open } = await import('open');
      const child = await open(url);
      child.once('error', (error) => this.#ctx.ui.warn(M.auth.browserFailed({ detail: error.message })));
    } catch (error) {
      this.#ctx.ui.warn(M.auth.browserFailed({ detail: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** Step 1: DIR; else the library the current folder is in, or the current folder when empty; else ask. */
  async library(dir: string | undefined): Promise<string> {
    const ctx = this.#ctx;
    this.#step(1, M.setup.stepLibrary());
    let root = dir === undefined ? findLibraryRoot(ctx.cwd) : resolve(ctx.cwd, dir);
    if (root === undefined) {
      const empty = readdirSync(ctx.cwd).length === 0;
      const offered = empty ? ctx.cwd : join(ctx.cwd, 'happytube');
      root = empty || !this.#prompts ? offered : resolve(ctx.cwd, await this.#prompts.input({ message: tr(M.setup.askFolder({ cwd: ctx.cwd })), default: offered }, this.#context));
    }
    if (existsSync(join(root, CONFIG_FILE))) {
      useLibraryLang(await libraryLanguage(root));
      this.#done(M.setup.libraryFound({ dir: root }));
    } else {
      const langFlag = ctx.globals().lang;
      const answers = await askAnswers(ctx, { yes: this.#flags.yes === true }, isLang(langFlag) ? langFlag : undefined, INIT_DEFAULTS);
      const result = await initLibrary(root, answers);
      useLibraryLang(result.answers.language);
      this.#done(M.setup.libraryCreated({ dir: result.root, count: result.created.length }));
    }
    await rememberLibrary(ctx.environment([root]), root);
    return root;
  }

  /** Step 2: the OAuth client, from the environment, the profile, --client-secret-file, or the guided Google Cloud pages. */
  async client(environment: Environment): Promise<void> {
    const ctx = this.#ctx;
    this.#step(2, M.setup.stepClient());
    const fromEnvironment = Boolean(environment.clientId || environment.clientSecret || environment.clientSecretFile);
    let given = this.#flags.clientSecretFile;
    if (given === undefined) {
      let current;
      try {
        current = resolveClientCredentials(environment, ctx.cwd);
      } catch (error) {
        if (!(error instanceof InputError) || fromEnvironment) throw error; // none yet (or a damaged one): this step makes it
      }
      if (current?.source === 'environment') return this.#done(M.setup.clientFromEnvironment());
      if (current?.source === 'secret-file') return this.#done(M.setup.clientFromSecretFile({ file: current.file ?? '' }));
      if (current?.source === 'profile') return this.#done(M.setup.clientKept({ file: current.file ?? '' }));
      if (!this.#prompts) throw new InputError(M.setup.needClientFile(), { hint: M.setup.needClientFileHint() });
      given = await this.#guideCloud(readClientFile);
    }
    const checked = readClientFile(given, ctx.cwd);
    let kept;
    try {
      kept = storedClient(environment);
    } catch {
      kept = undefined; // a damaged copy: replaced below
    }
    if (kept && kept.credentials.clientId === checked.credentials.clientId && kept.credentials.clientSecret === checked.credentials.clientSecret) {
      this.#done(M.setup.clientKept({ file: kept.file }));
    } else {
      this.#done(M.setup.clientSaved({ file: await keepClientFile(environment, checked.json) }));
    }
    if (fromEnvironment) ctx.ui.warn(M.setup.environmentWins());
  }

  /** Google Cloud's pages one at a time; returns the path of the downloaded client file, checked. */
  async #guideCloud(read: (path: string, cwd: string) => unknown): Promise<string> {
    const prompts = this.#prompts!;
    const { ui, cwd } = this.#ctx;
    ui.print(M.setup.cloudIntro());
    for (const [i, step] of CLOUD_STEPS.entries()) {
      ui.print(M.setup.cloudStep({ n: i + 1, total: CLOUD_STEPS.length, title: step.title(), what: step.what(), url: step.url }));
      await this.#openBrowser(step.url);
      if (i < CLOUD_STEPS.length - 1) await prompts.input({ message: tr(M.setup.pressEnter()) }, this.#context);
    }
    return prompts.input(
      {
        message: tr(M.setup.askClientFile()),
        validate: (value) => {
          try {
            read(value, cwd);
            return true;
          } catch (error) {
            if (!(error instanceof HappyError)) throw error;
            return `${tr(error.text)}${error.hint ? ` ${tr(error.hint)}` : ''}`;
          }
        },
      },
      this.#context,
    );
  }

  /** Step 3: a working sign-in (a real refresh), the school's channel, its id as the library's guard. */
  async signIn(environment: Environment, root: string): Promise<void> {
    const ctx = this.#ctx;
    this.#step(3, M.setup.stepSignIn());
    let channel = await this.#currentChannel(environment);
    if (channel) this.#done(M.setup.signedIn(channel));
    for (;;) {
      if (!channel) {
        channel = (await signIn(ctx, { browser: this.#flags.browser }, environment)).channel;
        // The sign-in lets go of the keyboard when it ends (auth login ends there); questions follow here.
        if (this.#prompts) (ctx.ui.streams.stdin as { ref?: () => void } | undefined)?.ref?.();
        this.#done(M.setup.signedIn(channel));
      }
      if (await this.#confirm(M.setup.askSchoolChannel({ title: channel.title }), true)) break;
      ctx.ui.print(M.setup.pickAnother());
      channel = undefined;
    }
    await this.#guard(root, channel);
  }

  async #currentChannel(environment: Environment): Promise<SignedInChannel | undefined> {
    try {
      const status = await authStatus({ environment, cwd: this.#ctx.cwd });
      if (status.refresh === 'ok' && status.channel) return status.channel;
      if (status.refresh === 'offline' && status.problem) throw status.problem;
      if (status.problem) this.#ctx.ui.note(M.setup.signInLost({ problem: status.problem.text }));
      return undefined;
    } catch (error) {
      if (error instanceof AuthError) return undefined; // not signed in, or with another client: sign in
      throw error;
    }
  }

  async #guard(root: string, channel: SignedInChannel): Promise<void> {
    const file = join(root, CONFIG_FILE);
    const configured = await readChannelGuard(root);
    if (configured === channel.id) return this.#done(M.setup.guardKept({ file }));
    if (configured !== undefined && !(await this.#confirm(M.setup.askReplaceGuard({ file, configured, title: channel.title }), false))) {
      checkChannelGuard(configured, channel, { file, profile: this.#ctx.environment([root]).profile });
    }
    await writeChannelGuard(root, channel.id, tr(M.setup.guardComment({ title: channel.title })));
    this.#done(M.setup.guardWritten({ file }));
  }

  /** Step 4: the real `check`, the real `sync --dry-run`, and the one command that publishes. */
  async preview(root: string): Promise<void> {
    const ctx = this.#ctx;
    this.#step(4, M.setup.stepCheck());
    if ((await ctx.run(['check', root])) !== 0) throw new InputError(M.setup.checkFailed(), { hint: M.setup.checkFailedHint() });
    const code = await ctx.run(['sync', root, '--dry-run']);
    if (code !== 0) {
      const known = (Object.values(ExitCode) as number[]).includes(code) ? (code as ExitCode) : ExitCode.failure;
      throw new HappyError(known, M.setup.previewFailed(), { hint: M.setup.previewFailedHint() });
    }
    const profile = ctx.globals().profile;
    ctx.ui.print(M.setup.ready());
    ctx.ui.print(`  happytube${profile ? ` --profile ${profile}` : ''} sync ${shellPath(root)}`);
  }
}

export async function runSetup(ctx: CliContext, dir: string | undefined, flags: SetupFlags): Promise<void> {
  if (!flags.yes && !isTerminal(ctx.ui.streams)) throw new InputError(M.setup.noTty(), { hint: M.setup.noTtyFix() });
  const setup = new Setup(ctx, flags, flags.yes ? undefined : await import('@inquirer/prompts'));
  try {
    const root = await setup.library(dir);
    const environment = ctx.environment([root]);
    await setup.client(environment);
    await setup.signIn(environment, root);
    await setup.preview(root);
  } catch (error) {
    if (isPromptCancel(error)) throw new WorkLeftError(M.setup.cancelled(), { hint: M.setup.cancelledHint(), cause: error });
    throw error;
  }
}
