/**
 * The engine's public face: the only module outside src/engine that may be imported (lazily, with
 * `await import(...)`, so the REPL's first prompt never waits for tfjs).
 */
import './backend/load-clock.js'; // first: starts the clock before tfjs is imported

export { initBackend, backendInfo, chooseTrainingBackend, plannedTrainingBackend, recoverBackend, loadTf, type BackendInfo, type BackendChoice, type BackendName } from './backend/backend.js';
export { measureBackendForFit, type MeasureRequest } from './auto/choose.js';
export { buildModel, disposeModel, type BuiltModel } from './build/build.js';
export { checkSupported } from './build/support.js';
export { EngineUnsupported } from './keras/unsupported.js';
export { applyConstraints, constraintCallback } from './keras/constraints.js';
export { layerWeightStats, modelWeights, type WeightStats } from './build/weight-stats.js';
export { SUPPORTED_ACTIVATIONS } from './keras/activations.js';
export { setLayerWeights, getLayerWeights, predictArrays, type ArrayData } from './io/weights.js';
export { sgdStep, evaluateLoss, type SgdOptions, type KerasLossName } from './train/step.js';
export { trainingApi, type TrainingApi } from './train/api.js';
export { modelFilesApi, type ModelFilesApi, type SaveModelOutcome, type ModelDirContents, type SavedWeight } from './io/model-files.js';
export { kerasStateApi, type ModelFileState, type LayerState, type OptimizerState } from './train/keras-state.js';
