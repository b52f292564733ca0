# A Keras 2-era MLP with explicit names, a frozen layer and constraints.
# Keras's own output: COLUMNS=80 KERAS_BACKEND=jax python mlp_keras2_style.py > mlp_keras2_style.keras-out.txt
from keras.models import Sequential
from keras.layers import Dense, Dropout, Input, Reshape, Permute, Flatten
from keras.constraints import max_norm

model = Sequential()
model.add(Input(shape=(784,)))
model.add(Reshape((28, 28)))
model.add(Permute((2, 1)))
model.add(Flatten())
model.add(Dense(512, activation='relu', name='hidden_1'))
model.add(Dropout(0.2))
model.add(Dense(512, activation='relu', kernel_constraint=max_norm(3), trainable=False))
model.add(Dropout(0.2))
model.add(Dense(10, activation='softmax'))
model.summary()
