/**
 * What the schemas of the tool share on top of valibot (one module, ~15 ms to load), so that they
 * accept and word things as they always have:
 * - `map()`: an object or record that refuses a list (valibot takes an array for an object);
 * - `finiteNumber()` / `wholeNumber()`: numbers refuse Infinity; whole numbers are safe integers;
 * - `schemaAt()` / `typeName()`: the schema that checks the value at an issue's path, and its kind;
 * - `issueText()`: what is wrong, in the English words damaged state and sign-in files have shown.
 */
import * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;
type PathItem = v.IssuePathItem;

/** The parts of a valibot schema that the helpers below look into. */
export interface SchemaNode {
  readonly kind: string;
  readonly type: string;
  readonly wrapped?: SchemaNode;
  readonly pipe?: readonly SchemaNode[];
  readonly entries?: Readonly<Record<string, SchemaNode>>;
  readonly item?: SchemaNode;
  readonly value?: SchemaNode;
  readonly key?: unknown;
  readonly options?: readonly unknown[];
  readonly literal?: unknown;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object, strict object, variant or record schema that refuses a list as well. */
export function map<const T extends v.GenericSchema<Record<string, unknown>>>(schema: T): v.SchemaWithPipe<readonly [v.CustomSchema<Record<string, unknown>, undefined>, T]> {
  return v.pipe(v.custom<Record<string, unknown>>(isMap), schema);
}

/** A number that is not Infinity (nor NaN). */
export function finiteNumber(): v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.FiniteAction<number, undefined>]> {
  return v.pipe(v.number(), v.finite());
}

/** A whole number within ±(2^53 − 1). */
export function wholeNumber(): v.SchemaWithPipe<
  readonly [v.NumberSchema<undefined>, v.FiniteAction<number, undefined>, v.SafeIntegerAction<number, undefined>]
> {
  return v.pipe(v.number(), v.finite(), v.safeInteger());
}

/** The schema itself, through optional, nullable and pipes (a `map()` gives its object). */
function unwrap(schema: SchemaNode): SchemaNode {
  let node = schema;
  for (;;) {
    const inner = node.wrapped ?? node.pipe?.findLast((item) => item.kind === 'schema');
    if (inner === undefined || inner === node) return node;
    node = inner;
  }
}

/** The option of a variant that the value's discriminator picks. */
function variantOption(node: SchemaNode, input: unknown): SchemaNode | undefined {
  const key = String(node.key);
  const value = isMap(input) ? input[key] : undefined;
  return (node.options as readonly SchemaNode[] | undefined)?.map(unwrap).find((option) => option.entries?.[key]?.literal === value);
}

/**
 * The schema that checks the value at `path` (object entries, array items, record values, the
 * option a variant picks); undefined where the path leaves what the schema describes, or goes
 * through a union.
 */
export function schemaAt(schema: v.GenericSchema, path: readonly PathItem[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = unwrap(schema);
  for (const item of path) {
    if (node.type === 'variant') node = variantOption(node, item.input);
    if (node === undefined) return undefined;
    let next: SchemaNode | undefined;
    if (node.type === 'array') next = node.item;
    else if (node.type === 'record') next = node.value;
    else if (node.entries && typeof item.key === 'string') next = node.entries[item.key];
    if (next === undefined) return undefined;
    node = unwrap(next);
  }
  return node;
}

/** "string", "number", "boolean", "array", "object" or "record": what a value must be. */
export function typeName(node: SchemaNode): string {
  if (node.type === 'record') return 'record';
  if (node.entries || node.type === 'variant') return 'object';
  return node.type;
}

const OBJECT_TYPES = new Set(['object', 'loose_object', 'strict_object']);

/** A required key that is absent (valibot reports it on the object, at the key's path). */
function isMissingKey(issue: Issue): boolean {
  return issue.path?.at(-1)?.origin === 'key' && OBJECT_TYPES.has(issue.type) && issue.expected !== 'never';
}

/** A key of a strict object that its schema does not list (valibot reports the first one only). */
export function isUnknownKey(issue: Issue): boolean {
  return issue.type === 'strict_object' && issue.expected === 'never';
}

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return typeof input;
}

function invalidType(node: SchemaNode | undefined, input: unknown): string {
  if (node?.type === 'literal') return `Invalid input: expected ${JSON.stringify(node.literal)}`;
  return `Invalid input: expected ${node ? typeName(node) : 'value'}, received ${received(input)}`;
}

/**
 * What is wrong, in English: "Invalid input: expected string, received number", "Too small:
 * expected number to be >=0"... A check given its own message (a pattern, a variant's
 * discriminator) says that message.
 */
export function issueText(schema: v.GenericSchema, issue: Issue): string {
  const path = issue.path ?? [];
  if (isMissingKey(issue)) return invalidType(schemaAt(schema, path), undefined);
  if (path.at(-1)?.origin === 'key') return 'Invalid key in record';
  const input = issue.input;
  switch (issue.type) {
    case 'regex':
    case 'check':
    case 'variant':
      return issue.message;
    case 'finite':
      return invalidType(schemaAt(schema, path), input);
    case 'safe_integer':
      if (!Number.isInteger(input)) return 'Invalid input: expected int, received number';
      return (input as number) > 0 ? `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` : `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`;
    case 'min_length':
      return `Too small: expected string to have >=${String(issue.requirement)} characters`;
    case 'min_value':
      return `Too small: expected number to be >=${String(issue.requirement)}`;
    case 'url':
      return 'Invalid URL';
    default:
      return issue.kind === 'schema' ? invalidType(schemaAt(schema, path), input) : issue.message;
  }
}
