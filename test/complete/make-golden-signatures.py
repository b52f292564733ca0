"""Writes golden-signatures.json: Keras 3's own constructor signatures for the catalog's layers.

Run: KERAS_BACKEND=jax /tmp/kvenv/bin/python test/complete/make-golden-signatures.py
"""
import inspect
import json
import os

import keras

NAMES = ['Input', 'Dense', 'Activation', 'Dropout', 'Flatten', 'Reshape', 'Permute', 'Masking', 'Lambda',
         'Conv1D', 'Conv2D', 'MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D', 'AveragePooling2D',
         'SimpleRNN', 'LSTM']

out = {'keras': keras.__version__, 'signatures': {}}
for name in NAMES:
    target = keras.Input if name == 'Input' else getattr(keras.layers, name)
    out['signatures'][name] = name + str(inspect.signature(target))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'golden-signatures.json')
with open(path, 'w') as f:
    json.dump(out, f, indent=2)
    f.write('\n')
