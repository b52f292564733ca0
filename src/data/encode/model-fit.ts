import type { Dataset } from './dataset.js';

type Shape = readonly (number | null)[];

const shapeText = (dims: readonly (number | null)[]) => `(${['None', ...dims.map((d) => (d === null ? 'None' : String(d)))].join(', ')}${dims.length === 0 ? ',' : ''})`;

/** "model expects 3 features, data has 4" when the model's input and the data disagree. */
export function inputMismatch(modelInput: Shape, dataset: Dataset): string | null {
  const expected = modelInput.slice(1);
  const data = dataset.featureShape;
  const same = expected.length === data.length && expected.every((d, i) => d === null || d === data[i]);
  if (same) return null;
  if (expected.length === 1 && data.length === 1) return `The model expects ${expected[0]} features, the data has ${data[0]}.`;
  return `The model expects input ${shapeText(expected)}, the data gives ${shapeText(data)}.`;
}

/** What to change when the model's output cannot match the target (wrong size). */
export function outputMismatch(modelOutput: Shape, dataset: Dataset): string | null {
  const units = modelOutput[modelOutput.length - 1];
  const s = dataset.suggestion;
  if (modelOutput.length === 2 && units === s.units) return null;
  return `The model's output is ${shapeText(modelOutput.slice(1))}, the target needs ${shapeText([s.units])}: end with ${s.lastLayer} and use loss '${s.loss}'.`;
}

/** `(None, 8, 8, 1)`: the data's batch input shape as Keras prints it. */
export function dataInputText(dataset: Dataset): string {
  return shapeText(dataset.featureShape);
}
