"""Golden mask propagation through every catalog layer, from real Keras 3.

Regenerate (needs the Keras venv; see README.md in this folder):

    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/masks.py

Each case starts with Masking, puts one or more layers after it and ends with a layer that reads
the mask (LSTM or SimpleRNN) or with Dense. Keras passes the mask through some layers (Dense,
Activation, Dropout, RNNs with return_sequences=True), computes a new one in Masking, and drops
it in every other layer with a UserWarning ("... will therefore destroy the mask information"),
after which the RNN sees no mask. For every case the script records, as Keras reports them:

- the warnings each line prints (once per message, as Python's default warning filter shows
  them; a Sequential model with an Input is rebuilt at each `add`, so the warning appears on the
  line that adds the layer);
- per layer its name, class, output shape and whether its output carries a mask;
- forward.py's deterministic weights and the outputs of `model(x, training=False)` for a batch of
  four samples: two partly masked (sample 0: a middle and the last step; sample 1: the last
  three), one fully masked, one not masked at all.

`lines` are the klayers lines; `keras_lines` (when present) are the same model in Python, for the
Lambda whose klayers form is an expression string. Output: test/golden/masks.json, read by
test/golden/masks.test.ts.
"""

import json
import sys
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from architectures import REPO, output_shape, user_namespace  # noqa: E402
from forward import INPUT_SEED, b64, checksum, deterministic, fill_weights, train_record  # noqa: E402

OUT = REPO / "test" / "golden" / "masks.json"
SEQ = "Input(shape=(8, 2))"
IMG = "Input(shape=(8, 4, 2))"


def case(slug, lines, keras_lines=None):
    return {"slug": slug, "lines": lines, **({"keras_lines": keras_lines} if keras_lines else {})}


def through(slug, middle, last="LSTM(2)", first=SEQ):
    return case(slug, [first, "Masking()", *middle, last])


CASES = [
    # Layers that pass the mask on: the RNN skips the masked steps.
    through("dense_lstm", ["Dense(3)"]),
    through("activation_lstm", ["Activation('tanh')"]),
    through("dropout_lstm", ["Dropout(0.5)"]),
    through("dense_dropout_activation_simple_rnn", ["Dense(4)", "Dropout(0.25)", "Activation('relu')"], "SimpleRNN(3)"),
    through("masking_again_lstm", ["Dense(2)", "Masking(mask_value=0.5)"]),
    through("simple_rnn_sequences_lstm", ["SimpleRNN(4, return_sequences=True)"]),
    through("lstm_sequences_dense", ["LSTM(3, return_sequences=True)"], "Dense(2)"),
    through("lstm_last_dense", [], "LSTM(3)"),
    # Layers that destroy it: a warning, and the RNN reads every step.
    through("conv1d_same_lstm", ["Conv1D(3, 3, padding='same')"]),
    through("conv1d_valid_simple_rnn", ["Conv1D(3, 3)"], "SimpleRNN(2)"),
    through("max_pooling1d_1_lstm", ["MaxPooling1D(1)"]),
    through("max_pooling1d_2_lstm", ["MaxPooling1D(2)"]),
    through("average_pooling1d_lstm", ["AveragePooling1D(2, strides=1, padding='same')"]),
    through("reshape_lstm", ["Reshape((4, 4))"]),
    through("permute_lstm", ["Permute((2, 1))"]),
    through("flatten_reshape_lstm", ["Flatten()", "Reshape((8, 2))"]),
    case("lambda_lstm", [SEQ, "Masking()", "Lambda('x * 2')", "LSTM(2)"],
         [SEQ, "Masking()", "Lambda(lambda x: x * 2)", "LSTM(2)"]),
    # Lambda's arguments= (Keras calls function(x, **arguments)); the same line in both.
    through("lambda_arguments_lstm", ["Lambda(lambda x, s: x * s, arguments={'s': 3.0})"]),
    through("dense_conv1d_lstm", ["Dense(3)", "Conv1D(2, 2, padding='same')"]),
    # Not Reshape((8, 3)): on JAX a reshape to the same shape returns its input array itself, which
    # still carries the mask (the TensorFlow backend makes a new tensor, and the mask is gone).
    through("lstm_sequences_reshape_lstm", ["LSTM(3, return_sequences=True)", "Reshape((4, 6))"]),
    through("conv1d_masking_lstm", ["Conv1D(2, 3, padding='same')", "Masking()"]),
    through("conv1d_pooling_lstm", ["Conv1D(3, 3, padding='same')", "MaxPooling1D(2)"]),
    through("conv2d_reshape_lstm", ["Conv2D(2, (3, 3), padding='same')", "Reshape((8, 8))"], first=IMG),
    through("max_pooling2d_reshape_lstm", ["MaxPooling2D((1, 2))", "Reshape((8, 4))"], first=IMG),
    through("average_pooling2d_reshape_lstm", ["AveragePooling2D((1, 2))", "Reshape((8, 4))"], first=IMG),
    through("dense4d_reshape_simple_rnn", ["Dense(3)", "Reshape((8, 12))"], "SimpleRNN(2)", first=IMG),
    case("keras2_input_shape_conv1d_lstm", ["Masking(input_shape=(8, 2))", "Conv1D(3, 3, padding='same')", "LSTM(2)"]),
]

