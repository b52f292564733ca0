# A model under another name than `model`, Python lambdas, keras_core, InputLayer(shape=),
# tf.keras optimizers and loss objects, and a summary at line_length=100.
# Keras's output: net_lambda.keras-out.txt (scripts/keras-golden/keras_scripts.py).
import tensorflow as tf
import keras_core
from keras_core import layers

features = 6
steps = 2

net = keras_core.Sequential(name="regressor")
net.add(layers.InputLayer(shape=(steps * 20,)))
net.add(layers.Lambda(lambda x: x / 255.0))
net.add(layers.Lambda(lambda t, scale=2.0: t * scale - 1))
net.add(layers.Reshape((steps, 20)))
net.add(layers.Lambda(lambda x: keras_core.ops.reshape(x, (-1, 40))))
net.add(layers.Dense(features, activation="relu"))
net.add(layers.Dense(1))
net.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss=keras_core.losses.MeanSquaredError())
net.summary(line_length=100)
