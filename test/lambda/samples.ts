/** One call per function, chosen so every argument path runs on a (batch, 3, 4) input. */
export const SAMPLES: Readonly<Record<string, string>> = {
  log: 'log(abs(x) + 1)', sqrt: 'sqrt(abs(x))', reciprocal: 'reciprocal(x + 10)', log1p: 'log1p(abs(x))',
  clip: 'clip(x, -0.5, 0.5)', maximum: 'maximum(x, x[:, :1])', minimum: 'minimum(0, x)',
  power: 'power(abs(x) + 1, x[:, :1])', pow: 'pow(x, 2)', where: 'where(x > 0, x, -x)',
  argmax: 'argmax(x, axis=-1, keepdims=True)', argmin: 'argmin(x, axis=1)', cumsum: 'cumsum(x, axis=1)',
  reshape: 'reshape(x, (2, -1))', 'ops.reshape': 'ops.reshape(x, (-1, 2, 6))', permute: 'permute(x, (2, 1))', transpose: 'transpose(x, (0, 2, 1))',
  expand_dims: 'expand_dims(x, 2)', squeeze: 'squeeze(x[:, :1])', concatenate: 'concatenate([x, x * x], axis=1)',
  stack: 'stack([x, sigmoid(x)])', softmax: 'softmax(x, axis=1)', l2_normalize: 'l2_normalize(x, axis=1)',
  mean: 'mean(x, axis=(1, 2))', std: 'std(x, axis=1, keepdims=True)', logsumexp: 'logsumexp(x, axis=-1)',
};
/** A sample call of the named function. */
export const sampleFor = (name: string) => SAMPLES[name] ?? `${name}(x)`;
