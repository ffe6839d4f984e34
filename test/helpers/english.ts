/**
 * Finds English sentences and raw internal values in what the CLI prints in Vietnamese.
 *
 * English: a run of two or more words written without Vietnamese letters in which at least one is
 * a common English word (the words of commander's messages and of ours). Technical tokens a
 * Vietnamese reader also meets are taken out first: addresses, paths and file names, options,
 * environment variables, happytube's commands. Vietnamese words without diacritics ("cho", "video",
 * "in") are not English words here, so a Vietnamese sentence is never flagged.
 *
 * Raw values: ISO date-times, HTTP statuses in brackets, array indexes, OAuth error codes, API
 * reason codes, stdout.
 */

const ENGLISH = new Set(
  `the is are was were be been not of on for with and or this that these those it its by at from as has have had
  will would can cannot could must should please run see use set get missing unknown required invalid error errors
  wrong usage option options command commands argument arguments choices choice default allowed expected got did you
  your mean supported language help file files folder found failed nothing done left units quota signed sign into
  there here when then than which what who only also more most less after before again already all any each every
  some such into out over under upload uploaded uploads uploading playlist playlists videos channel clips
  title titles description privacy public private unlisted report reports format formats date time today tomorrow
  minutes seconds hours day days left waiting estimating finished stopped cancelled summary status pending skipped
  published updated created added removed thumbnail thumbnails captions caption library template templates warning
  fix line lines value values name names key keys path paths number numbers must need needs needed`
    .split(/\s+/)
    .filter(Boolean),
);

/** English words that never stand in a Vietnamese sentence, flagged even alone: "(default: [])". */
const UNMISTAKABLE = new Set(
  'the is are not and with of for you your default choices error usage required unknown missing invalid specified allowed expected supported cannot failed'.split(' '),
);

/** Tokens a Vietnamese reader meets as they are: names of things, not sentences. */
const TECHNICAL: RegExp[] = [
  /https?:\/\/\S+/g, // addresses
  /\([A-Za-z][\w.-]*\)/g, // one code in brackets, beside its words: Riêng tư (private)
  /\b[\w.-]+\.(?:com|vn|gov|org|net)\b\S*/g, // bare host names
  /(?:[A-Za-z]:)?[\w.~-]*[/\\][^\s,;:)"”]*/g, // paths
  /[\w-]*\.(?:ya?ml|json|env|mp4|mov|jpg|png|srt|vtt|html|csv|md|eml|txt|ts|js)\b/gi, // file names
  /(?<![\w-])--?[a-z][\w-]*(?:\s+<[^>]+>)?/gi, // options
  /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, // environment variables
  /(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?::\S*)?/g, // codes and keys: drop-upload:K, muc-dich
  /happytube(?:\s+(?:auth|login|logout|status|init|check|sync|upload|playlists|report|emulator|demo|setup|schedule|install|remove|help))*/g,
];

/** The English runs in one line of Vietnamese output (empty when there is none). */
export function englishIn(line: string): string[] {
  let text = line.normalize('NFC');
  for (const pattern of TECHNICAL) text = text.replace(pattern, ' ¦ ');
  const found: string[] = [];
  // Runs of whole words written in ASCII letters only, separated by spaces and light punctuation.
  let run: string[] = [];
  const close = (): void => {
    const english = run.length >= 2 ? run.some((w) => ENGLISH.has(w.toLowerCase())) : run.some((w) => UNMISTAKABLE.has(w.toLowerCase()));
    if (english) found.push(run.join(' '));
    run = [];
  };
  for (const [piece] of text.matchAll(/[\p{L}\p{M}'’]+|[^\p{L}\p{M}'’]+/gu)) {
    if (/^[A-Za-z'’]+$/.test(piece)) run.push(piece);
    else if (/^[\p{L}\p{M}'’]+$/u.test(piece) || !/^[ ,:'"()]+$/.test(piece)) close();
  }
  close();
  return found;
}

const RAW_VALUES: RegExp[] = [
  /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, // ISO date-time
  /\(\d{3}\)/, // an HTTP status in brackets
  /\bHTTP \d{3}\b/,
  /\w\[\d+\]/, // an array index
  /\binvalid_grant\b|\binvalid_client\b|\baccess_denied\b/,
  /\b[a-z]+(?:Exceeded|NotFound|Invalid|Forbidden)\b/, // API reason codes
  /\bstdout\b|\bstderr\b/,
];

/** The raw internal values in one line (empty when there is none). */
export function rawValuesIn(line: string): string[] {
  return RAW_VALUES.flatMap((pattern) => {
    const m = pattern.exec(line);
    return m ? [m[0]] : [];
  });
}

/** Every line of `output` with English or a raw value, as "line  ← what". */
export function foreignLines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => ({ line, bad: [...englishIn(line), ...rawValuesIn(line)] }))
    .filter((l) => l.bad.length > 0)
    .map((l) => `${l.line.trim()}  ← ${l.bad.join(' | ')}`);
}
