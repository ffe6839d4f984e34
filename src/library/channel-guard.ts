/**
 * Writes the channel guard (`channel: { id: … }`) into happytube.yaml, the school's own file: its
 * comments, order, quotes and line breaks stay as they are (yaml's Document API edits the one
 * node), and the file is replaced atomically.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { isMap, isScalar, parseDocument } from 'yaml';
import { InputError } from '../errors.ts';
import { M } from '../i18n/messages.ts';
import { CONFIG_FILE } from './config.ts';

/** The guard now in the file (undefined: none). */
export async function readChannelGuard(root: string): Promise<string | undefined> {
  const doc = parseDocument(await readFile(join(root, CONFIG_FILE), 'utf8'));
  const id: unknown = doc.getIn(['channel', 'id']);
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Sets `channel.id`, with `comment` above a `channel` key it adds. The edit is spliced into the
 * text where the Document API located it (re-serialising would re-indent comments and re-align
 * trailing ones); only a shape that cannot be spliced is written back through the Document. A
 * file that does not parse is left alone (exit 2: `happytube check` shows where).
 */
export async function writeChannelGuard(root: string, channelId: string, comment: string): Promise<void> {
  const file = join(root, CONFIG_FILE);
  const text = await readFile(file, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new InputError(M.setup.configUnreadable({ file }), { hint: M.setup.configUnreadableHint() });
  }
  const quoted = JSON.stringify(channelId);
  const channel = doc.contents.get('channel', true);
  const id: unknown = isMap(channel) ? channel.get('id', true) : undefined;
  let edited: string | undefined;
  if (isScalar(id) && id.range) {
    edited = text.slice(0, id.range[0]) + quoted + text.slice(id.range[1]);
  } else if (!doc.contents.has('channel')) {
    edited = `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}\n# ${comment}\nchannel:\n  id: ${quoted}\n`;
  }
  if (edited === undefined || parseDocument(edited).getIn(['channel', 'id']) !== channelId) {
    doc.setIn(['channel', 'id'], channelId);
    edited = doc.toString({ lineWidth: 0 });
  }
  await writeFileAtomic(file, edited);
}
