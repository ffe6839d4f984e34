/** The library model: the folder → validated clips and playlists (docs/library.md). */
export { findLibraryRoot, loadLibrary, TEMPLATES_DIR } from './load.ts';
export { sha256File } from '../util/sha256.ts';
export { CONFIG_FILE, readConfigFile } from './config.ts';
export { CATEGORIES, LIMITS, VIDEO_EXTENSIONS } from './limits.ts';
export { measure, tagsLength } from './rules.ts';
export { dateLongVi, dateVi } from './templates.ts';
export type * from './types.ts';
