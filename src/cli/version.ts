import pkg from '../../package.json' with { type: 'json' };

/** happytube's version, from package.json. */
export const VERSION: string = pkg.version;
