/**
 * A Keras argument or layer the tfjs engine cannot honour. The message names the layer, the
 * argument and why; the hint says what to do instead. Thrown by `buildModel`, listed by
 * `checkSupported`.
 */
export class EngineUnsupported extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'EngineUnsupported';
  }
}

/** `unsupportedArg('lstm', 'stateful', True, 'tfjs ...', 'Use ...')`: the common message shape. */
export function unsupportedArg(
  layerName: string,
  className: string,
  argName: string,
  value: string,
  why: string,
  hint?: string,
): EngineUnsupported {
  return new EngineUnsupported(`${className} '${layerName}': ${argName}=${value} is not supported: ${why}.`, hint);
}
