"""Golden shapes, weights and configs for the conv, pooling and recurrent layers, from real Keras 3.

Run from the repo root:
    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/conv_rnn_shapes.py

Writes test/golden/conv-rnn-shapes.json, read by test/layers/{conv,pool,rnn}-*.test.ts.
Each case builds the layer on keras.Input(shape) and records what Keras reports: the output
shape(s), each weight's name and shape, count_params(), and the layer's get_config() values for
simple (non-dict) keys, i.e. the normalized arguments. Cases Keras rejects record the error.
"""
import functools
import inspect
import itertools
import json
import os
import re

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "golden", "conv-rnn-shapes.json")


def plain(value):
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    return value


def simple_config(layer, kwargs):
    """Normalized values of the arguments given or changed from the defaults (not dict-valued)."""
    skip = {"name", "trainable", "dtype"}
    defaults = DEFAULT_CONFIGS[type(layer).__name__]
    return {
        k: plain(v)
        for k, v in layer.get_config().items()
        if k not in skip and not isinstance(v, dict) and (k in kwargs or plain(v) != defaults.get(k))
    }


def first_line(error):
    """The error's first meaningful line, without the ANSI bold Keras adds around call errors."""
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in str(error).splitlines() if line.strip()]
    return next((line for line in lines if "Exception encountered" not in line), lines[0])


def both_above_one(strides, dilation):
    """Keras rejects strides > 1 with dilation > 1; the grids keep only a few explicit such cases."""
    as_list = lambda v: list(v) if isinstance(v, tuple) else [v]
    return max(as_list(strides)) > 1 and max(as_list(dilation)) > 1


def run_case(cls_name, kwargs, input_shape, batch_size=None):
    case = {"layer": cls_name, "kwargs": kwargs, "input_shape": [batch_size] + list(input_shape)}
    try:
        layer = getattr(keras.layers, cls_name)(**kwargs)
    except Exception as e:  # rejected when constructed
        case["error"] = {"stage": "construct", "message": first_line(e)}
        return case
    case["config"] = simple_config(layer, kwargs)
    try:
        out = layer(keras.Input(shape=input_shape, batch_size=batch_size))
    except Exception as e:  # rejected when built on this input
        case["error"] = {"stage": "call", "message": first_line(e)}
        return case
    shapes = [list(t.shape) for t in out] if isinstance(out, (list, tuple)) else list(out.shape)
    case["output_shape"] = shapes
    case["weights"] = [{"name": w.name, "shape": list(w.shape)} for w in layer.weights]
    case["params"] = layer.count_params()
    return case


def conv_cases():
    cases = []
    for kernel, strides, padding, dilation, fmt in itertools.product(
        [1, 3, (3, 1), 5], [1, 2, (2, 1)], ["valid", "same"], [1, 2], ["channels_last", "channels_first"]
    ):
        if both_above_one(strides, dilation):
            continue
        kw = dict(filters=4, kernel_size=kernel, strides=strides, padding=padding, dilation_rate=dilation, data_format=fmt)
        shape = (9, 7, 3) if fmt == "channels_last" else (3, 9, 7)
        cases.append(run_case("Conv2D", kw, shape))
    for kernel, strides, padding, dilation, fmt in itertools.product(
        [1, 3, 4], [1, 3], ["valid", "same", "causal"], [1, 3], ["channels_last", "channels_first"]
    ):
        if both_above_one(strides, dilation):
            continue
        kw = dict(filters=5, kernel_size=kernel, strides=strides, padding=padding, dilation_rate=dilation, data_format=fmt)
        shape = (11, 2) if fmt == "channels_last" else (2, 11)
        cases.append(run_case("Conv1D", kw, shape))
    cases += [
        run_case("Conv2D", dict(filters=32, kernel_size=3), (28, 28, 1)),
        run_case("Conv2D", dict(filters=6, kernel_size=3, groups=2, use_bias=False), (8, 8, 4)),
        run_case("Conv2D", dict(filters=8, kernel_size=(2, 3), groups=4, padding="same"), (5, 6, 4)),
        run_case("Conv2D", dict(filters=2, kernel_size=3), (None, None, 3)),
        run_case("Conv2D", dict(filters=2, kernel_size=3, strides=2), (None, 10, 3)),
        run_case("Conv1D", dict(filters=3, kernel_size=2, padding="causal", dilation_rate=4), (None, 6)),
        run_case("Conv1D", dict(filters=3, kernel_size=5, use_bias=False), (100, 16)),
        # rejected by Keras
        run_case("Conv2D", dict(filters=2, kernel_size=3), (2, 2, 1)),
        run_case("Conv2D", dict(filters=2, kernel_size=3), (3, 2, 1)),
        run_case("Conv2D", dict(filters=2, kernel_size=3, dilation_rate=2), (4, 4, 1)),
        run_case("Conv1D", dict(filters=2, kernel_size=4), (3, 1)),
        run_case("Conv2D", dict(filters=2, kernel_size=3, strides=2, dilation_rate=2), (9, 9, 1)),
        run_case("Conv1D", dict(filters=2, kernel_size=3, strides=2, dilation_rate=2), (9, 1)),
        run_case("Conv2D", dict(filters=3, kernel_size=3, groups=2), (8, 8, 4)),
        run_case("Conv2D", dict(filters=4, kernel_size=3, groups=2), (8, 8, 3)),
        run_case("Conv2D", dict(filters=2, kernel_size=3), (64,)),
        run_case("Conv1D", dict(filters=2, kernel_size=3), (64,)),
        run_case("Conv2D", dict(filters=0, kernel_size=3), (8, 8, 1)),
        run_case("Conv2D", dict(filters=2, kernel_size=0), (8, 8, 1)),
    ]
    return cases


