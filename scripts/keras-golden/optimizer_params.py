"""Keras's summary footer after compile + fit, for test/train/optimizer-params.test.ts.

Regenerate (needs the Keras venv):

    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/optimizer_params.py

Each case is Input(shape=(4,)), Dense(8, relu), Dense(3, softmax) compiled with one optimizer
(the first Dense frozen in `frozen_adam`), fitted one epoch on 12 rows, then `model.summary()`
at COLUMNS=80. The footer lines (` Total params:` … ` Optimizer params:`) are written to
test/golden/optimizer-params.json, beside the footer before the fit.
"""

import io
import json
import os
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np

os.environ.setdefault("COLUMNS", "80")
import keras  # noqa: E402
from keras import layers  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "test" / "golden" / "optimizer-params.json"

CASES = {
    "adam": ("optimizer='adam'", lambda: keras.optimizers.Adam(), False),
    "adam_amsgrad": ("optimizer=Adam(amsgrad=True)", lambda: keras.optimizers.Adam(amsgrad=True), False),
    "sgd": ("optimizer='sgd'", lambda: keras.optimizers.SGD(), False),
    "sgd_momentum": ("optimizer=SGD(momentum=0.9)", lambda: keras.optimizers.SGD(momentum=0.9), False),
    "rmsprop": ("optimizer='rmsprop'", lambda: keras.optimizers.RMSprop(), False),
    "rmsprop_centered_momentum": ("optimizer=RMSprop(momentum=0.5, centered=True)", lambda: keras.optimizers.RMSprop(momentum=0.5, centered=True), False),
    "adagrad": ("optimizer='adagrad'", lambda: keras.optimizers.Adagrad(), False),
    "frozen_adam": ("optimizer='adam'", lambda: keras.optimizers.Adam(), True),
}


def footer(model):
    out = io.StringIO()
    with redirect_stdout(out):
        model.summary()
    return [line for line in out.getvalue().splitlines() if line.endswith(")") and "params:" in line]


def case(make, frozen):
    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8, activation="relu"), layers.Dense(3, activation="softmax")])
    model.layers[0].trainable = not frozen
    model.compile(optimizer=make(), loss="categorical_crossentropy")
    before = footer(model)
    x = np.linspace(0, 1, 48, dtype="float32").reshape(12, 4)
    y = np.eye(3, dtype="float32")[np.arange(12) % 3]
    model.fit(x, y, epochs=1, batch_size=4, verbose=0)
    return {"before": before, "after": footer(model)}


def main():
    golden = {}
    for name, (compile_arg, make, frozen) in CASES.items():
        golden[name] = {"compile": compile_arg, "frozen": frozen, **case(make, frozen)}
    OUT.write_text(json.dumps({"keras": keras.__version__, "cases": golden}, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
