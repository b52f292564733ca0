"""Forward outputs and one SGD step of a golden model, from real Keras 3 (used by architectures.py).

Weights and inputs are not Keras's random draws but deterministic values both sides can compute
exactly: `hash_uniform(seed, n)` maps each index through a 32-bit integer hash (murmur3's
finalizer) to a float64 in [-1, 1) with 24 significant bits, times a scale, rounded to float32.
The golden file stores only (seed, scale) per weight plus a checksum, so even the 670k-weight MNIST
MLP costs a few bytes; test/golden/forward/deterministic.ts recomputes the same float32 values and
checks the checksum before loading them. Outputs, targets and losses are stored as computed by
Keras (outputs as base64 little-endian float32).
"""

import base64
import math

import numpy as np

MASK = 0xFFFFFFFF
BATCH = 3  # unless the Input fixes the batch size
FREE_DIM = 7  # a None (variable) axis of the Input gets this length
INPUT_SEED = 7
TARGET_SEED = 11


def hash_uniform(seed, n):
    """n floats in [-1, 1): exact in float64 and in float32 (24 significant bits)."""
    h = (np.arange(n, dtype=np.uint64) + np.uint64((seed * 0x9E3779B9) & MASK)) & np.uint64(MASK)
    h ^= h >> np.uint64(16)
    h = (h * np.uint64(0x85EBCA6B)) & np.uint64(MASK)
    h ^= h >> np.uint64(13)
    h = (h * np.uint64(0xC2B2AE35)) & np.uint64(MASK)
    h ^= h >> np.uint64(16)
    return (h >> np.uint64(8)).astype(np.float64) / 16777216.0 * 2.0 - 1.0


def deterministic(seed, shape, scale):
    n = int(np.prod(shape)) if len(shape) else 1
    return (hash_uniform(seed, n) * scale).astype(np.float32).reshape(shape)


def weight_scale(shape):
    """Variance-preserving for kernels (fan_in = all axes but the last); 0.2 for biases."""
    if len(shape) < 2:
        return 0.2
    return math.sqrt(3.0 / int(np.prod(shape[:-1])))


def b64(array):
    return base64.b64encode(np.ascontiguousarray(array, dtype="<f4").tobytes()).decode("ascii")


def checksum(values):
    flat = values.astype(np.float64).ravel()
    return {"sum": float(flat.sum()), "abs_sum": float(np.abs(flat).sum()), "first": [float(v) for v in flat[:3]]}


def fill_weights(model):
    """Give every weight its deterministic values; returns {layer name: [weight specs]}."""
    specs = {}
    for li, layer in enumerate(model.layers):
        entries = []
        values = []
        for wi, w in enumerate(layer.weights):
            shape = [int(d) for d in w.shape]
            seed, scale = 1000 * (li + 1) + wi, weight_scale(shape)
            v = deterministic(seed, shape, scale)
            values.append(v)
            entries.append({"path": w.path, "shape": shape, "seed": seed, "scale": scale, "checksum": checksum(v)})
        if entries:
            layer.set_weights(values)  # assign: Keras applies no constraint here
            specs[layer.name] = entries
    return specs


def masking_of(case, model):
    """(mask_value) when the model starts with Masking (then padded steps reach it intact)."""
    first = model.layers[0]
    return float(first.mask_value) if first.__class__.__name__ == "Masking" else None


def input_batch(model, case):
    batch_shape = list(model.inputs[0].shape)
    batch = batch_shape[0] or BATCH
    shape = [batch] + [d or FREE_DIM for d in batch_shape[1:]]
    x = deterministic(INPUT_SEED, shape, 1.0)
    mask_value = masking_of(case, model)
    masked = []
    if mask_value is not None:
        steps = shape[1]
        # Sample 0: a step in the middle and the last one padded; sample 1: its last 3 steps;
        # any further sample: none.
        padded = {0: [1, steps - 1], 1: list(range(steps - 3, steps))}
        for b in range(batch):
            rows = padded.get(b, [])
            for t in rows:
                x[b, t, ...] = mask_value
            masked.append(rows)
    dtype = model.inputs[0].dtype
    if "int" in str(dtype):
        x = np.round(x * 10).astype(np.int32)
    return x, {"shape": shape, "seed": INPUT_SEED, "scale": 1.0, "dtype": str(dtype),
               "int_scale": 10 if "int" in str(dtype) else None, "masked_steps": masked,
               "mask_value": mask_value, "checksum": checksum(np.asarray(x, dtype=np.float32))}


def as_list(outputs):
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def forward_record(model, case):
    weights = fill_weights(model)
    x, spec = input_batch(model, case)
    outputs = [np.asarray(o, dtype=np.float32) for o in as_list(model(x, training=False))]
    return {
        "weights": weights,
        "input": spec,
        "outputs": [{"shape": list(o.shape), "values": b64(o)} for o in outputs],
    }, x


def targets(model, loss, output_shape):
    if loss in ("categorical_crossentropy",):
        classes = output_shape[-1]
        y = np.zeros(output_shape, dtype=np.float32)
        flat = y.reshape(-1, classes)
        for r in range(flat.shape[0]):
            flat[r, (r * 7 + 1) % classes] = 1.0
        return y
    if loss == "binary_crossentropy":
        return (deterministic(TARGET_SEED, output_shape, 1.0) > 0).astype(np.float32)
    return deterministic(TARGET_SEED, output_shape, 1.0)


def train_record(model, case, x):
    """Loss before and after one plain SGD step (no momentum), as Keras reports them."""
    import keras

    train = case["train"]
    out = model(x, training=False)
    y = targets(model, train["loss"], list(np.asarray(out).shape))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=train["learning_rate"]), loss=train["loss"])
    before = float(model.test_on_batch(x, y))
    step_loss = float(model.train_on_batch(x, y))
    after = float(model.test_on_batch(x, y))
    return {
        "loss": train["loss"],
        "learning_rate": train["learning_rate"],
        "y": {"shape": list(y.shape), "values": b64(y)},
        "before": before,
        "train_on_batch": step_loss,
        "after": after,
    }
