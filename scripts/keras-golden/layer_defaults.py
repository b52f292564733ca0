"""Dump get_config() of a minimal instance of every layer klayers implements.

Run: KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/layer_defaults.py
Writes test/golden/layer-defaults.json, read by test/layers/golden-defaults.test.ts.
Each entry records the call (as klayers text), Keras's config with the layer name removed, and
for a typical input the output shape and the weights (name, shape, trainable) Keras builds.
Lambda's `function` is Python bytecode, so it is dropped; `dtype` policies are reduced to their name.
"""
import json
import os

import keras
from keras import layers as L

CASES = [
    # (klayers call text, constructor, typical input shape or None)
    ("Input(shape=(3,))", lambda: keras.Input(shape=(3,))._keras_history[0], None),
    ("Dense(4)", lambda: L.Dense(4), (None, 3)),
    ("Activation('relu')", lambda: L.Activation("relu"), (None, 3)),
    ("Dropout(0.5)", lambda: L.Dropout(0.5), (None, 3)),
    ("Flatten()", lambda: L.Flatten(), (None, 2, 3)),
    ("Reshape((2, 2))", lambda: L.Reshape((2, 2)), (None, 4)),
    ("Permute((2, 1))", lambda: L.Permute((2, 1)), (None, 2, 3)),
    ("Masking()", lambda: L.Masking(), (None, 5, 3)),
    ("Lambda('x')", lambda: L.Lambda(lambda x: x), (None, 3)),
    ("Conv1D(2, 3)", lambda: L.Conv1D(2, 3), (None, 10, 4)),
    ("Conv2D(2, 3)", lambda: L.Conv2D(2, 3), (None, 8, 8, 3)),
    ("MaxPooling1D()", lambda: L.MaxPooling1D(), (None, 10, 4)),
    ("MaxPooling2D()", lambda: L.MaxPooling2D(), (None, 8, 8, 3)),
    ("AveragePooling1D(2)", lambda: L.AveragePooling1D(2), (None, 10, 4)),
    ("AveragePooling2D(2)", lambda: L.AveragePooling2D(2), (None, 8, 8, 3)),
    ("SimpleRNN(3)", lambda: L.SimpleRNN(3), (None, 5, 4)),
    ("LSTM(3)", lambda: L.LSTM(3), (None, 5, 4)),
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
    for call, make, input_shape in CASES:
        layer = make()
        config = {k: plain(v) for k, v in layer.get_config().items() if k != "name"}
        if type(layer).__name__ == "Lambda":
            config.pop("function")
        entry = {"call": call, "config": config}
        if input_shape is not None:
            x = keras.Input(batch_shape=input_shape)
            y = layer(x)
            entry["input"] = list(input_shape)
            entry["output"] = list(y.shape)
            entry["weights"] = [
                {"name": w.name, "shape": list(w.shape), "trainable": w.trainable}
                for w in layer.weights
            ]
        out["layers"][type(layer).__name__] = entry
    path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "golden", "layer-defaults.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main()
