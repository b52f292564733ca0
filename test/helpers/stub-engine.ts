import type { EngineHandle } from '../../src/session/engine-handle.js';

const refuse = (what: string) => async (): Promise<never> => {
  throw new Error(`the stub engine has no ${what}`);
};

/**
 * An engine handle that never loads tfjs: every model is buildable, the backend is `cpu`, and
 * anything that would train or touch files fails unless the test supplies it in `overrides`.
 */
export function stubEngine(overrides: Partial<EngineHandle> = {}): EngineHandle {
  return {
    weightStats: async () => [],
    unsupported: async () => [],
    describeBackend: async () => 'Backend: cpu (stub for tests)',
    selectBackend: async (c) => `Backend: ${c} (stub for tests)`,
    fit: refuse('fit'),
    evaluate: refuse('evaluate'),
    predict: refuse('predict'),
    saveModel: refuse('model files'),
    readModelDir: refuse('model files'),
    installWeights: refuse('model files'),
    modelFileState: refuse('model files'),
    installModelState: refuse('model files'),
    currentWeights: () => null,
    optimizerParams: () => null,
    hasModel: false,
    onFit: () => () => {},
    forget: async () => {},
    ...overrides,
  };
}
