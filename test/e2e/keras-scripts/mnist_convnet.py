# The Keras "Simple MNIST convnet" example's model, as a user would paste it.
# Keras's own output for this file is mnist_convnet.keras-out.txt, made by
#   COLUMNS=80 KERAS_BACKEND=jax python mnist_convnet.py > mnist_convnet.keras-out.txt
import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(10, activation="softmax"),
    ]
)
model.summary()
