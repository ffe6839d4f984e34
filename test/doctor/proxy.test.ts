import { describe, expect, it } from 'vitest';
import { displayProxy, proxyFor } from '../../src/youtube/proxy.ts';

describe('proxyFor: which proxy a request takes', () => {
  const api = new URL('https://youtube.googleapis.com/youtube/v3/channels');
  it('HTTPS_PROXY for https, HTTP_PROXY for http, lower-case names too', () => {
    expect(proxyFor(api, { HTTPS_PROXY: 'http://p:3128', HTTP_PROXY: 'http://q:80' })).toBe('http://p:3128');
    expect(proxyFor(new URL('http://127.0.0.1:8080/'), { HTTPS_PROXY: 'http://p:3128', http_proxy: 'http://q:80' })).toBe('http://q:80');
    expect(proxyFor(api, { HTTP_PROXY: 'http://q:80' })).toBeUndefined();
  });
  it('NO_PROXY: *, the host, a domain with or without its dot, a port', () => {
    const env = { HTTPS_PROXY: 'http://p:3128' };
    expect(proxyFor(api, { ...env, NO_PROXY: '*' })).toBeUndefined();
    expect(proxyFor(api, { ...env, NO_PROXY: 'localhost, youtube.googleapis.com' })).toBeUndefined();
    expect(proxyFor(api, { ...env, no_proxy: '.googleapis.com' })).toBeUndefined();
    expect(proxyFor(api, { ...env, NO_PROXY: 'googleapis.com:443' })).toBeUndefined();
    expect(proxyFor(api, { ...env, NO_PROXY: 'googleapis.com:8443' })).toBe('http://p:3128');
    expect(proxyFor(api, { ...env, NO_PROXY: 'apis.com' })).toBe('http://p:3128');
  });
  it('hides a user name and password', () => {
    expect(displayProxy('http://staff:s3cret@proxy.school:3128')).toBe('http://***@proxy.school:3128');
    expect(displayProxy('http://proxy.school:3128')).toBe('http://proxy.school:3128');
  });
});
