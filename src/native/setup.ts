/**
 * `klayers native setup`, the build half: the tensorflow-cpu wheel (pip, or `--wheel PATH`) gives
 * libtensorflow_cc.so.2, libtensorflow_framework.so.2 and the C API headers; tfjs-node's package
 * (npm pack, no install scripts) gives the addon sources, built here with npm's node-gyp against
 * them. Each step is skipped when its output exists, so a second run only checks. No network except
 * through pip and npm; child processes get argument arrays, never shell strings.
 *
 * Last, klayers' own kernels (native/kernels.cc) are compiled for this CPU with g++.
 *
 * Compatibility with TF 2.21: tfjs-node 4.22's binding/*.cc build unchanged against its C API, so
 * nothing is patched; binding.gyp links `-ltensorflow`, which a symlink points at libtensorflow_cc.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativeLayout, TF_VERSION, TFJS_NODE_VERSION, type NativeLayout } from './layout.js';

/** Options of `klayers native setup`. */
export interface SetupOptions {
  readonly wheel?: string;
  readonly indexUrl?: string;
  /** One line per step, as it happens. */
  readonly log: (line: string) => void;
}

/** A missing tool or a failed step: one line naming it and the command that fixes it. */
export class SetupError extends Error {}

const PROTOBUF_VERSION = '3.21.4';
const WHEEL_MEMBERS = ['tensorflow/libtensorflow_cc.so.2', 'tensorflow/libtensorflow_framework.so.2'];
const HEADER_DIRS = ['tensorflow/include/Eigen/', 'tensorflow/include/tensorflow/c/', 'tensorflow/include/xla/tsl/c/', 'tensorflow/include/tensorflow/core/platform/', 'tensorflow/include/xla/tsl/platform/', 'tensorflow/include/tsl/'];

function run(cmd: string, args: readonly string[], what: string, cwd?: string): string {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new SetupError(`${what}: '${cmd}' could not run (${result.error.message}).`);
  if (result.status !== 0) {
    const lines = `${result.stderr}\n${result.stdout}`.split('\n').filter((l) => l.trim() !== '');
    const errors = lines.filter((l) => /error/i.test(l));
    const tail = (errors.length > 0 ? errors : lines).slice(0, 3).join(' | ');
    throw new SetupError(`${what} failed: ${tail}`);
  }
  return result.stdout;
}

function has(cmd: string, args: readonly string[] = ['--version']): boolean {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  return !result.error && result.status === 0;
}

/** The index pip is told to use: `--index-url`, else the first extra index pip is configured with. */
export function pipIndexUrl(configList: string): string | undefined {
  const line = configList.split('\n').find((l) => /extra-index-url=/.test(l));
  return line?.split('=')[1]?.replace(/^'|'$/g, '').split(/\s+/)[0];
}

function getWheel(options: SetupOptions, downloads: string): string {
  if (options.wheel) {
    if (!existsSync(options.wheel)) throw new SetupError(`The wheel ${options.wheel} does not exist.`);
    return options.wheel;
  }
  const found = () => readdirSync(downloads).find((f) => f.startsWith(`tensorflow_cpu-${TF_VERSION}-`) && f.endsWith('.whl'));
  const cached = found();
  if (cached) return join(downloads, cached);
  if (!has('pip')) throw new SetupError(`pip is missing; install it (apt-get install python3-pip) or pass --wheel PATH to a tensorflow_cpu-${TF_VERSION} wheel.`);
  const index = options.indexUrl ?? pipIndexUrl(run('pip', ['config', 'list'], 'pip config list'));
  options.log(`pip download tensorflow-cpu==${TF_VERSION}${index ? ` from ${index}` : ''}`);
  run('pip', ['download', `tensorflow-cpu==${TF_VERSION}`, '--no-deps', '--only-binary=:all:', '-d', downloads, ...(index ? ['--index-url', index] : [])], 'pip download');
  const got = found();
  if (!got) throw new SetupError(`pip did not download a tensorflow_cpu-${TF_VERSION} wheel; pass --wheel PATH.`);
  return join(downloads, got);
}

/** Only the two libraries and the C API headers, read from the wheel without unpacking the rest. */
function extract(wheel: string, into: string, log: (line: string) => void): void {
  log(`extracting libtensorflow and its C API headers from ${wheel}`);
  const patterns = [...WHEEL_MEMBERS, ...HEADER_DIRS.map((d) => `${d}*`)];
  if (has('unzip', ['-v'])) {
    const result = spawnSync('unzip', ['-q', '-o', wheel, ...patterns, '-d', into], { encoding: 'utf8' });
    if (result.status !== 0 && result.status !== 11) throw new SetupError(`unzip failed: ${result.stderr.trim()}`);
  } else if (has('python3')) {
    const script = 'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist():\n  if n in sys.argv[3:] or any(n.startswith(p) for p in sys.argv[3:]): z.extract(n, sys.argv[2])';
    run('python3', ['-c', script, wheel, into, ...WHEEL_MEMBERS, ...HEADER_DIRS], 'extracting the wheel');
  } else throw new SetupError('Neither unzip nor python3 is available to read the wheel; install one (apt-get install unzip).');
}

function unpackNpm(spec: string, downloads: string, into: string, log: (line: string) => void): void {
  if (existsSync(join(into, 'package.json'))) return;
  log(`npm pack ${spec}`);
  const file = run('npm', ['pack', spec, '--silent', '--pack-destination', downloads], `npm pack ${spec}`).trim().split('\n').pop() ?? '';
  const tmp = join(downloads, 'unpack');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  run('tar', ['xzf', join(downloads, file), '-C', tmp], `unpacking ${file}`);
  mkdirSync(dirname(into), { recursive: true });
  renameSync(join(tmp, 'package'), into);
}

