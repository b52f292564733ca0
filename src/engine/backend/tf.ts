/**
 * tfjs as the engine sees it: the one module that imports the @tensorflow packages klayers uses
 * (core, layers, data and the cpu backend; the wasm backend is imported by ./wasm/load.ts when it
 * starts). It exports what `@tensorflow/tfjs` exported for them, as one namespace
 * (`import * as tf from './tf.js'`), and registers what that package registered on import:
 * every op's gradient and the chained ops (`tensor.add(...)`), bundled into `#tf-extras` by
 * scripts/bundle-tf-extras.mjs, and the cpu backend.
 */
import '@tensorflow/tfjs-core'; // first: the chained ops extend the Tensor class core registers
import '#tf-extras';
// The chained ops' types (`Tensor.add` and the rest); type-only, #tf-extras registers them.
import type {} from '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.js';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
export * as data from '@tensorflow/tfjs-data';
export * from '@tensorflow/tfjs-backend-cpu';
