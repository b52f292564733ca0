"""Keras 3's numbers for several fit() steps of a small Dense model: one case per optimizer
variant, and one fit with class_weight, metrics and validation data.

Regenerate (needs the Keras venv; see README.md in this folder):

    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/training.py

Weights and data are forward.py's deterministic values (so the TypeScript test recomputes them
bit for bit); the model is Input(4) -> Dense(5, tanh) -> Dense(3, softmax) with categorical
crossentropy. Each optimizer case is `fit(epochs=5, batch_size=12, shuffle=False)` on 12 rows, so
every epoch is one optimizer step and `history['loss']` is the loss before each step. A few cases
use a large epsilon on purpose: there the placement of epsilon (where tfjs and Keras differ) moves
the numbers far beyond float32 noise. Writes test/golden/training.json, read by
test/golden/training.test.ts.
"""

import json
from pathlib import Path

import keras
import numpy as np

from forward import deterministic, fill_weights

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "test" / "golden" / "training.json"
LINES = ["keras.Input(shape=(4,))", "Dense(5, activation='tanh')", "Dense(3, activation='softmax')"]
X_SEED, VAL_SEED = 7, 13

# (name, the call as a klayers/Keras user types it); evaluated with keras.optimizers in scope.
OPTIMIZERS = [
    ("adam_default", "Adam()"),
    ("adam_lr_eps", "Adam(learning_rate=0.05, epsilon=0.01)"),
    ("adam_amsgrad", "Adam(learning_rate=0.05, amsgrad=True)"),
    ("rmsprop_default", "RMSprop()"),
    ("rmsprop_eps", "RMSprop(learning_rate=0.01, epsilon=0.01)"),
    ("rmsprop_centered", "RMSprop(learning_rate=0.01, centered=True, epsilon=0.01)"),
    ("rmsprop_momentum", "RMSprop(learning_rate=0.01, momentum=0.9)"),
    ("adagrad", "Adagrad(learning_rate=0.1)"),
    ("adagrad_eps", "Adagrad(learning_rate=0.1, epsilon=0.01)"),
    ("sgd", "SGD(learning_rate=0.1)"),
    ("sgd_nesterov", "SGD(learning_rate=0.1, momentum=0.9, nesterov=True)"),
    ("sgd_momentum", "SGD(learning_rate=0.1, momentum=0.9)"),
]


def model_and_weights():
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(5, activation="tanh"), keras.layers.Dense(3, activation="softmax")])
    weights = fill_weights(model)
    return model, [w for layer in weights.values() for w in layer]


def data(seed, rows):
    """x from forward.py's hash; y one-hot of class (3r + 1) % 7 % 3 so every class appears."""
    x = deterministic(seed, [rows, 4], 1.0)
    y = np.zeros([rows, 3], dtype=np.float32)
    for r in range(rows):
        y[r, (3 * r + 1) % 7 % 3] = 1.0
    return x, y


def final_weights(model):
    return [[float(v) for v in np.asarray(w, dtype=np.float32).ravel()] for w in model.get_weights()]


def optimizer_case(name, call):
    model, specs = model_and_weights()
    x, y = data(X_SEED, 12)
    model.compile(optimizer=eval(call, {}, vars(keras.optimizers)), loss="categorical_crossentropy")
    history = model.fit(x, y, batch_size=12, epochs=5, shuffle=False, verbose=0).history
    return {"name": name, "optimizer": call, "weights": specs, "rows": 12, "batch_size": 12, "epochs": 5,
            "loss": history["loss"], "final_weights": final_weights(model)}


def class_weight_case():
    """20 rows in batches of 8, 8, 4 (Keras weights each batch's mean by its size), 3 epochs."""
    model, specs = model_and_weights()
    x, y = data(X_SEED, 20)
    vx, vy = data(VAL_SEED, 6)
    class_weight = {0: 1.0, 1: 3.0, 2: 0.5}
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, batch_size=8, epochs=3, shuffle=False, verbose=0, class_weight=class_weight, validation_data=(vx, vy)).history
    return {"name": "class_weight", "optimizer": "SGD(learning_rate=0.1)", "weights": specs, "rows": 20, "val_rows": 6,
            "batch_size": 8, "epochs": 3, "class_weight": [class_weight[i] for i in range(3)],
            "history": {k: [float(v) for v in vals] for k, vals in history.items()}, "final_weights": final_weights(model)}


def main():
    record = {
        "keras": keras.__version__,
        "lines": LINES,
        "x_seed": X_SEED,
        "val_seed": VAL_SEED,
        "optimizers": [optimizer_case(n, c) for n, c in OPTIMIZERS],
        "class_weight": class_weight_case(),
    }
    OUT.write_text(json.dumps(record, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
