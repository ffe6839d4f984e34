/**
 * Sidecars: `<clip name>.yaml` next to a clip, with the keys of SPEC §4 only. An unknown key is an
 * error naming the file, the line and the key.
 */
import { z } from 'zod';
import { PRIVACIES } from './limits.ts';
import type { Diagnostic } from './types.ts';
import type { YamlSource } from './yaml.ts';
import { parseYaml, schemaDiagnostics } from './yaml.ts';

export const sidecarSchema = z.strictObject({
  title: z.union([z.string(), z.number()]).optional(),
  description: z.string().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').optional(),
  tags: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).optional(),
  template: z.string().min(1).optional(),
  privacy: z.enum(PRIVACIES).optional(),
  madeForKids: z.boolean().optional(),
  playlists: z.array(z.string()).optional(),
  publishAt: z.string().optional(),
  thumbnail: z.string().min(1).optional(),
  captions: z.record(z.string(), z.string().min(1)).optional(),
  vars: z.record(z.string(), z.unknown()).optional(),
  skip: z.boolean().optional(),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

/** Parses a sidecar's text; an empty file is an empty sidecar. */
export function readSidecar(text: string, file: string): { source: YamlSource; sidecar: Sidecar | undefined; diagnostics: Diagnostic[] } {
  const { source, value, errors } = parseYaml(text, file);
  if (errors.length > 0) return { source, sidecar: undefined, diagnostics: errors };
  const parsed = sidecarSchema.safeParse(value ?? {});
  if (!parsed.success) return { source, sidecar: undefined, diagnostics: schemaDiagnostics(source, sidecarSchema, parsed.error.issues) };
  return { source, sidecar: parsed.data, diagnostics: [] };
}
