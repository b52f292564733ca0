/**
 * The engine's public face: the only module outside src/engine that may be imported (lazily, with
 * `await import(...)`, so the REPL's first prompt never waits for tfjs).
 */
import './load-clock.js'; // first: starts the clock before tfjs is imported

export { initBackend, backendInfo, chooseTrainingBackend, loadTf, type BackendInfo, type BackendChoice, type BackendName } from './backend.js';
export { buildModel, disposeModel, type BuiltModel } from './build.js';
export { checkSupported } from './support.js';
export { EngineUnsupported } from './errors.js';
export { applyConstraints, constraintCallback } from './constraints.js';
export { layerWeightStats, modelWeights, type WeightStats } from './weights.js';
export { SUPPORTED_ACTIVATIONS } from './activations.js';
export { setLayerWeights, getLayerWeights, predictArrays, type ArrayData } from './weights-io.js';
export { sgdStep, evaluateLoss, type SgdOptions, type KerasLossName } from './train-step.js';
export { trainingApi, type TrainingApi } from './train-api.js';
export { modelFilesApi, type ModelFilesApi, type SaveModelOutcome, type ModelDirContents, type SavedWeight } from './model-io.js';
