/**
 * When the engine started loading. Imported first by the engine's modules so that the time spent
 * importing tfjs (statically, by the modules that follow) can be reported by `backendInfo()`.
 */
export const engineLoadStarted = performance.now();
