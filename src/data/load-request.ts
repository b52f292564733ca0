import type { Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { bool, fraction, int, parseDelimiter, parseScale, parseShape, parseTask, parseTypes, word, words } from './load-options.js';
import { DEFAULT_SPLIT, type LoadRequest } from './load.js';
import { formatValue } from '../lang/format-value.js';

/** `load PATH key=value …` as a LoadRequest, every value checked (the keywords were checked against load's options table). */
export function parseLoadRequest(args: readonly Value[], kwargs: Readonly<Record<string, Value>>): LoadRequest {
  if (args.length !== 1) throw new UserError('load takes one file or builtin data set.', 'Usage: load PATH.csv target=COLUMN  |  load builtin:iris');
  const k = kwargs;
  const missing = k['missing'] === undefined ? 'fill' : word(k['missing'], 'missing');
  if (missing !== 'fill' && missing !== 'drop') throw new UserError(`Unknown missing='${missing}'.`, 'Choose missing=fill (training mean, the default) or missing=drop.');
  const spec = word(args[0]!, 'load');
  const isBuiltin = spec.startsWith('builtin:');
  for (const key of ['n', 'noise'] as const) {
    if (!isBuiltin && k[key] !== undefined) throw new UserError(`${key}= is for builtin data sets, not files. Received: ${key}=${formatValue(k[key])}`);
  }
  const window = k['window'] === undefined ? undefined : int(k['window'], 'window', 1);
  if (k['horizon'] !== undefined && window === undefined) throw new UserError('horizon= needs window=.', 'Example: window=20 horizon=1.');
  if (window !== undefined && k['reshape'] !== undefined) throw new UserError('Use reshape= or window=, not both.');
  if (isBuiltin && k['stream'] !== undefined) throw new UserError(`stream= is for CSV files; builtin data sets are small and held in memory. Received: stream=${formatValue(k['stream'])}`);
  const seed = k['seed'] === undefined ? undefined : int(k['seed'], 'seed', 0);
  return {
    spec,
    targets: k['target'] === undefined ? null : words(k['target'], 'target'),
    types: k['types'] === undefined ? {} : parseTypes(k['types']),
    missing,
    ...(k['na_values'] !== undefined ? { naValues: words(k['na_values'], 'na_values') } : {}),
    ...(k['numeric'] !== undefined ? { numeric: bool(k['numeric'], 'numeric') } : {}),
    ...(k['task'] !== undefined ? { task: parseTask(k['task']) } : {}),
    ...(k['header'] !== undefined ? { header: bool(k['header'], 'header') } : {}),
    ...(k['delimiter'] !== undefined ? { delimiter: parseDelimiter(k['delimiter']) } : {}),
    builtin: {
      ...(k['n'] !== undefined ? { n: k['n'] as number } : {}),
      ...(k['noise'] !== undefined ? { noise: k['noise'] as number } : {}),
      ...(seed !== undefined ? { seed } : {}),
    },
    scale: k['scale'] === undefined ? 'standard' : parseScale(k['scale']),
    validation: k['validation'] === undefined ? DEFAULT_SPLIT.validation : fraction(k['validation'], 'validation'),
    test: k['test'] === undefined ? DEFAULT_SPLIT.test : fraction(k['test'], 'test'),
    seed: seed ?? DEFAULT_SPLIT.seed,
    ...(k['stratify'] !== undefined ? { stratify: bool(k['stratify'], 'stratify') } : {}),
    ...(k['stream'] !== undefined ? { stream: bool(k['stream'], 'stream') } : {}),
    ...(k['reshape'] !== undefined ? { reshape: parseShape(k['reshape'], 'reshape') } : {}),
    ...(window !== undefined ? { window } : {}),
    horizon: k['horizon'] === undefined ? 1 : int(k['horizon'], 'horizon', 1),
  };
}
