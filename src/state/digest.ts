/**
 * A stable fingerprint of JSON-like data (key order does not matter), used for the "metadata last
 * sent" hashes of the ledger: the planner compares the fingerprint of what it would send now with
 * the one recorded when it was last sent.
 */
import { createHash } from 'node:crypto';

/** SHA-256 (hex) of `value` serialised with object keys sorted; `undefined` members are left out, as JSON does. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
