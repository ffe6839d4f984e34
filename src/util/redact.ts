/**
 * Redaction for everything that may reach a log (docs/architecture.md): the `--verbose` request lines, error
 * details and stacks. Tokens, authorization codes, PKCE verifiers and the client secret never
 * appear; what is left is enough to see which request went where and what came back.
 */

export const REDACTED = '[redacted]';

/** Query and form parameters whose values are secrets. */
const SECRET_PARAMS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'client_secret',
  'token',
  'assertion',
  'password',
  'key',
]);

/** Headers whose values are secrets. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-goog-api-key']);

const PARAM_NAMES = [...SECRET_PARAMS].join('|');
/** `name=value`, `"name": "value"`, `name: value` — in URLs, form bodies, JSON and messages. */
const NAMED_VALUE = new RegExp(`\\b(${PARAM_NAMES})(["']?\\s*[:=]\\s*["']?)([^"'&\\s,;}]+)`, 'gi');
/** `Bearer abc`, `Basic abc`. */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;
/** The shapes of Google's access tokens (`ya29.…`) and refresh tokens (`1//…`). */
const GOOGLE_TOKENS = /\bya29\.[\w.-]+|\b1\/\/[\w.-]+/g;

/** The shortest value treated as a known secret (shorter ones would blank out ordinary words). */
const MIN_SECRET_LENGTH = 6;

/**
 * Removes secrets from text. Known patterns always go; `secrets` adds exact values (the client
 * secret, the tokens of this run), which catches them in any shape.
 */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(AUTH_SCHEME, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(NAMED_VALUE, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(GOOGLE_TOKENS, REDACTED);
}

/** A URL with the values of secret query parameters replaced; other parameters stay readable. */
export function redactUrl(url: string, secrets: Iterable<string> = []): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url, secrets);
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.has(name.toLowerCase())) parsed.searchParams.set(name, REDACTED);
  }
  if (parsed.password) parsed.password = REDACTED;
  return redactText(parsed.toString(), secrets);
}

/** Headers as a plain record, secret ones replaced. */
export function redactHeaders(headers: Headers | Record<string, string>, secrets: Iterable<string> = []): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const list = [...secrets];
  return Object.fromEntries(
    entries.map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(value, list)]),
  );
}

/**
 * Collects the secret values of one run (client secret, tokens as they are issued) and redacts
 * them, with the known patterns, from any text.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  add(...values: (string | null | undefined)[]): void {
    for (const value of values) if (value && value.length >= MIN_SECRET_LENGTH) this.#secrets.add(value);
  }

  text(text: string): string {
    return redactText(text, this.#secrets);
  }

  url(url: string): string {
    return redactUrl(url, this.#secrets);
  }

  headers(headers: Headers | Record<string, string>): Record<string, string> {
    return redactHeaders(headers, this.#secrets);
  }

  /** A copy of an error safe to print with --verbose: message and stack redacted, no payloads. */
  error(error: unknown): Error {
    if (!(error instanceof Error)) return new Error(this.text(String(error)));
    const safe = new Error(this.text(error.message));
    safe.name = error.name;
    safe.stack = this.text(error.stack ?? `${error.name}: ${error.message}`);
    return safe;
  }
}
