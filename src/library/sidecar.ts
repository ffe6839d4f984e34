/**
 * Sidecars: `<clip name>.yaml` next to a clip, with the keys listed in docs/library.md only. An unknown key is an
 * error naming the file, the line and the key.
 */
import * as v from 'valibot';
import { finiteNumber, map } from '../util/schema.ts';
import { PRIVACIES } from './limits.ts';
import { videoSettingsEntries } from './settings.ts';
import type { Diagnostic } from './types.ts';
import type { YamlSource } from './yaml.ts';
import { parseYaml, schemaDiagnostics } from './yaml.ts';

const text = v.pipe(v.string(), v.minLength(1));

export const sidecarSchema = map(
  v.strictObject({
    title: v.optional(v.union([v.string(), finiteNumber()])),
    description: v.optional(v.string()),
    date: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'))),
    tags: v.optional(v.union([v.string(), v.array(v.union([v.string(), finiteNumber()]))])),
    template: v.optional(text),
    privacy: v.optional(v.picklist(PRIVACIES)),
    madeForKids: v.optional(v.boolean()),
    playlists: v.optional(v.array(v.string())),
    publishAt: v.optional(v.string()),
    thumbnail: v.optional(text),
    captions: v.optional(map(v.record(v.string(), text))),
    vars: v.optional(map(v.record(v.string(), v.unknown()))),
    skip: v.optional(v.boolean()),
    ...videoSettingsEntries,
  }),
);

export type Sidecar = v.InferOutput<typeof sidecarSchema>;

/** Parses a sidecar's text; an empty file is an empty sidecar. */
export function readSidecar(text: string, file: string): { source: YamlSource; sidecar: Sidecar | undefined; diagnostics: Diagnostic[] } {
  const { source, value, errors } = parseYaml(text, file);
  if (errors.length > 0) return { source, sidecar: undefined, diagnostics: errors };
  const parsed = v.safeParse(sidecarSchema, value ?? {});
  if (!parsed.success) return { source, sidecar: undefined, diagnostics: schemaDiagnostics(source, sidecarSchema, parsed.issues) };
  return { source, sidecar: parsed.output, diagnostics: [] };
}
