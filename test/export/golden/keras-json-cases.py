"""Writes keras-json-cases.json: model.to_json() of several models, compiled or not, from real Keras.

Each case is the klayers lines (evaluated here as Python, as scripts/keras-golden/architectures.py
does), optionally a klayers `compile` line and the same compile as Python keyword arguments. One
process; keras.utils.clear_session() before each case so names restart at `dense`.
Read by test/export/keras-json-cases.test.ts. Run:
  KERAS_BACKEND=jax /tmp/kvenv/bin/python test/export/golden/keras-json-cases.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "scripts", "keras-golden"))
from architectures import run_lines  # noqa: E402

import keras  # noqa: E402

CASES = [
    {"slug": "mlp_sgd_no_metrics",
     "lines": ["Input(shape=(4,))", "Dense(8, activation='relu')", "Dropout(0.5)", "Dense(3, activation='softmax')"],
     "compile": "compile optimizer=SGD(learning_rate=0.1) loss=categorical_crossentropy",
     "keras_compile": "optimizer=keras.optimizers.SGD(learning_rate=0.1), loss='categorical_crossentropy'"},
    {"slug": "convnet_adam_accuracy",
     "lines": ["Input(shape=(28, 28, 1))", "Conv2D(8, (3, 3), activation='relu')", "MaxPooling2D((2, 2))",
               "AveragePooling2D((2, 2))", "Flatten()", "Dropout(0.25)", "Dense(10, activation='softmax')"],
     "compile": "compile optimizer=adam loss=sparse_categorical_crossentropy metrics=[accuracy]",
     "keras_compile": "optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy']"},
    {"slug": "rnn_rmsprop_mae",
     "lines": ["Input(shape=(10, 3))", "Masking()", "LSTM(4, return_sequences=True)", "SimpleRNN(2)", "Dense(1)"],
     "compile": "compile optimizer=RMSprop(learning_rate=0.01, momentum=0.9) loss=mse metrics=[mae]",
     "keras_compile": "optimizer=keras.optimizers.RMSprop(learning_rate=0.01, momentum=0.9), loss='mse', metrics=['mae']"},
    {"slug": "conv1d_adagrad_binary",
     "lines": ["Input(shape=(12, 3))", "Conv1D(4, 3, padding='same')", "MaxPooling1D(2)", "AveragePooling1D(2)",
               "Reshape((3, 4))", "Permute((2, 1))", "Activation('tanh')", "Flatten()", "Dense(1, activation='sigmoid')"],
     "compile": "compile optimizer=Adagrad() loss=binary_crossentropy metrics=[accuracy]",
     "keras_compile": "optimizer=keras.optimizers.Adagrad(), loss='binary_crossentropy', metrics=['accuracy']"},
    {"slug": "adam_amsgrad_mse",
     "lines": ["Input(shape=(6,))", "Dense(4, kernel_initializer=Orthogonal(gain=2.0, seed=3), bias_initializer='ones')", "Dense(2)"],
     "compile": "compile optimizer=Adam(learning_rate=3e-4, amsgrad=True) loss=mse",
     "keras_compile": "optimizer=keras.optimizers.Adam(learning_rate=3e-4, amsgrad=True), loss='mse'"},
    {"slug": "uncompiled_objects",
     "lines": ["Input(shape=(5,))", "Dense(3, kernel_regularizer=L1L2(l1=0.01, l2=0.02), kernel_constraint=MaxNorm(2.0), bias_initializer=RandomNormal(stddev=0.5, seed=1))",
               "Dense(2, kernel_initializer=HeUniform(seed=4), activation='elu')"]},
    {"slug": "unbuilt_uncompiled",
     "lines": ["Dense(3)", "Dropout(0.2)", "Dense(1)"]},
]


def record(case):
    keras.utils.clear_session()
    model = run_lines(case["lines"])
    if "keras_compile" in case:
        eval(f"model.compile({case['keras_compile']})", {"keras": keras, "model": model})
    return {"slug": case["slug"], "lines": case["lines"], "compile": case.get("compile"), "to_json": model.to_json()}


out = os.path.join(HERE, "keras-json-cases.json")
with open(out, "w") as f:
    json.dump({"keras": keras.__version__, "backend": keras.backend.backend(), "cases": [record(c) for c in CASES]}, f, indent=1)
    f.write("\n")
print(out)
