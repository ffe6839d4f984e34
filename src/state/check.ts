/**
 * Plain checks of parsed JSON, for the fast path of reading state files: a ledger of thousands of
 * clips costs its valibot schema many times what a plain check costs (the schema builds a new copy
 * of every object it walks). A check here answers true only for content its valibot schema accepts
 * unchanged (right types, no key valibot would strip); anything else goes to valibot, which gives
 * the exact error.
 */

/** A JSON object (not an array, not null) whose keys are all among `required` and `optional`, with every `required` one present. */
export function isShape(value: unknown, required: readonly string[], optional: readonly string[] = []): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  let present = 0;
  for (const key in value) {
    if (required.includes(key)) present += 1;
    else if (!optional.includes(key)) return false;
  }
  return present === required.length;
}

/** A JSON object whose every key passes `key` and every value passes `item`. */
export function isRecordOf(value: unknown, item: (v: unknown) => boolean, key?: (k: string) => boolean): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  for (const k in value) {
    if (k === '__proto__' || (key && !key(k)) || !item(value[k])) return false;
  }
  return true;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
export const isSize = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const SHA256 = /^[0-9a-f]{64}$/;
export const isSha256 = (v: unknown): v is string => typeof v === 'string' && SHA256.test(v);

/** An optional field: absent, or present and passing `check`. */
export function optional(record: Record<string, unknown>, key: string, check: (v: unknown) => boolean): boolean {
  return !(key in record) || check(record[key]);
}
