"""Keras 3 native files made by real Keras, for test/keras-file/*.test.ts.

Regenerate (needs the Keras venv; one fresh process per model so names restart at `dense`):

    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/keras_files.py [CASE ...]

Each case is a tiny Sequential model (so each file is a few KB), compiled with Adam, trained
two steps on fixed rows, then saved with `model.save("<case>.keras")` and
`model.save_weights("<case>.weights.h5")` into test/golden/keras-files/. Beside them,
<case>.json records what Keras itself says about the saved model: `model.summary()` at
COLUMNS=80, each layer's class, name and get_config(), the weights (flat lists), the optimizer's
iterations, the predictions of `model.predict(x)` on fixed inputs `x`, the training rows, and the
weights after one more `train_on_batch` on all of them (`next`), taken after the save.

Cases `lambda` and `functional` are saved only as .keras files, for the refusal tests.

Child mode (used internally): keras_files.py --case NAME
"""

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "test" / "golden" / "keras-files"

CASES = {
    "mlp": ((4,), "categorical", lambda L: [L.Dense(3, activation="relu"), L.Dropout(0.25), L.Activation("tanh"), L.Dense(2, activation="softmax")]),
    "conv2d": ((6, 6, 1), "categorical", lambda L: [L.Conv2D(2, (3, 3), activation="relu", padding="same"), L.MaxPooling2D((2, 2)), L.Conv2D(2, 2), L.AveragePooling2D(2), L.Flatten(), L.Dense(2, activation="softmax")]),
    "conv1d": ((12, 2), "mse", lambda L: [L.Permute((2, 1)), L.Reshape((12, 2)), L.Conv1D(3, 3, activation="tanh"), L.MaxPooling1D(2), L.AveragePooling1D(2), L.Flatten(), L.Dense(1)]),
    "rnn": ((5, 3), "mse", lambda L: [L.Masking(0.0), L.SimpleRNN(3, return_sequences=True), L.LSTM(2), L.Dense(1)]),
    "lambda": ((4,), "mse", lambda L: [L.Lambda(lambda t: t * 2.0), L.Dense(1)]),
}


def rows(shape, n, seed):
    import numpy as np
    rng = np.random.default_rng(seed)
    return rng.uniform(-1, 1, size=(n, *shape)).astype("float32")


def child(name):
    import keras
    import numpy as np
    from keras import layers as L

    shape, loss, make = CASES.get(name, (None, None, None))
    keras.utils.set_random_seed(7)
    if name == "functional":
        a = keras.Input((3,))
        b = keras.Input((3,))
        out = L.Dense(1)(L.Add()([a, b]))
        model = keras.Model([a, b], out)
        model.compile(optimizer="adam", loss="mse")
        model.save(OUT / "functional.keras")
        return
    model = keras.Sequential([keras.Input(shape), *make(L)])
    x = rows(shape, 8, 1)
    if loss == "categorical":
        y = keras.utils.to_categorical(np.arange(8) % 2, 2)
        model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    else:
        y = rows((1,), 8, 2)
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    model.fit(x, y, epochs=1, batch_size=4, shuffle=False, verbose=0)
    model.save(OUT / f"{name}.keras")
    if name == "lambda":
        return
    model.save_weights(OUT / f"{name}.weights.h5")
    text = io.StringIO()
    with redirect_stdout(text):
        model.summary()
    probe = rows(shape, 3, 3)
    record = {
        "case": name,
        "keras": keras.__version__,
        "summary": text.getvalue(),
        "layers": [{"class_name": l.__class__.__name__, "name": l.name, "config": l.get_config()} for l in model.layers],
        "weights": [{"path": w.path, "shape": list(w.shape), "values": np.asarray(w).ravel().tolist()} for w in model.weights],
        "iterations": int(model.optimizer.iterations),
        "x": {"shape": list(probe.shape), "values": probe.ravel().tolist()},
        "y": np.asarray(model.predict(probe, verbose=0)).ravel().tolist(),
        "train": {"x": x.ravel().tolist(), "y": np.asarray(y).ravel().tolist()},
    }
    # One more step after the save, on all 8 rows in one batch: what a load that carried the
    # optimizer state over must reproduce.
    model.train_on_batch(x, y)
    record["next"] = {"iterations": int(model.optimizer.iterations), "weights": [np.asarray(w).ravel().tolist() for w in model.weights]}
    (OUT / f"{name}.json").write_text(json.dumps(record, indent=1) + "\n")


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--case":
        child(sys.argv[2])
        return
    OUT.mkdir(parents=True, exist_ok=True)
    names = sys.argv[1:] or [*CASES, "functional"]
    env = {**os.environ, "KERAS_BACKEND": os.environ.get("KERAS_BACKEND", "jax"), "COLUMNS": "80", "TF_CPP_MIN_LOG_LEVEL": "3"}
    for n in names:
        subprocess.run([sys.executable, __file__, "--case", n], check=True, env=env)
        print("wrote", n)


if __name__ == "__main__":
    main()
