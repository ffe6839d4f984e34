/** The library model: the folder → validated clips and playlists (docs/library.md). */
export { findLibraryRoot, loadLibrary, sha256File, TEMPLATES_DIR } from './load.ts';
export { CONFIG_FILE, readConfigFile } from './config.ts';
export { CATEGORIES, LIMITS, VIDEO_EXTENSIONS } from './limits.ts';
export { measure, tagsLength } from './rules.ts';
export { dateLongVi, dateVi } from './templates.ts';
export type * from './types.ts';