def pool_cases():
    cases = []
    for cls in ["MaxPooling2D", "AveragePooling2D"]:
        for pool, strides, padding, fmt in itertools.product(
            [2, 3, (2, 3)], [None, 1, 2, (1, 2)], ["valid", "same"], ["channels_last", "channels_first"]
        ):
            shape = (9, 7, 3) if fmt == "channels_last" else (3, 9, 7)
            kw = dict(pool_size=pool, strides=strides, padding=padding, data_format=fmt)
            cases.append(run_case(cls, kw, shape))
        cases.append(run_case(cls, dict(pool_size=2), (None, 5, 2)))
        cases.append(run_case(cls, dict(pool_size=3), (2, 2, 1)))
        cases.append(run_case(cls, dict(pool_size=2), (64,)))
    for cls in ["MaxPooling1D", "AveragePooling1D"]:
        for pool, strides, padding, fmt in itertools.product(
            [1, 2, 3], [None, 1, 2], ["valid", "same"], ["channels_last", "channels_first"]
        ):
            shape = (10, 4) if fmt == "channels_last" else (4, 10)
            kw = dict(pool_size=pool, strides=strides, padding=padding, data_format=fmt)
            cases.append(run_case(cls, kw, shape))
        cases.append(run_case(cls, dict(pool_size=2), (None, 3)))
        cases.append(run_case(cls, dict(pool_size=4), (3, 1)))
        cases.append(run_case(cls, dict(pool_size=2), (4, 4, 1)))
    cases.append(run_case("MaxPooling2D", {}, (6, 6, 1)))
    cases.append(run_case("MaxPooling1D", {}, (6, 1)))
    return cases


def rnn_cases():
    cases = []
    for cls, units, shape, seq, state in itertools.product(
        ["SimpleRNN", "LSTM"], [1, 3, 8], [(5, 2), (None, 7), (10, 1)], [False, True], [False, True]
    ):
        cases.append(run_case(cls, dict(units=units, return_sequences=seq, return_state=state), shape))
    for cls in ["SimpleRNN", "LSTM"]:
        cases.append(run_case(cls, dict(units=4, use_bias=False), (6, 3)))
        cases.append(run_case(cls, dict(units=4, stateful=True), (6, 3), batch_size=16))
        cases.append(run_case(cls, dict(units=4, stateful=True), (6, 3)))
        cases.append(run_case(cls, dict(units=4), (64,)))
        cases.append(run_case(cls, dict(units=4), (4, 4, 1)))
        cases.append(run_case(cls, dict(units=0), (6, 3)))
    return cases


@functools.lru_cache(maxsize=None)
def default_layers():
    """Built once, first, so their auto-names are Keras's bare prefixes (`conv2d`, not `conv2d_1`)."""
    return {
        "Conv1D": keras.layers.Conv1D(2, 3), "Conv2D": keras.layers.Conv2D(2, 3),
        "MaxPooling1D": keras.layers.MaxPooling1D(), "MaxPooling2D": keras.layers.MaxPooling2D(),
        "AveragePooling1D": keras.layers.AveragePooling1D(2), "AveragePooling2D": keras.layers.AveragePooling2D(2),
        "SimpleRNN": keras.layers.SimpleRNN(3), "LSTM": keras.layers.LSTM(3),
    }


def defaults():
    result = {}
    for name, layer in default_layers().items():
        config = {k: plain(v) for k, v in layer.get_config().items() if k not in ("trainable", "dtype")}
        for k, v in config.items():
            if isinstance(v, dict):  # initializer: keep class name and config
                config[k] = {"class_name": v["class_name"], "config": v["config"]}
        result[name] = config
    return result


def signatures():
    """Constructor parameter names in order, without self/name/**kwargs."""
    return {
        name: [p for p in inspect.signature(getattr(keras.layers, name).__init__).parameters if p not in ("self", "name", "kwargs")]
        for name in default_layers()
    }


DEFAULT_CONFIGS = {}


def main():
    DEFAULT_CONFIGS.update({n: {k: plain(v) for k, v in l.get_config().items()} for n, l in default_layers().items()})
    data = {
        "keras_version": keras.__version__,
        "defaults": defaults(),
        "signatures": signatures(),
        "conv": conv_cases(),
        "pool": pool_cases(),
        "rnn": rnn_cases(),
    }
    # One case per line keeps the file small and its diffs readable.
    with open(OUT, "w") as f:
        f.write("{\n")
        f.write(f' "keras_version": {json.dumps(data["keras_version"])},\n')
        f.write(f' "defaults": {json.dumps(data["defaults"], indent=1)},\n')
        f.write(f' "signatures": {json.dumps(data["signatures"], indent=1)},\n')
        for i, group in enumerate(["conv", "pool", "rnn"]):
            rows = ",\n  ".join(json.dumps(case) for case in data[group])
            f.write(f' "{group}": [\n  {rows}\n ]{"," if i < 2 else ""}\n')
        f.write("}\n")
    counts = {k: len(v) for k, v in data.items() if isinstance(v, list)}
    print(f"wrote {os.path.normpath(OUT)}: {counts}")


if __name__ == "__main__":
    main()
