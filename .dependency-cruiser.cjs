/**
 * `npm run lint` runs dependency-cruiser on src/ with this rule: no import cycle, type-only imports
 * included, so that every module can be read (and loaded lazily) without the ones that use it.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: move what both sides need into a module of its own that neither imports back.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
