/**
 * The filter gradient of a 2-D convolution for tfjs's wasm backend, which ships without it
 * (`Conv2DBackpropFilter`), so Conv1D/Conv2D could not train on wasm.
 *
 * dW[i,j,c,o] = Σ_{n,p,q} x[n, p·sh + i − padTop, q·sw + j − padLeft, c] · dy[n,p,q,o]
 * is itself a forward convolution: read x as a batch of C images with N channels ([C,H,W,N]),
 * read dy as a filter of size oh×ow mapping N channels to O ([oh,ow,N,O]), and let the forward
 * stride become the dilation. wasm's fast XNNPACK Conv2D then does the work. Its output is
 * [C, ≥fh, ≥fw, O] (rows past the filter are never read by the forward pass), so it is cut to
 * the filter size and laid out as [fh,fw,C,O].
 *
 * Composed from wasm's own kernels at the backend level, so no tensors reach tfjs's engine and
 * every intermediate is freed here.
 */
import * as tf from '../tf.js';
import type { WasmBackend } from '../replace-kernel.js';

type Attrs = {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
};

/** Run one of wasm's registered kernels directly on backend data. */
function runWasm(backend: WasmBackend, name: string, inputs: Record<string, tf.TensorInfo>, attrs: object): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`The wasm backend has no '${name}' kernel.`);
  return kernel.kernelFunc({ inputs, backend: backend as never, attrs: attrs as never }) as tf.TensorInfo;
}

/** Kernel function for `Conv2DBackpropFilter` on wasm (inputs: x, dy; NHWC or NCHW). */
function conv2dBackpropFilterWasm(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: object }): tf.TensorInfo {
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const backend = args.backend as WasmBackend;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as Attrs;
  const channelsFirst = dataFormat === 'NCHW';
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    channelsFirst ? 'channelsFirst' : 'channelsLast',
  );
  const { top, bottom, left, right } = info.padInfo;
  const [fh, fw, inChannels, outChannels] = filterShape;

  const temporaries: tf.TensorInfo[] = [];
  const keep = (t: tf.TensorInfo) => (temporaries.push(t), t);
  try {
    // [C,H,W,N]: the batch becomes the channels the convolution sums over.
    const images = keep(runWasm(backend, 'Transpose', { x }, { perm: channelsFirst ? [1, 2, 3, 0] : [3, 1, 2, 0] }));
    // [oh,ow,N,O]: the output gradient becomes the filter.
    const filter = keep(runWasm(backend, 'Transpose', { x: dy }, { perm: channelsFirst ? [2, 3, 0, 1] : [1, 2, 0, 3] }));
    const full = keep(
      runWasm(backend, 'Conv2D', { x: images, filter }, {
        strides: [1, 1],
        pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
        dataFormat: 'NHWC',
        dilations: [info.strideHeight, info.strideWidth],
      }),
    );
    const exact =
      full.shape[1] === fh && full.shape[2] === fw
        ? full
        : keep(runWasm(backend, 'Slice', { x: full }, { begin: [0, 0, 0, 0], size: [inChannels, fh, fw, outChannels] }));
    return runWasm(backend, 'Transpose', { x: exact }, { perm: [1, 2, 0, 3] });
  } finally {
    for (const t of temporaries) backend.disposeData(t.dataId);
  }
}

/** Register the kernel once per process (tfjs warns when a kernel is registered twice). */
export function registerWasmConvGradients(): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2dBackpropFilterWasm as tf.KernelFunc });
}
