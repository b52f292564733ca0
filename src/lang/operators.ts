/**
 * Call names of the arithmetic the parser keeps as data: `operator +`, `operator []`,
 * `operator :` (a slice). No Keras name has a space, so they can never meet a layer or command.
 */
export const OPERATOR_PREFIX = 'operator ';

/** A dict literal `{'y': 2}` is the call `dict(y=2)`: the same value in Python. */
export const DICT = 'dict';