# Cases that also take one SGD step (mse): the training path must see the same masks, and
# where the model's output carries a mask (an RNN with return_sequences=True, then Dense), Keras
# leaves the masked steps out of the loss.
TRAIN = {"dense_lstm", "conv1d_same_lstm", "reshape_lstm", "lstm_sequences_dense", "simple_rnn_sequences_lstm"}

# Per sample, the masked steps (sample 2: every step; sample 3: none).
STEPS = 8
MASKED = [[1, STEPS - 1], [STEPS - 3, STEPS - 2, STEPS - 1], list(range(STEPS)), []]


def input_batch(model):
    shape = [len(MASKED)] + [int(d) for d in model.inputs[0].shape[1:]]
    x = deterministic(INPUT_SEED, shape, 1.0)
    mask_value = float(model.layers[0].mask_value)
    for b, rows in enumerate(MASKED):
        for t in rows:
            x[b, t, ...] = mask_value
    return x, {"shape": shape, "seed": INPUT_SEED, "scale": 1.0, "dtype": "float32", "int_scale": None,
               "masked_steps": MASKED, "mask_value": mask_value, "checksum": checksum(x)}


def has_mask(layer):
    out = layer.output
    first = out[0] if isinstance(out, (list, tuple)) else out
    return getattr(first, "_keras_mask", None) is not None


def record(c):
    """What Keras prints and computes for one case, in a session whose names start afresh."""
    import keras

    keras.utils.clear_session()  # names restart at `masking`, `lstm`, ... as in a fresh process
    lines = c.get("keras_lines", c["lines"])
    shown = set()  # Python's default filter shows each message once
    per_line = []
    model = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ns = {}
        for line in lines:
            start = len(caught)
            model = add_line(ns, line)
            new = []
            for w in caught[start:]:
                text = str(w.message)
                if issubclass(w.category, UserWarning) and text not in shown:
                    shown.add(text)
                    new.append(text)
            per_line.append(new)
    weights = fill_weights(model)
    x, spec = input_batch(model)
    with warnings.catch_warnings(record=True) as late:
        warnings.simplefilter("always")
        out = model(x, training=False)
    late_new = sorted({str(w.message) for w in late} - shown)
    outputs = out if isinstance(out, (list, tuple)) else [out]
    outputs = [np.asarray(o, dtype=np.float32) for o in outputs]
    train = train_record(model, {"train": {"loss": "mse", "learning_rate": 0.1}}, x) if c["slug"] in TRAIN else None
    return {
        "slug": c["slug"],
        "keras": keras.__version__,
        "backend": keras.backend.backend(),
        "lines": c["lines"],
        "warnings": per_line,
        # Messages the call itself adds (none: the model was built with its mask already).
        "warnings_at_call": late_new,
        "layers": [{"name": l.name, "class_name": l.__class__.__name__, "output_shape": output_shape(l),
                    "output_mask": has_mask(l)} for l in model.layers],
        "forward": {"weights": weights, "input": spec,
                    "outputs": [{"shape": list(o.shape), "values": b64(o)} for o in outputs]},
        **({"train": train} if train else {}),
    }


def add_line(ns, line):
    """One klayers line into the model in `ns`, as architectures.run_lines does for a list."""
    import ast
    import keras

    if not ns:
        ns.update(user_namespace())
    stmt = ast.parse(line).body[0]
    value = eval(compile(ast.Expression(stmt.value), "<line>", "eval"), ns)
    if "model" not in ns:
        ns["model"] = keras.Sequential()
    ns["model"].add(value)
    return ns["model"]


def main():
    records = []
    for c in CASES:
        records.append(record(c))
        print(f"ok   {c['slug']}: {sum(len(w) for w in records[-1]['warnings'])} warning(s)")
    OUT.write_text(json.dumps({"cases": records}, indent=1) + "\n")


if __name__ == "__main__":
    main()
