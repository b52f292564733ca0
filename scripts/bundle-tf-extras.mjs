// Bundles what the full @tensorflow/tfjs package adds on top of tfjs-core: every op's gradient
// (training) and the chained ops (`tensor.add(...)`). tfjs-core ships them only as ES modules whose
// imports have no file extension, which Node cannot load, so they are bundled here into one file
// that src/engine/backend/tf.ts imports as `#tf-extras` (see "imports" in package.json). The full
// package's own tf.node.js bundles the same two modules the same way. Run by `npm run build`.
import { build } from 'esbuild';

await build({
  stdin: {
    contents: [
      "import '@tensorflow/tfjs-core/dist/register_all_gradients';",
      "import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';",
    ].join('\n'),
    resolveDir: process.cwd(),
    sourcefile: 'tf-extras.js',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/tf-extras.js',
  logLevel: 'warning',
});
