"""Writes test/lambda/golden.json: Keras 3 shapes and values for Lambda expressions.

Each case pairs a klayers expression with the Python a Keras user would write for it. Shapes come
from symbolic KerasTensors (batch None); values from a fixed input. Run:
  KERAS_BACKEND=jax /tmp/kvenv/bin/python test/lambda/golden.py
"""
import json, os
import numpy as np
import keras
from keras import ops, layers

CASES = [
    ("x * 2 + 1", "x * 2 + 1"),
    ("-x ** 2", "-x ** 2"),
    ("2 ** -x", "2 ** -x"),
    ("x / 4 - 1", "x / 4 - 1"),
    ("x > 0", "ops.cast(x > 0, 'float32')"),
    ("x <= 0.5", "ops.cast(x <= 0.5, 'float32')"),
    ("x == 0", "ops.cast(ops.equal(x, 0), 'float32')"),
    ("x != 0", "ops.cast(ops.not_equal(x, 0), 'float32')"),
    ("abs(x)", "ops.abs(x)"),
    ("exp(x)", "ops.exp(x)"),
    ("log(abs(x) + 1)", "ops.log(ops.abs(x) + 1)"),
    ("sqrt(abs(x))", "ops.sqrt(ops.abs(x))"),
    ("square(x)", "ops.square(x)"),
    ("tanh(x)", "ops.tanh(x)"),
    ("sigmoid(x)", "ops.sigmoid(x)"),
    ("relu(x)", "ops.relu(x)"),
    ("softplus(x)", "ops.softplus(x)"),
    ("sin(x)", "ops.sin(x)"),
    ("cos(x)", "ops.cos(x)"),
    ("sign(x)", "ops.sign(x)"),
    ("floor(x)", "ops.floor(x)"),
    ("ceil(x)", "ops.ceil(x)"),
    ("round(x)", "ops.round(x)"),
    ("negative(x)", "ops.negative(x)"),
    ("reciprocal(x + 10)", "ops.reciprocal(x + 10)"),
    ("log1p(abs(x))", "ops.log1p(ops.abs(x))"),
    ("expm1(x)", "ops.expm1(x)"),
    ("relu6(x * 3)", "ops.relu6(x * 3)"),
    ("elu(x)", "ops.elu(x)"),
    ("selu(x)", "ops.selu(x)"),
    ("softsign(x)", "ops.softsign(x)"),
    ("silu(x)", "ops.silu(x)"),
    ("gelu(x)", "ops.gelu(x)"),
    ("hard_sigmoid(x)", "ops.hard_sigmoid(x)"),
    ("clip(x, 0, 1)", "ops.clip(x, 0, 1)"),
    ("clip(x, -0.5, 1 - 0.25)", "ops.clip(x, -0.5, 0.75)"),
    ("maximum(x, 0.3)", "ops.maximum(x, 0.3)"),
    ("minimum(x, x[:, :1])", "ops.minimum(x, x[:, :1])"),
    ("power(abs(x), 1.5)", "ops.power(ops.abs(x), 1.5)"),
    ("pow(x, 2)", "ops.power(x, 2)"),
    ("where(x > 0, x, 0)", "ops.where(x > 0, x, 0)"),
    ("where(x, 1, -1)", "ops.where(ops.not_equal(x, 0), 1.0, -1.0)"),
    ("mean(x, axis=1)", "ops.mean(x, axis=1)"),
    ("mean(x, axis=-1, keepdims=True)", "ops.mean(x, axis=-1, keepdims=True)"),
    ("mean(x)", "ops.mean(x)"),
    ("sum(x, axis=(1, 2))", "ops.sum(x, axis=(1, 2))"),
    ("max(x, axis=1)", "ops.max(x, axis=1)"),
    ("min(x, axis=2, keepdims=True)", "ops.min(x, axis=2, keepdims=True)"),
    ("prod(x, axis=1)", "ops.prod(x, axis=1)"),
    ("std(x, axis=-1)", "ops.std(x, axis=-1)"),
    ("var(x, axis=1)", "ops.var(x, axis=1)"),
    ("logsumexp(x, axis=-1)", "ops.logsumexp(x, axis=-1)"),
    ("argmax(x, axis=-1)", "ops.cast(ops.argmax(x, axis=-1), 'float32')"),
    ("argmin(x, axis=1, keepdims=True)", "ops.cast(ops.argmin(x, axis=1, keepdims=True), 'float32')"),
    ("argmax(x)", "ops.cast(ops.argmax(x), 'float32')"),
    ("softmax(x)", "ops.softmax(x)"),
    ("softmax(x, axis=1)", "ops.softmax(x, axis=1)"),
    ("log_softmax(x, axis=-1)", "ops.log_softmax(x, axis=-1)"),
    ("l2_normalize(x)", "x / ops.sqrt(ops.maximum(ops.sum(x ** 2, axis=-1, keepdims=True), 1e-12))"),
    ("cumsum(x, axis=1)", "ops.cumsum(x, axis=1)"),
    ("cumsum(x[0])", "ops.cumsum(x[0])"),
    ("reshape(x, (4, 3))", "layers.Reshape((4, 3))(x)"),
    ("reshape(x, (-1, 2))", "layers.Reshape((-1, 2))(x)"),
    ("flatten(x)", "layers.Flatten()(x)"),
    ("permute(x, (2, 1))", "layers.Permute((2, 1))(x)"),
    ("transpose(x, (0, 2, 1))", "ops.transpose(x, (0, 2, 1))"),
    ("transpose(x)", "ops.transpose(x)"),
    ("expand_dims(x, 1)", "ops.expand_dims(x, 1)"),
    ("expand_dims(x, axis=-1)", "ops.expand_dims(x, axis=-1)"),
    ("squeeze(x[:, :1], axis=1)", "ops.squeeze(x[:, :1], axis=1)"),
    ("squeeze(x[:, :1])", "ops.squeeze(x[:, :1], axis=1)"),
    ("concatenate([x, square(x)], axis=-1)", "ops.concatenate([x, ops.square(x)], axis=-1)"),
    ("concatenate([x, x[:, :1]], axis=1)", "ops.concatenate([x, x[:, :1]], axis=1)"),
    ("stack([x, x * 2])", "ops.stack([x, x * 2], axis=-1)"),
    ("stack([x, x * 2], axis=1)", "ops.stack([x, x * 2], axis=1)"),
    ("x[:, -1]", "x[:, -1]"),
    ("x[:, 1:3]", "x[:, 1:3]"),
    ("x[..., 0]", "x[..., 0]"),
    ("x[:, ::2]", "x[:, ::2]"),
    ("x[:, :, ::-1]", "x[:, :, ::-1]"),
    ("x[:, None]", "x[:, None]"),
    ("x[:, 1:, -3:-1]", "x[:, 1:, -3:-1]"),
    ("x[:, 5:]", "x[:, 5:]"),
    ("x[:, ::-2, 1::2]", "x[:, ::-2, 1::2]"),
    ("mean(x, axis=1)[:, 0]", "ops.mean(x, axis=1)[:, 0]"),
    ("x - mean(x, axis=-1, keepdims=True)", "x - ops.mean(x, axis=-1, keepdims=True)"),
    ("x * (x > 0) + 0.1 * x * (x <= 0)", "x * ops.cast(x > 0, 'float32') + 0.1 * x * ops.cast(x <= 0, 'float32')"),
]

def main():
    x_value = ((np.arange(24, dtype='float32') - 10) / 4).reshape(2, 3, 4)
    symbolic = keras.KerasTensor((None, 3, 4))
    out = {"input": x_value.tolist(), "cases": []}
    for ours, python in CASES:
        shape = eval(python, {"ops": ops, "layers": layers, "x": symbolic}).shape
        value = np.asarray(eval(python, {"ops": ops, "layers": layers, "x": x_value}), dtype='float64')
        out["cases"].append({"expression": ours, "keras": python, "shape": list(shape), "value": value.tolist()})
    path = os.path.join(os.path.dirname(__file__), "golden.json")
    with open(path, "w") as f:
        json.dump(out, f)
    print(f"wrote {len(CASES)} cases to {path}")

main()
