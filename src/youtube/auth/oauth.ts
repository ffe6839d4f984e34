/**
 * The one way an OAuth2Client is made: Google's endpoints or the emulator's (SPEC §3), the user
 * agent `happytube/VERSION`, the `--verbose` request log (method, URL, status, time; secrets
 * redacted), and failures turned into typed errors on their way out. Every request of the tool —
 * token exchange, refresh, revoke and the YouTube API through @googleapis/youtube — goes through
 * this client's transporter, so all of them are logged and classified the same way.
 */
import type { gaxios } from 'google-auth-library';
import { OAuth2Client } from 'google-auth-library';
import pkg from '../../../package.json' with { type: 'json' };
import type { Environment } from '../../config/env.ts';
import type { Redactor } from '../../util/redact.ts';
import type { ClientCredentials } from './credentials.ts';
import type { SignInFacts } from './errors.ts';
import { classifyFailure } from './errors.ts';

export const USER_AGENT = `happytube/${pkg.version}`;

/** A line of the --verbose log; it is already redacted. */
export type LogSink = (line: string) => void;

export interface OAuthClientOptions {
  environment: Environment;
  /** Absent for revocation, which needs only the token. */
  credentials?: ClientCredentials | undefined;
  redactor: Redactor;
  log?: LogSink | undefined;
  /** What is known about the sign-in, read when a failure needs explaining. */
  facts: () => SignInFacts;
}

const STARTED = 'happytubeStartedAt';
type Stamped = gaxios.GaxiosOptionsPrepared & { [STARTED]?: number };

function describe(config: Stamped | undefined, outcome: string, redactor: Redactor): string {
  const method = (config?.method ?? 'GET').toUpperCase();
  const url = config?.url ? redactor.url(config.url.toString()) : '?';
  const ms = config?.[STARTED] === undefined ? '?' : String(Math.round(performance.now() - config[STARTED]));
  return `${method} ${url} → ${outcome} (${ms} ms)`;
}

export function makeOAuth2Client(options: OAuthClientOptions): OAuth2Client {
  const { environment, credentials, redactor, log, facts } = options;
  const client = new OAuth2Client({
    clientId: credentials?.clientId,
    clientSecret: credentials?.clientSecret,
    endpoints: {
      oauth2AuthBaseUrl: environment.oauthAuthUrl,
      oauth2TokenUrl: environment.oauthTokenUrl,
      oauth2RevokeUrl: environment.oauthRevokeUrl,
    },
  });
  redactor.add(credentials?.clientSecret);
  client.on('tokens', (tokens) => redactor.add(tokens.access_token, tokens.refresh_token, tokens.id_token));

  const { interceptors } = client.transporter;
  interceptors.request.add({
    resolved: (config: Stamped) => {
      config.headers.set('User-Agent', USER_AGENT);
      config[STARTED] = performance.now();
      return Promise.resolve(config);
    },
  });
  interceptors.response.add({
    resolved: (response) => {
      log?.(describe(response.config, String(response.status), redactor));
      return Promise.resolve(response);
    },
    rejected: (error: gaxios.GaxiosError) => {
      const outcome = error.response ? String(error.response.status) : String(error.code ?? error.name);
      log?.(describe(error.config, outcome, redactor));
      throw classifyFailure(error, facts(), redactor) ?? error;
    },
  });
  return client;
}
