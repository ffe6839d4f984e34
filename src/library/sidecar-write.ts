/**
 * Writing a clip's sidecar (`<stem>.yaml` next to the clip, docs/library.md) on the user's behalf, so that
 * the folder stays the single truth: what `happytube upload --title …` asked for is read again by
 * every later sync instead of being undone by it.
 *
 * Only the keys given are set or replaced; every other key, the comments and the layout of an
 * existing sidecar are kept (yaml's Document API). Values are Unicode NFC. The result is checked
 * against the sidecar schema before it is written, and written atomically (write-file-atomic): a
 * torn sidecar is impossible.
 */
import { readFile, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Document } from 'yaml';
import { isScalar, isSeq } from 'yaml';
import writeFileAtomic from 'write-file-atomic';
import { InputError } from '../errors.ts';
import { M } from '../i18n/messages.ts';
import type { Sidecar } from './sidecar.ts';
import { readSidecar } from './sidecar.ts';
import type { Clip, Privacy } from './types.ts';

/** The sidecar keys `happytube upload` can set; unset fields are left alone. */
export interface SidecarChanges {
  title?: string;
  privacy?: Privacy;
  template?: string;
  /** One more key for the sidecar's `playlists` (the extra playlists); never listed twice. */
  playlist?: string;
}

/** One sidecar written: enough to say where, and to put it back (`restoreSidecar`). */
export interface SidecarWrite {
  /** Absolute path. */
  path: string;
  /** The text before, or undefined when the file did not exist. */
  previous: string | undefined;
  /** The keys whose value changed, in SidecarChanges order (empty: the file was not touched). */
  keys: (keyof Sidecar)[];
}

/** The clip's sidecar: the existing one (`.yaml` or `.yml`), else `<stem>.yaml` next to the clip. */
export function sidecarPathFor(clip: Pick<Clip, 'path' | 'sidecarPath'>): string {
  return clip.sidecarPath ?? join(dirname(clip.path), `${basename(clip.path, extname(clip.path))}.yaml`);
}

/** Sets `key` when its value differs; true when it did. */
function setKey(doc: Document, key: keyof Sidecar, value: string): boolean {
  if (doc.get(key) === value) return false;
  doc.set(key, value);
  return true;
}

/**
 * `text` (a sidecar's content, '' for a new one) with `changes` applied, and the keys that changed.
 * `file` names the sidecar in errors: a sidecar that is not valid YAML or breaks the schema is
 * refused (InputError with the line), never overwritten.
 */
export function setSidecarKeys(text: string, file: string, changes: SidecarChanges): { text: string; keys: (keyof Sidecar)[] } {
  const read = readSidecar(text, file);
  const problem = read.diagnostics[0];
  if (problem !== undefined) {
    throw new InputError(M.progress.sidecarUnreadable({ sidecar: file, line: problem.line ?? 1, problem: problem.message }), {
      hint: M.progress.sidecarUnreadableHint(),
    });
  }
  const doc = read.source.doc;
  const keys: (keyof Sidecar)[] = [];
  const set = (key: keyof Sidecar, value: string | undefined): void => {
    if (value !== undefined && setKey(doc, key, value.normalize('NFC'))) keys.push(key);
  };
  set('title', changes.title);
  set('privacy', changes.privacy);
  set('template', changes.template);
  if (changes.playlist !== undefined) {
    const key = changes.playlist.normalize('NFC');
    const list = doc.get('playlists');
    if (isSeq(list)) {
      if (!list.items.some((item) => isScalar(item) && String(item.value).normalize('NFC') === key)) {
        list.add(doc.createNode(key));
        keys.push('playlists');
      }
    } else {
      doc.set('playlists', doc.createNode([key], { flow: true }));
      keys.push('playlists');
    }
  }
  if (keys.length === 0) return { text, keys };
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // What we write must read back as a valid sidecar (e.g. a title that YAML would take for a number stays a string).
  const check = readSidecar(out, file).diagnostics[0];
  if (check !== undefined) throw new InputError(M.progress.sidecarUnreadable({ sidecar: file, line: check.line ?? 1, problem: check.message }), { hint: M.progress.sidecarUnreadableHint() });
  return { text: out, keys };
}

/**
 * Sets `changes` in the clip's sidecar (created when missing), atomically; a sidecar already
 * holding those values is not touched. `shown` names the sidecar in errors (e.g. its path
 * relative to the library).
 */
export async function writeSidecar(clip: Pick<Clip, 'path' | 'sidecarPath'>, changes: SidecarChanges, shown: string): Promise<SidecarWrite> {
  const path = sidecarPathFor(clip);
  const previous = clip.sidecarPath === undefined ? undefined : await readFile(path, 'utf8');
  const { text, keys } = setSidecarKeys(previous ?? '', shown, changes);
  if (keys.length > 0) await writeFileAtomic(path, text, { fsync: true });
  return { path, previous, keys };
}

/** Puts a sidecar back as it was before `writeSidecar` (removes it if it did not exist). */
export async function restoreSidecar(write: SidecarWrite): Promise<void> {
  if (write.keys.length === 0) return;
  if (write.previous === undefined) await unlink(write.path);
  else await writeFileAtomic(write.path, write.previous, { fsync: true });
}