function link(target: string, path: string): void {
  rmSync(path, { force: true, recursive: false });
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

function nodeGyp(): string {
  const roots = [run('npm', ['root', '-g'], 'npm root -g').trim(), '/usr/lib/node_modules', '/usr/local/lib/node_modules'];
  const found = roots.map((r) => join(r, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')).find((p) => existsSync(p));
  if (!found) throw new SetupError("npm's node-gyp was not found; install it with 'npm install -g node-gyp'.");
  return found;
}

/** A directory holding include/node/node_api.h, so node-gyp never downloads headers. */
function nodeDir(): string {
  const dirs = [join(dirname(process.execPath), '..'), '/usr', '/usr/local'];
  const found = dirs.find((d) => existsSync(join(d, 'include', 'node', 'node_api.h')));
  if (!found) throw new SetupError("Node's headers (include/node/node_api.h) were not found; install them (apt-get install libnode-dev).");
  return found;
}

/**
 * The entry the engine loads (src/engine/backend/native/load.ts): tfjs-node's kernel backend and
 * kernels, not its index (which requires the whole @tensorflow/tfjs bundle).
 */
const ENTRY = `// Written by klayers native setup.
const binding = require('./tfjs-node/build/Release/tfjs_binding.node');
const { NodeJSKernelBackend } = require('./tfjs-node/dist/nodejs_kernel_backend.js');
require('./tfjs-node/dist/register_all_kernels.js');
module.exports = {
  version: binding.TF_Version,
  register(tf) { tf.registerBackend('tensorflow', () => new NodeJSKernelBackend(binding, '@tensorflow/tfjs-node'), 3); },
};
`;

/** klayers' own kernels' source, shipped with the package (native/kernels.cc at its root). */
const KERNELS_SOURCE = fileURLToPath(new URL('../../../native/kernels.cc', import.meta.url));

/**
 * klayers' own kernels (native/kernels.cc), compiled for this machine's CPU (-march=native: FMA and
 * AVX-512 where it has them) against the wheel's Eigen headers. Rebuilt when the source changes
 * (its hash is kept next to the addon).
 */
function buildKernels(layout: NativeLayout, log: (line: string) => void): void {
  const source = readFileSync(KERNELS_SOURCE);
  const hash = createHash('sha256').update(source).digest('hex');
  const stamp = `${layout.kernels}.sha256`;
  if (existsSync(layout.kernels) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  log("building klayers' own kernels for this CPU (about half a minute)");
  const flags = ['-O3', '-march=native', '-std=c++17', '-shared', '-fPIC', '-DNDEBUG', '-DNODE_GYP_MODULE_NAME=klayers_kernels', '-pthread'];
  const built = `${layout.kernels}.tmp`;
  run('g++', [...flags, `-I${join(nodeDir(), 'include', 'node')}`, `-I${layout.include}`, KERNELS_SOURCE, '-o', built], "building klayers' kernels");
  renameSync(built, layout.kernels);
  writeFileSync(stamp, hash);
}

/** Build native TensorFlow into the cache (idempotent). Returns what each step did. */
export function setupNative(options: SetupOptions): void {
  const layout = nativeLayout();
  const { log } = options;
  if (!has('g++') || !has('make')) throw new SetupError('A C++ compiler and make are needed to build the addon; install them (apt-get install g++ make).');
  mkdirSync(layout.downloads, { recursive: true });
  unpackNpm(`@tensorflow/tfjs-node@${TFJS_NODE_VERSION}`, layout.downloads, layout.pkg, log);
  unpackNpm(`google-protobuf@${PROTOBUF_VERSION}`, layout.downloads, join(layout.root, 'node_modules', 'google-protobuf'), log);
  // tfjs-node's JavaScript requires @tensorflow/tfjs and -core: both resolve to klayers' core.
  const core = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-core/package.json'));
  link(core, join(layout.root, 'node_modules', '@tensorflow', 'tfjs-core'));
  link(core, join(layout.root, 'node_modules', '@tensorflow', 'tfjs'));
  const libs = ['libtensorflow_cc.so.2', 'libtensorflow_framework.so.2'];
  if (!libs.every((l) => existsSync(join(layout.lib, l))) || !existsSync(join(layout.include, 'xla', 'tsl', 'c', 'tsl_status.h')) || !existsSync(join(layout.include, 'Eigen', 'Core'))) {
    const wheel = getWheel(options, layout.downloads);
    const tmp = join(layout.downloads, 'wheel');
    rmSync(tmp, { recursive: true, force: true });
    extract(wheel, tmp, log);
    rmSync(layout.include, { recursive: true, force: true });
    mkdirSync(layout.lib, { recursive: true });
    for (const l of libs) renameSync(join(tmp, 'tensorflow', l), join(layout.lib, l));
    renameSync(join(tmp, 'tensorflow', 'include'), layout.include);
    rmSync(tmp, { recursive: true, force: true });
  }
  link('libtensorflow_cc.so.2', join(layout.lib, 'libtensorflow.so'));
  link('libtensorflow_framework.so.2', join(layout.lib, 'libtensorflow_framework.so'));
  if (!existsSync(layout.binding)) {
    log('building the tfjs-node addon with node-gyp (about a minute)');
    run(process.execPath, [nodeGyp(), 'rebuild', `--nodedir=${nodeDir()}`, '-j', '2', '--module_name=tfjs_binding', '--module_path=lib/napi-v8', '--napi_build_version=8'], 'building the addon', layout.pkg);
  }
  buildKernels(layout, log);
  writeFileSync(layout.entry, ENTRY);
  // The wheel and tarballs are no longer needed (the wheel given with --wheel is the user's).
  for (const f of readdirSync(layout.downloads)) rmSync(join(layout.downloads, f), { recursive: true, force: true });
}
