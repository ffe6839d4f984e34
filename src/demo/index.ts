/**
 * `happytube demo` without the printing: the example library is copied to a temporary folder, an
 * emulator is started in this process, the real sign-in runs against it (its consent page agrees
 * at once: the "browser" here is a fetch of the sign-in address), a real sync runs with the
 * caller's progress listeners, and the HTML report is written to `reportFile`. Everything else —
 * the library copy, the sign-in (in its own config folder: the user's real sign-in is never
 * touched), the emulator — is gone when the promise settles, whether it resolves or rejects.
 */
import type { EventEmitter } from 'node:events';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { readEnvironment } from '../config/env.ts';
import type { Environment } from '../config/env.ts';
import { ExitCode, HappyError, InputError } from '../errors.ts';
import { demo as D } from '../i18n/catalog/demo.ts';
import type { Lang } from '../i18n/index.ts';
import { makeReport, readLibraryConfig } from '../report/run.ts';
import type { ReportModel } from '../report/model.ts';
import type { SyncEventMap, SyncSummary } from '../sync/events.ts';
import { shippedFolder } from '../util/package-root.ts';

/** The example library shipped with happytube. */
export const EXAMPLE_LIBRARY = join(shippedFolder('examples'), 'happy-school');

/** The example library's `language`, if it can be read (runDemo reports a missing one). */
export function exampleLanguage(): Lang | undefined {
  try {
    return readLibraryConfig(EXAMPLE_LIBRARY).language;
  } catch {
    return undefined;
  }
}

/** Where the demo's report stays: the temporary folder is cleaned by the system, not by us. */
export function defaultReportFile(): string {
  return join(tmpdir(), 'happytube-demo-report.html');
}

export const DEMO_CLIENT_ID = 'happytube-demo.apps.googleusercontent.com';
const DEMO_CLIENT_SECRET = 'happytube-demo-secret';

export type DemoStep =
  | { kind: 'copied'; dir: string }
  | { kind: 'emulator'; url: string }
  | { kind: 'signedIn'; channel: string }
  | { kind: 'syncing' };

export interface DemoOptions {
  /** Progress of the sync: the same events `happytube sync` draws. */
  events: EventEmitter<SyncEventMap>;
  signal: AbortSignal;
  /** Each step as it is done. */
  onStep: (step: DemoStep) => void;
  /** The report's language, asked once the library was read. */
  language: () => Lang;
  log?: ((line: string) => void) | undefined;
}

export interface DemoResult {
  summary: SyncSummary;
  model: ReportModel;
  reportFile: string;
}

/** The environment of the demo only: the emulator's endpoints, a demo client, its own config folder. */
function demoEnvironment(endpoints: Record<string, string>, configDir: string): Environment {
  return readEnvironment({
    ...endpoints,
    HAPPYTUBE_CLIENT_ID: DEMO_CLIENT_ID,
    HAPPYTUBE_CLIENT_SECRET: DEMO_CLIENT_SECRET,
    HAPPYTUBE_CONFIG_DIR: configDir,
    HAPPYTUBE_PROFILE: 'demo',
  });
}

/**
 * The demo's browser: GET the consent address and follow its redirects — the emulator's consent
 * answers with one to our loopback listener. Through src/youtube/http.ts, as every other request
 * of happytube, and not fetch(): Wine cannot start a fetch() at all (undici turns keep-alive on
 * while the socket is still connecting, which Wine refuses with "connect UNKNOWN").
 */
async function consentBrowser(address: string, signal: AbortSignal): Promise<void> {
  const { exchange } = await import('../youtube/http.ts');
  let url = new URL(address);
  for (let hops = 0; hops < 5; hops++) {
    const answer = await exchange(url, { method: 'GET', headers: {}, signal });
    const location = answer.headers.location;
    if (answer.status < 300 || answer.status >= 400 || !location) {
      if (answer.status >= 400) throw new Error(`HTTP ${answer.status} from ${url.origin}${url.pathname}`);
      return;
    }
    url = new URL(location, url);
  }
  throw new Error(`too many redirects from ${address}`);
}

export async function runDemo(o: DemoOptions): Promise<DemoResult> {
  const examples = EXAMPLE_LIBRARY;
  const reportFile = defaultReportFile();
  try {
    await stat(join(examples, 'happytube.yaml'));
  } catch {
    throw new InputError(D.noExamples({ dir: examples }), { hint: D.noExamplesHint() });
  }
  const work = await mkdtemp(join(tmpdir(), 'happytube-demo-'));
  let closeEmulator: (() => Promise<void>) | undefined;
  try {
    const library = join(work, 'happy-school');
    await cp(examples, library, { recursive: true });
    o.onStep({ kind: 'copied', dir: library });

    const { emulatorEnvironment, startEmulator } = await import('../emulator/index.ts');
    const emulator = await startEmulator();
    closeEmulator = () => emulator.close();
    o.onStep({ kind: 'emulator', url: emulator.url });

    const environment = demoEnvironment(emulatorEnvironment(emulator.url), join(work, 'config'));
    const { login } = await import('../youtube/auth/login.ts');
    // The sign-in stops at once, with the reason, when the demo's browser fails: nobody else can
    // finish it, so waiting for the listener's time-out would only hide what went wrong.
    const browserFailed = new AbortController();
    const signedIn = await login({
      environment,
      log: o.log,
      signal: AbortSignal.any([o.signal, browserFailed.signal]),
      timeoutMs: 20_000,
      onUrl: () => undefined,
      openBrowser: (url) => consentBrowser(url, o.signal),
      onBrowserError: (detail) => browserFailed.abort(new HappyError(ExitCode.failure, D.browserFailed({ detail }), { hint: D.syncIncompleteHint() })),
    });
    o.onStep({ kind: 'signedIn', channel: signedIn.channel.title });

    o.onStep({ kind: 'syncing' });
    const { runSync } = await import('../sync/run.ts');
    const result = await runSync(
      { dir: library, concurrency: 2 },
      { environment, events: o.events, signal: o.signal, ...(o.log ? { log: o.log } : {}) },
    );
    if (result.stop?.kind === 'interrupted') throw result.stop.error;
    if (result.failures.size > 0 || result.stop) {
      throw new HappyError(ExitCode.failure, D.syncIncomplete({ failed: result.failures.size, left: result.summary.left }), {
        hint: D.syncIncompleteHint(),
      });
    }

    const config = readLibraryConfig(library);
    const report = await makeReport({ root: library, config, format: 'html', language: o.language(), environment, log: o.log, signal: o.signal });
    await writeFileAtomic(reportFile, report.text);
    return { summary: result.summary, model: report.model, reportFile };
  } catch (error) {
    // Ctrl-C: whatever step it stopped, the run was interrupted (exit 3), nothing else went wrong.
    throw o.signal.aborted ? o.signal.reason : error;
  } finally {
    await closeEmulator?.();
    await rm(work, { recursive: true, force: true, maxRetries: 3 });
  }
}
