"""Writes test/engine/activation-goldens.json: Keras 3 activations on fixed inputs.

Run: KERAS_BACKEND=jax /tmp/kvenv/bin/python test/engine/activation-goldens.py
"""
import json
import pathlib

import keras
import numpy as np

NAMES = [
    "linear", "relu", "relu6", "sigmoid", "tanh", "softmax", "softplus", "softsign", "elu",
    "selu", "gelu", "mish", "silu", "swish", "log_softmax", "hard_sigmoid", "hard_silu",
    "hard_swish", "leaky_relu", "exponential", "celu", "hard_tanh", "log_sigmoid", "tanh_shrink",
    "hard_shrink", "soft_shrink", "squareplus", "sparse_plus", "sparse_sigmoid",
]
x = np.linspace(-4.0, 4.0, 17).astype("float32")
x = np.concatenate([x, np.array([-0.3, 0.3, -1.5, 1.5], dtype="float32")])
out = {"keras": keras.__version__, "x": x.tolist(), "y": {}}
for name in NAMES:
    y = keras.activations.get(name)(x[None, :])
    out["y"][name] = np.asarray(y, dtype="float64")[0].tolist()
path = pathlib.Path(__file__).with_name("activation-goldens.json")
path.write_text(json.dumps(out, indent=1) + "\n")
print("wrote", path)
