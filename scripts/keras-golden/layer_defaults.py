"""Dump get_config() of a minimal instance of every layer klayers implements.

Run: KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/layer_defaults.py
Writes test/golden/layer-defaults.json, read by test/layers/golden-defaults.test.ts.
Each entry records the call (as klayers text) and Keras's config with the layer name removed.
Lambda's `function` is Python bytecode, so it is dropped; `dtype` policies are reduced to their name.
"""
import json
import os

import keras
from keras import layers as L

CASES = [
    ("Input(shape=(3,))", lambda: keras.Input(shape=(3,))._keras_history[0]),
    ("Dense(4)", lambda: L.Dense(4)),
    ("Activation('relu')", lambda: L.Activation("relu")),
    ("Dropout(0.5)", lambda: L.Dropout(0.5)),
    ("Flatten()", lambda: L.Flatten()),
    ("Reshape((2, 2))", lambda: L.Reshape((2, 2))),
    ("Permute((2, 1))", lambda: L.Permute((2, 1))),
    ("Masking()", lambda: L.Masking()),
    ("Lambda('x')", lambda: L.Lambda(lambda x: x)),
    ("Conv1D(2, 3)", lambda: L.Conv1D(2, 3)),
    ("Conv2D(2, 3)", lambda: L.Conv2D(2, 3)),
    ("MaxPooling1D()", lambda: L.MaxPooling1D()),
    ("MaxPooling2D()", lambda: L.MaxPooling2D()),
    ("AveragePooling1D(2)", lambda: L.AveragePooling1D(2)),
    ("AveragePooling2D(2)", lambda: L.AveragePooling2D(2)),
    ("SimpleRNN(3)", lambda: L.SimpleRNN(3)),
    ("LSTM(3)", lambda: L.LSTM(3)),
]


def plain(value):
    """Tuples become lists (JSON), DTypePolicy dicts become their name."""
    if isinstance(value, dict):
        if value.get("class_name") == "DTypePolicy":
            return value["config"]["name"]
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def main():
    out = {"keras_version": keras.__version__, "layers": {}}
    for call, make in CASES:
        layer = make()
        config = {k: plain(v) for k, v in layer.get_config().items() if k != "name"}
        if type(layer).__name__ == "Lambda":
            config.pop("function")
        out["layers"][type(layer).__name__] = {"call": call, "config": config}
    path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "golden", "layer-defaults.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main()
