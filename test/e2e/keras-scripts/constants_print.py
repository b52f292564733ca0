# A model written as keras-io scripts write it: module constants (and arithmetic on them), data
# lines klayers does not run, print(model.summary()) and a training loop.
# Keras's output: constants_print.keras-out.txt (scripts/keras-golden/keras_scripts.py).
import numpy as np
import keras
from keras import layers

num_classes = 10
input_shape = (28, 28, 1)
filters = 16
hidden = filters * 4 + num_classes // 2

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = np.expand_dims(x_train.astype("float32") / 255, -1)
print("x_train shape:", x_train.shape)

model = keras.Sequential(
    [
        keras.Input(shape=input_shape),
        layers.Conv2D(filters, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(filters * 2, kernel_size=(3, 3), activation="relu"),
        layers.Flatten(),
        layers.Dense(hidden, activation="relu"),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
print(model.summary())

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
for epoch in range(2):
    model.fit(x_train, y_train, batch_size=128, epochs=1)
