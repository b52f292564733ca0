"""Golden `model.summary()` texts from real Keras 3, for test/render/summary.test.ts.

Regenerate (needs the Keras venv, takes a minute or two):

    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/summaries.py [CASE ...]

(with case names, only those goldens are rewritten).

For every case and every terminal width this script starts a FRESH Python process
(so auto names restart at `dense`), sets COLUMNS to the width (both
`shutil.get_terminal_size` and rich's Console read it), lets `model.summary()`
print to a pipe (not a terminal, so rich emits no colour codes) and records
exactly the bytes it wrote to stdout. The model description in klayers'
SummaryModel form is read from the Keras model object itself (layer.name, class
name, layer.output.shape, count_params, the trainable/non-trainable/optimizer
weight counts), never from klayers.

Each case becomes test/golden/summaries/<case>.json:
    {"case", "keras", "description", "summaryKwargs", "model": SummaryModel,
     "outputs": {"<columns>": "<captured stdout>" | null}}
A null output means Keras raised (e.g. "Insufficient console width"); the
message is kept under "errors".

Child mode (used internally): summaries.py --case NAME --columns N --describe PATH
"""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

WIDTHS = [200, 100, 80, 60, 40, 30]
REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / "test" / "golden" / "summaries"


def build_case(case):
    """Builds the model of one case; returns (model, description, summary kwargs)."""
    import numpy as np
    import keras
    from keras import layers

    if case == "mlp":
        return keras.Sequential([
            keras.Input((784,)),
            layers.Dense(64, activation="relu"),
            layers.Dense(64, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]), "MLP on (784,)", {}
    if case == "mnist_convnet":
        return keras.Sequential([
            keras.Input((28, 28, 1)),
            layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Flatten(),
            layers.Dropout(0.5),
            layers.Dense(10, activation="softmax"),
        ]), "The Keras MNIST convnet example", {}
    if case == "lstm_sequences":
        return keras.Sequential([
            keras.Input((20, 8)),
            layers.LSTM(32, return_sequences=True),
            layers.LSTM(16),
            layers.Dense(1),
        ]), "Stacked LSTMs, the first with return_sequences=True", {}
    if case == "lstm_state":
        return keras.Sequential([
            keras.Input((20, 8)),
            layers.LSTM(16, return_state=True),
        ]), "LSTM with return_state=True: a list of three shapes", {}
    if case == "long_names":
        return keras.Sequential([
            keras.Input((32,)),
            layers.Dense(
                16, name="a_really_long_layer_name_for_testing_wrapping"
            ),
            layers.Dense(4),
        ]), "A layer name longer than its column", {}
    if case == "custom_name":
        return keras.Sequential(
            [keras.Input((8,)), layers.Dense(4)], name="my_classifier"
        ), "A custom model name", {}
    if case == "long_model_name":
        return keras.Sequential(
            [keras.Input((8,)), layers.Dense(4)],
            name="a_model_with_a_rather_long_name_that_wraps",
        ), "A model name that wraps on narrow terminals", {}
    if case == "unbuilt":
        return keras.Sequential([
            layers.Dense(64, activation="relu"),
            layers.Dense(10),
        ]), "Sequential without Input: ? shapes and 0 (unbuilt)", {}
    if case == "unbuilt_kinds":
        # Keras builds weightless layers without a build step at creation: they show 0.
        return keras.Sequential([
            layers.Dense(3), layers.Dropout(0.5), layers.Masking(), layers.Activation("relu"),
            layers.Reshape((3, 1)), layers.MaxPooling1D(1), layers.AveragePooling1D(1),
            layers.Flatten(), layers.Permute((1,)), layers.Lambda(lambda x: x),
            layers.Conv1D(2, 1), layers.LSTM(2), layers.SimpleRNN(2), layers.MaxPooling2D(),
            layers.AveragePooling2D(2), layers.Conv2D(2, 2),
        ]), "Sequential without Input: 0 for the layers Keras builds at creation", {}
    if case == "dense_3d":
        return keras.Sequential([
            keras.Input((10, 16)),
            layers.Dense(8),
        ]), "Dense on a 3-D input", {}
    if case == "frozen":
        return _frozen(keras, layers), "trainable=False Dense and BatchNormalization", {}
    if case == "frozen_show_trainable":
        return _frozen(keras, layers), "show_trainable=True", {"show_trainable": True}
    if case == "big_params":
        return keras.Sequential([
            keras.Input((4096,)),
            layers.Dense(4096),
            layers.Dense(1000),
        ]), "Millions of params: MB sizes and wide counts", {}
    if case == "compiled_fitted":
        model = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((2, 4)), np.zeros((2, 3)), verbose=0)
        return model, "After compile+fit: Optimizer params line", {}
    if case == "empty":
        return keras.Sequential([keras.Input((4,))]), "Only an Input: no rows", {}
    raise SystemExit(f"unknown case {case}")


