"""Writes keras-json-model.json: model.to_json() of the model MODEL_LINES in test/export/keras-json.test.ts.

Run in a fresh process (layer names depend on process history):
  KERAS_BACKEND=jax /tmp/kvenv/bin/python test/export/golden/keras-json.py
"""
import json
import os

import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(12, 3)),
    layers.Conv1D(4, 3, padding="same", activation="relu", kernel_regularizer=keras.regularizers.L2(0.01)),
    layers.MaxPooling1D(2),
    layers.LSTM(5, return_sequences=True, recurrent_dropout=0.1),
    layers.Flatten(),
    layers.Dense(16, activation="relu", kernel_initializer=keras.initializers.HeNormal(seed=7), kernel_constraint=keras.constraints.MaxNorm(3)),
    layers.Dropout(0.25, seed=1),
    layers.Dense(3, activation="softmax", name="head"),
])
out = os.path.join(os.path.dirname(__file__), "keras-json-model.json")
with open(out, "w") as f:
    json.dump(json.loads(model.to_json()), f, indent=1)
    f.write("\n")
print(out, model.count_params())
