/**
 * The key under which a file's path is kept in state: relative to the library, `/`-separated and
 * Unicode NFC. So the same clip has the same key on Windows, on macOS (which writes names in NFD)
 * and on Linux, and a library carried between them keeps its state.
 */
export function pathKey(relPath: string): string {
  return relPath.replaceAll('\\', '/').normalize('NFC');
}
