# A stacked-LSTM forecaster written line by line with model.add, as in many tutorials.
# Keras's own output: COLUMNS=80 KERAS_BACKEND=jax python timeseries_lstm.py > timeseries_lstm.keras-out.txt
import keras
from keras import layers, regularizers

model = keras.Sequential(name="forecaster")
model.add(keras.Input(shape=(20, 8)))
model.add(layers.Conv1D(16, 3, padding="causal", activation="relu"))
model.add(layers.Masking(mask_value=0.0))
model.add(layers.LSTM(32, return_sequences=True, dropout=0.1))
model.add(layers.LSTM(16, kernel_regularizer=regularizers.l2(0.01)))
model.add(layers.Dense(8, activation="relu"))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(1))
model.summary()
