/**
 * Where `klayers native setup` puts native TensorFlow, and where the engine looks for it: a
 * per-user cache directory outside node_modules (so `npm ci` does not wipe it), or
 * `$KLAYERS_NATIVE_DIR` (tests set it). Nothing here touches the disk; setup fills the layout and
 * the engine's loader (src/engine/backend/native/load.ts) reads it.
 */
import envPaths from 'env-paths';
import { join } from 'node:path';

/** The TensorFlow release whose `tensorflow-cpu` wheel provides libtensorflow. */
export const TF_VERSION = '2.21.0';
/** The tfjs-node release whose addon sources are built against it (klayers' tfjs is 4.22.0). */
export const TFJS_NODE_VERSION = '4.22.0';

/** The files of one native setup. */
export interface NativeLayout {
  /** The cache directory of this TensorFlow / tfjs-node pair. */
  readonly root: string;
  /** Downloads (the wheel, the tfjs-node tarball); emptied when setup is done. */
  readonly downloads: string;
  /** tfjs-node's package, unpacked: its dist/ JavaScript, binding/ sources, deps/ and build/. */
  readonly pkg: string;
  /** libtensorflow_cc.so.2 and libtensorflow_framework.so.2 from the wheel (the addon's rpath). */
  readonly lib: string;
  /** The C API headers the addon includes, taken from the wheel. */
  readonly include: string;
  /** The built addon. */
  readonly binding: string;
  /**
   * The CommonJS entry setup writes: it loads the addon and tfjs-node's kernels and exports
   * `{ version, register(tf) }` (registering the 'tensorflow' backend into the tfjs-core given).
   */
  readonly entry: string;
  /** klayers' own CPU kernels (native/kernels.cc), built by setup for this machine. */
  readonly kernels: string;
  /** Written last by setup, after the check passed: what was set up and how it was checked. */
  readonly stamp: string;
}

/** The per-user directory holding every native setup. */
export function nativeBaseDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['KLAYERS_NATIVE_DIR'] || join(envPaths('klayers', { suffix: '' }).cache, 'native');
}

/** The layout of the setup klayers uses (TensorFlow TF_VERSION with tfjs-node TFJS_NODE_VERSION). */
export function nativeLayout(env: NodeJS.ProcessEnv = process.env): NativeLayout {
  const root = join(nativeBaseDir(env), `tensorflow-${TF_VERSION}-tfjs-node-${TFJS_NODE_VERSION}`);
  const pkg = join(root, 'tfjs-node');
  return {
    root,
    downloads: join(root, 'downloads'),
    pkg,
    lib: join(pkg, 'deps', 'lib'),
    include: join(pkg, 'deps', 'include'),
    binding: join(pkg, 'build', 'Release', 'tfjs_binding.node'),
    entry: join(root, 'klayers-native.cjs'),
    kernels: join(root, 'klayers_kernels.node'),
    stamp: join(root, 'setup.json'),
  };
}

/** The command that sets native TensorFlow up (named by every message that needs it). */
export const SETUP_COMMAND = 'klayers native setup';
