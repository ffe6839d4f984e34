/**
 * Text from outside happytube (file names, sidecars, templates, a server's or a browser's words)
 * must never reach a terminal raw: an ESC sequence can move the cursor, clear the screen, retitle
 * the window or hide a line, and a right-to-left override can make "gpj.exe" read "exe.jpg". Such
 * characters are shown escaped (`\x1b`, `\u202e`), which also tells the user they are there.
 */
/* eslint-disable no-control-regex -- matching control characters is what this module is for */

/**
 * C0 controls but tab and line feed, DEL, C1 controls; and the invisible direction marks and
 * overrides of Unicode (ALM, LRM/RLM, LRE…RLO, LRI…PDI).
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The codes of the CLI's own styling (src/cli/ui.ts): bold, dim, their reset, red, green, yellow,
 * cyan and the colour reset. Nothing else, not even other colour codes (8 would hide text).
 */
const OWN_STYLE = /\u001b\[(?:1|2|22|31|32|33|36|39)m/y;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control and direction character escaped. With `keepStyles`, the codes of the
 * CLI's own styling pass through: with them, text can only be coloured, made bold or dim.
 */
export function terminalSafe(text: string, options: { keepStyles?: boolean } = {}): string {
  return text.replace(UNSAFE, (c, offset: number) => {
    if (options.keepStyles && c === '\u001b') {
      OWN_STYLE.lastIndex = offset;
      if (OWN_STYLE.test(text)) return c;
    }
    return escapeChar(c);
  });
}

/**
 * A JSON text with the characters JSON.stringify leaves raw (DEL, C1 controls, direction marks)
 * written as `\uXXXX`: the same document for a program, and nothing that steers a terminal.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** C0/C1 controls other than tab, line feed and carriage return: refused in metadata. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Invisible direction marks and overrides: warned in metadata. */
export const BIDI_CHARS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
