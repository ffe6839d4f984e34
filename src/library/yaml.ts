/**
 * YAML files of the library (happytube.yaml, sidecars, templates) parsed with their line numbers,
 * and valibot's findings turned into diagnostics that name the file, the line and the key.
 */
import type { Document } from 'yaml';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type * as v from 'valibot';
import { M } from '../i18n/messages.ts';
import { isUnknownKey, schemaAt, typeName } from '../util/schema.ts';
import type { Diagnostic } from './types.ts';

type Path = readonly PropertyKey[];

export interface YamlSource {
  /** Relative path used in diagnostics. */
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** "defaults.privacy", "playlists[2].folder", "captions.vi". */
export function fieldName(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/**
 * YAML notices an unclosed quote or bracket where the file ends or the next key starts; the
 * mistake is where it was opened. The line of that opener, when the error is of that kind.
 */
function openerLine(text: string, lines: LineCounter, message: string, offset: number): number | undefined {
  const opener = /closing "quote/.test(message) ? '"' : /closing 'quote/.test(message) ? "'" : /end with a \]/.test(message) ? '[' : /end with a \}/.test(message) ? '{' : undefined;
  if (opener === undefined) return undefined;
  const at = text.lastIndexOf(opener, offset - 1);
  return at < 0 ? undefined : lines.linePos(at).line;
}

/**
 * Parses YAML text. Syntax errors (and duplicate keys) come back as diagnostics with their line;
 * `value` is then undefined.
 */
export function parseYaml(text: string, file: string): { source: YamlSource; value: unknown; errors: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const source = { file, doc, lines };
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e): Diagnostic => {
      const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const diagnostic: Diagnostic = {
        severity: 'error',
        file,
        message: M.library.yamlSyntax({ detail }),
        fix: M.library.yamlSyntaxFix(),
      };
      const line = openerLine(text, lines, e.message, e.pos[0]) ?? e.linePos?.[0].line;
      if (line !== undefined) diagnostic.line = line;
      return diagnostic;
    });
    return { source, value: undefined, errors };
  }
  try {
    // An alias bomb (`b: [*a, *a, …]` nested) would expand to gigabytes: the parser's own count
    // of expanded aliases stops it.
    return { source, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, errors: [] };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const line = doc.contents?.range ? lines.linePos(doc.contents.range[0]).line : 1;
    return { source, value: undefined, errors: [{ severity: 'error', file, line, message: M.files.yamlAliases({ file }), fix: M.files.yamlAliasesFix() }] };
  }
}

/** How many aliases a library YAML file may expand; real ones use none or a few. */
const MAX_ALIAS_COUNT = 100;

function lineAt(source: YamlSource, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : source.lines.linePos(offset).line;
}

/**
 * The line of the node at `path` (or of its key, with `key: true`); falls back to the deepest
 * existing ancestor, then to line 1.
 */
export function lineOf(source: YamlSource, path: Path, options: { key?: boolean } = {}): number {
  let node: unknown = source.doc.contents;
  let line = lineAt(source, (node as { range?: [number] } | null)?.range?.[0]) ?? 1;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      const keyLine = lineAt(source, isScalar(pair.key) ? pair.key.range?.[0] : undefined);
      if (options.key && part === path[path.length - 1]) return keyLine ?? line;
      node = pair.value;
      line = lineAt(source, (node as { range?: [number] } | null)?.range?.[0]) ?? keyLine ?? line;
      // A block scalar or collection that starts on the next line: point at the key.
      if (keyLine !== undefined && (isMap(node) || isSeq(node) || node === null)) line = keyLine;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if (node === undefined) break;
      line = lineAt(source, (node as { range?: [number] }).range?.[0]) ?? line;
    } else {
      break;
    }
  }
  return line;
}

/** The first line of a scalar's content (the line after `key: |` for block scalars). */
export function contentLineOf(source: YamlSource, path: Path): number {
  const node = source.doc.getIn(path as PropertyKey[], true);
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    return lineOf(source, path) + 1;
  }
  return lineOf(source, path);
}

function has(source: YamlSource, path: Path): boolean {
  return source.doc.hasIn(path as PropertyKey[]);
}

/**
 * valibot's findings as diagnostics with file, line and key, in both languages. A value's first
 * wrong type is its only finding (its other checks are not reported), as before; a strict object
 * names every unknown key, not only the first one.
 */
export function schemaDiagnostics(source: YamlSource, schema: v.GenericSchema, issues: readonly v.BaseIssue<unknown>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (path: Path, message: Diagnostic['message'], fix: Diagnostic['fix'], key = false): void => {
    const d: Diagnostic = { severity: 'error', file: source.file, line: lineOf(source, path, { key }), message };
    if (path.length > 0) d.field = fieldName(path);
    if (fix) d.fix = fix;
    out.push(d);
  };
  const wrongType = new Set<string>();
  for (const issue of issues) {
    let items: readonly v.IssuePathItem[] = issue.path ?? [];
    // A value inside a union that fits none of its options: the union's value is not valid.
    const union = items.findIndex((_, i) => schemaAt(schema, items.slice(0, i))?.type === 'union');
    if (union >= 0) items = items.slice(0, union);
    const path = items.map((item) => item.key as PropertyKey);
    const at = fieldName(path);
    if (wrongType.has(at)) continue;
    if (isUnknownKey(issue)) {
      const parent = path.slice(0, -1);
      const allowed = Object.keys(schemaAt(schema, items.slice(0, -1))?.entries ?? {});
      for (const key of Object.keys(items.at(-1)!.input as object)) {
        if (!allowed.includes(key)) push([...parent, key], M.library.unknownKey({ key }), M.library.unknownKeyFix({ allowed }), true);
      }
      continue;
    }
    const node = schemaAt(schema, items);
    // A fraction or Infinity where a whole number goes is a wrong type, as a string would be.
    const notInteger = issue.type === 'safe_integer' && !Number.isInteger(issue.input);
    if (issue.kind === 'schema' || issue.type === 'finite' || notInteger || union >= 0) {
      wrongType.add(at);
      if (node === undefined || node.type === 'union') push(path, M.library.badValue({ field: at }), undefined);
      else if (node.type === 'picklist') push(path, M.library.notOneOf({ field: at, values: node.options!.map(String) }), undefined);
      else if (!has(source, path)) push(path, M.library.missingKey({ key: at }), M.library.missingKeyFix({ key: at }));
      else push(path, M.library.wrongType({ field: at, expected: notInteger ? 'int' : typeName(node) }), undefined);
      continue;
    }
    switch (issue.type) {
      case 'safe_integer':
        if ((issue.input as number) > 0) push(path, M.library.tooBig({ field: at, maximum: String(Number.MAX_SAFE_INTEGER) }), undefined);
        else push(path, M.library.tooSmall({ field: at, minimum: String(Number.MIN_SAFE_INTEGER) }), undefined);
        break;
      case 'min_length':
      case 'min_value':
      case 'gt_value':
        push(path, M.library.tooSmall({ field: at, minimum: String(issue.requirement) }), undefined);
        break;
      case 'regex':
        push(path, M.library.badFormat({ field: at, format: issue.message }), undefined);
        break;
      default:
        push(path, M.library.badValue({ field: at }), undefined);
    }
  }
  return out;
}
