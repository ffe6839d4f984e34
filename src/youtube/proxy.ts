/**
 * Which proxy a request to a URL goes through, by the rules Node applies for the HTTP layer's
 * agents (`proxyEnv`): HTTPS_PROXY for https, HTTP_PROXY for http (lower-case names too), unless
 * NO_PROXY lists the host — `*`, the host itself, or a domain it ends in (`.school.edu.vn` or
 * `school.edu.vn`), optionally with the port. Used to tell the user which way a request takes.
 */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv): string | undefined {
  const pick = (...names: string[]): string | undefined => names.map((n) => env[n]).find((v) => v !== undefined && v.trim() !== '')?.trim();
  const proxy = url.protocol === 'https:' ? pick('HTTPS_PROXY', 'https_proxy') : pick('HTTP_PROXY', 'http_proxy');
  if (proxy === undefined) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of (pick('NO_PROXY', 'no_proxy') ?? '').split(/[\s,]+/)) {
    const entry = raw.toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return undefined;
    const [, name = entry, entryPort] = /^(.*?)(?::(\d+))?$/.exec(entry) ?? [];
    if (entryPort !== undefined && entryPort !== port) continue;
    const domain = name.replace(/^\*?\./, '');
    if (host === domain || host.endsWith(`.${domain}`)) return undefined;
  }
  return proxy;
}

/** A proxy address fit to print: a user name and password in it are hidden. */
export function displayProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.username || url.password) {
      url.username = '***';
      url.password = '';
    }
    return url.toString().replace(/\/$/, '');
  } catch {
    return proxy.replace(/\/\/[^@/]*@/, '//***@');
  }
}