def _frozen(keras, layers):
    return keras.Sequential([
        keras.Input((16,)),
        layers.Dense(32, activation="relu", trainable=False),
        layers.BatchNormalization(),
        layers.Dropout(0.2),
        layers.Dense(2),
    ])


CASES = [
    "mlp", "mnist_convnet", "lstm_sequences", "lstm_state", "long_names",
    "custom_name", "long_model_name", "unbuilt", "unbuilt_kinds", "dense_3d", "frozen",
    "frozen_show_trainable", "big_params", "compiled_fitted", "empty",
]


def describe(model):
    """The model in klayers' SummaryModel form, read from Keras itself."""
    from keras.src.utils.summary_utils import count_params

    def output_shape(layer):
        if not layer._inbound_nodes:
            return None
        out = layer.output
        if isinstance(out, (list, tuple)):
            return [list(t.shape) for t in out]
        return list(out.shape)

    rows = [{
        "name": layer.name,
        "className": layer.__class__.__name__,
        "outputShape": output_shape(layer),
        "params": layer.count_params() if layer.built else 0,
        "trainable": bool(layer.trainable),
        "built": bool(layer.built),
    } for layer in model.layers]
    result = {
        "name": model.name,
        "rows": rows,
        "built": bool(model.built),
        "trainableParams": count_params(model.trainable_weights),
        "nonTrainableParams": count_params(model.non_trainable_weights),
    }
    if model.compiled and model.optimizer and model.optimizer.built:
        result["optimizerParams"] = count_params(model.optimizer.variables)
    return result


def child(case, describe_path):
    model, description, kwargs = build_case(case)
    sys.stdout.flush()
    model.summary(**kwargs)
    sys.stdout.flush()
    import keras
    Path(describe_path).write_text(json.dumps({
        "description": description,
        "summaryKwargs": kwargs,
        "keras": keras.__version__,
        "model": describe(model),
    }))


def run_one(case, columns):
    describe_path = f"/tmp/klayers-summary-{case}-{columns}.json"
    env = dict(os.environ, COLUMNS=str(columns), LINES="50", KERAS_BACKEND="jax")
    env.pop("FORCE_COLOR", None)
    proc = subprocess.run(
        [sys.executable, __file__, "--case", case, "--columns", str(columns),
         "--describe", describe_path],
        env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1]
        return case, columns, None, last, None
    meta = json.loads(Path(describe_path).read_text())
    os.remove(describe_path)
    return case, columns, proc.stdout, None, meta


def main(selected):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    cases = selected or CASES
    jobs = [(case, w) for case in cases for w in WIDTHS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda job: run_one(*job), jobs))
    for case in cases:
        outputs, errors, meta = {}, {}, None
        for c, w, text, err, m in results:
            if c != case:
                continue
            outputs[str(w)] = text
            if err:
                errors[str(w)] = err
            if m is not None:
                if meta is not None and m["model"] != meta["model"]:
                    raise SystemExit(f"{case}: model differs between widths")
                meta = meta or m
        if meta is None:
            raise SystemExit(f"{case}: every width failed: {errors}")
        golden = {"case": case, **meta, "outputs": outputs}
        if errors:
            golden["errors"] = errors
        path = OUT_DIR / f"{case}.json"
        path.write_text(json.dumps(golden, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--case":
        child(args[1], args[5])
    else:
        main(args)
