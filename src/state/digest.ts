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
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out += `${i > 0 ? ',' : ''}${v === undefined ? 'null' : canonicalJson(v)}`;
    }
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, as `<` does.
    const keys = Object.keys(record).sort();
    let out = '{';
    for (const key of keys) {
      const v = record[key];
      if (v === undefined) continue;
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
