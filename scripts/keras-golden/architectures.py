"""Golden shapes, params, configs and summaries of standard architectures, from real Keras 3.

Regenerate (needs the Keras venv; see README.md in this folder):

    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/architectures.py [SLUG ...]

Every model of CORPUS is written as the exact lines a Keras user types into klayers (Python-
compatible Keras call syntax, one statement per line). For each model the script starts a FRESH
Python process (so auto names restart at `dense`), evaluates the lines there with the namespaces
a Keras user has after `from keras.layers import *` etc., builds the keras.Sequential and records
what Keras itself reports: layer names, class names, output shapes, param counts, full
get_config() of every layer, totals, and `model.summary()` as printed to a non-terminal at
COLUMNS=80 and COLUMNS=120. Nothing here reads klayers.

Each model becomes test/golden/architectures/<slug>.json, read by
test/golden/architectures.test.ts.

Child mode (used internally): architectures.py --child SLUG OUT_PATH
"""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / "test" / "golden" / "architectures"
SUMMARY_WIDTHS = [80, 120]

# The corpus: each model as the lines a Keras user types, one statement per line.
CORPUS = [
    {
        "slug": "mnist_convnet",
        "description": "The Keras MNIST convnet example (keras.io/examples/vision/mnist_convnet)",
        "lines": [
            "Input(shape=(28, 28, 1))",
            "Conv2D(32, kernel_size=(3, 3), activation='relu')",
            "MaxPooling2D(pool_size=(2, 2))",
            "Conv2D(64, kernel_size=(3, 3), activation='relu')",
            "MaxPooling2D(pool_size=(2, 2))",
            "Flatten()",
            "Dropout(0.5)",
            "Dense(10, activation='softmax')",
        ],
    },
    {
        "slug": "mlp_keras2_mnist",
        "description": "The Keras 2 mnist_mlp example: 784-512-512-10 with Dropout",
        "lines": [
            "Input(shape=(784,))",
            "Dense(512, activation='relu')",
            "Dropout(0.2)",
            "Dense(512, activation='relu')",
            "Dropout(0.2)",
            "Dense(10, activation='softmax')",
        ],
    },
    {
        "slug": "mlp_model_add_named",
        "description": "model = keras.Sequential(name=...) then model.add(layers.X(...)) lines",
        "lines": [
            "model = keras.Sequential(name='my_model')",
            "model.add(keras.Input(shape=(20,)))",
            "model.add(layers.Dense(64, activation='relu'))",
            "model.add(layers.Dense(64, activation='relu'))",
            "model.add(keras.layers.Dense(1, activation='sigmoid'))",
        ],
        "train": {"loss": "binary_crossentropy", "learning_rate": 0.1},
    },
    {
        "slug": "sequential_list_iris",
        "description": "The whole model in one keras.Sequential([...], name=...) line",
        "lines": [
            "model = keras.Sequential([Input(shape=(4,)), Dense(8, activation='relu'), Dense(3, activation='softmax')], name='iris')",
        ],
        "train": {"loss": "categorical_crossentropy", "learning_rate": 0.1},
    },
    {
        "slug": "conv1d_timeseries",
        "description": "Conv1D timeseries classifier: padding same, strides, pooling",
        "lines": [
            "Input(shape=(100, 16))",
            "Conv1D(32, 5, activation='relu', padding='same')",
            "MaxPooling1D(2)",
            "Conv1D(64, 3, strides=2, activation='relu')",
            "Conv1D(64, kernel_size=3, padding='same', use_bias=False)",
            "Flatten()",
            "Dense(1)",
        ],
    },
    {
        "slug": "conv1d_causal_dilated",
        "description": "WaveNet-style causal Conv1D stack with growing dilation",
        "lines": [
            "Input(shape=(128, 1))",
            "Conv1D(16, 2, padding='causal', dilation_rate=1, activation='relu')",
            "Conv1D(16, 2, padding='causal', dilation_rate=2, activation='relu')",
            "Conv1D(16, 2, padding='causal', dilation_rate=4, activation='relu')",
            "Conv1D(16, 2, padding='causal', dilation_rate=8, activation='relu')",
            "Conv1D(1, 1)",
        ],
        "train": {"loss": "mse", "learning_rate": 0.05},
    },
    {
        "slug": "conv2d_strides_same",
        "description": "Conv2D with strides as int and tuple, same and valid padding",
        "lines": [
            "Input(shape=(64, 64, 3))",
            "Conv2D(16, (3, 3), strides=(2, 2), padding='same', activation='relu')",
            "Conv2D(32, 3, strides=2, padding='same', activation='relu')",
            "Conv2D(64, (5, 3), strides=(2, 1), padding='valid')",
            "Flatten()",
            "Dense(10, activation='softmax')",
        ],
    },
    {
        "slug": "conv2d_dilated",
        "description": "Conv2D with dilation_rate as tuple and int, and use_bias=False",
        "lines": [
            "Input(shape=(32, 32, 4))",
            "Conv2D(8, (3, 3), dilation_rate=(2, 2), activation='relu')",
            "Conv2D(8, 3, dilation_rate=3, padding='same')",
            "Conv2D(4, (1, 1), use_bias=False)",
        ],
        "train": {"loss": "mse", "learning_rate": 0.05},
    },
    {
        "slug": "conv2d_groups",
        "description": "Grouped convolution: Conv2D(groups=2) splits the channels into two groups",
        "lines": [
            "Input(shape=(16, 16, 4))",
            "Conv2D(8, 3, groups=2)",
            "Conv2D(8, 3, groups=4, activation='relu')",
        ],
    },
    {
        "slug": "conv2d_channels_first",
        "description": "Conv2D and MaxPooling2D with data_format='channels_first'",
        "lines": [
            "Input(shape=(3, 32, 32))",
            "Conv2D(16, (3, 3), data_format='channels_first', activation='relu')",
            "MaxPooling2D((2, 2), data_format='channels_first')",
            "Conv2D(8, (3, 3), data_format='channels_first', padding='same')",
            "AveragePooling2D(pool_size=2, data_format='channels_first')",
            "Flatten()",
            "Dense(4)",
        ],
    },
    {
        "slug": "vgg_block_cifar",
        "description": "A VGG-style CIFAR-10 model: two conv blocks, he_uniform, Dropout",
        "lines": [
            "Input(shape=(32, 32, 3))",
            "Conv2D(32, (3, 3), activation='relu', kernel_initializer='he_uniform', padding='same')",
            "Conv2D(32, (3, 3), activation='relu', kernel_initializer='he_uniform', padding='same')",
            "MaxPooling2D((2, 2))",
            "Dropout(0.2)",
            "Conv2D(64, (3, 3), activation='relu', padding='same')",
            "Conv2D(64, (3, 3), activation='relu', padding='same')",
            "MaxPooling2D((2, 2))",
            "Dropout(0.3)",
            "Flatten()",
            "Dense(128, activation='relu', kernel_initializer='he_uniform')",
            "Dropout(0.5)",
            "Dense(10, activation='softmax')",
        ],
    },
    {
        "slug": "pooling2d_variants",
        "description": "MaxPooling2D/AveragePooling2D: default strides, explicit strides, same/valid",
        "lines": [
            "Input(shape=(33, 33, 4))",
            "MaxPooling2D()",
            "MaxPooling2D(pool_size=(3, 3), strides=(2, 2))",
            "AveragePooling2D(pool_size=2, padding='same')",
            "AveragePooling2D((3, 2), strides=1, padding='valid')",
            "MaxPooling2D(pool_size=2, strides=None, padding='same')",
        ],
    },
    {
        "slug": "pooling1d_variants",
        "description": "MaxPooling1D/AveragePooling1D: default strides, explicit strides, same/valid",
        "lines": [
            "Input(shape=(50, 8))",
            "MaxPooling1D()",
            "MaxPooling1D(pool_size=3, strides=2, padding='same')",
            "AveragePooling1D(pool_size=2)",
            "AveragePooling1D(4, strides=1, padding='same')",
            "MaxPooling1D(pool_size=2, strides=None)",
        ],
    },
    {
        "slug": "simple_rnn_stack",
        "description": "SimpleRNN stack: return_sequences, go_backwards, dropout, recurrent_dropout",
        "lines": [
            "Input(shape=(10, 8))",
            "SimpleRNN(32, return_sequences=True)",
            "SimpleRNN(32, return_sequences=True, go_backwards=True)",
            "SimpleRNN(16, dropout=0.2, recurrent_dropout=0.1, activation='relu')",
            "Dense(1)",
        ],
    },
    {
        "slug": "lstm_stack",
        "description": "LSTM stack: return_sequences, dropouts, go_backwards, unit_forget_bias=False",
        "lines": [
            "Input(shape=(30, 12))",
            "LSTM(64, return_sequences=True)",
            "LSTM(32, return_sequences=True, dropout=0.2, recurrent_dropout=0.2)",
            "LSTM(16, go_backwards=True, unit_forget_bias=False)",
            "Dense(1, activation='sigmoid')",
        ],
    },
    {
        "slug": "conv1d_then_lstm",
        "description": "Conv1D feature extractor feeding an LSTM",
        "lines": [
            "Input(shape=(200, 4))",
            "Conv1D(32, 7, strides=2, activation='relu')",
            "MaxPooling1D(2)",
            "LSTM(32)",
            "Dense(3, activation='softmax')",
        ],
    },
    {
        "slug": "masking_lstm_variable_length",
        "description": "Masking before an LSTM on variable-length sequences (None timesteps)",
        "lines": [
            "Input(shape=(None, 5))",
            "Masking(mask_value=0.0)",
            "LSTM(8, return_sequences=True)",
            "Dense(2)",
        ],
    },
    {
        "slug": "lstm_return_state",
        "description": "LSTM with return_state=True as the last layer: three output shapes",
        "lines": [
            "Input(shape=(20, 8))",
            "LSTM(16, return_state=True)",
        ],
    },
    {
        "slug": "batch_shape_input",
        "description": "Input(batch_shape=...) with a fixed batch size",
        "lines": [
            "Input(batch_shape=(32, 10, 8))",
            "LSTM(16, return_sequences=True)",
            "Dense(1)",
        ],
    },
    {
        "slug": "reshape_permute",
        "description": "Reshape (with -1) and Permute around a Conv2D, Dense on 3-D input",
        "lines": [
            "Input(shape=(784,))",
            "Reshape((28, 28, 1))",
            "Conv2D(8, 3)",
            "Reshape((-1, 8))",
            "Permute((2, 1))",
            "Dense(4)",
        ],
    },
    {
        "slug": "dense_3d_flatten",
        "description": "Dense on a 3-D input, then Flatten",
        "lines": [
            "Input(shape=(10, 16))",
            "Dense(32, activation='relu')",
            "Dense(8)",
            "Flatten()",
            "Dense(1)",
        ],
    },
    {
        "slug": "flatten_first",
        "description": "Flatten as the first layer and as the last",
        "lines": [
            "Input(shape=(8, 8))",
            "Flatten()",
            "Dense(16)",
            "Reshape((4, 4))",
            "Flatten()",
        ],
    },
    {
        "slug": "activation_layers",
        "description": "Separate Activation layers and activation names",
        "lines": [
            "Input(shape=(16,))",
            "Dense(32)",
            "Activation('relu')",
            "Dense(32, activation='elu')",
            "Activation('tanh')",
            "Dense(16, activation='selu')",
            "Dense(16, activation='swish')",
            "Dense(4)",
            "Activation(activation='softmax')",
        ],
    },
    {
        "slug": "dropout_noise_shape",
        "description": "Dropout with noise_shape and seed on a 3-D input",
        "lines": [
            "Input(shape=(10, 16))",
            "Dropout(0.3, noise_shape=(None, 1, 16))",
            "Dense(8)",
            "Dropout(rate=0.5, seed=42)",
        ],
    },
    {
        "slug": "regularizers",
        "description": "kernel/bias/activity regularizers as calls and as a string",
        "lines": [
            "Input(shape=(32,))",
            "Dense(64, activation='relu', kernel_regularizer=l2(0.01))",
            "Dense(64, kernel_regularizer=l1_l2(l1=0.01, l2=0.01), bias_regularizer=l1(0.001))",
            "Dense(10, activity_regularizer=l2(1e-5))",
            "Dense(8, kernel_regularizer=regularizers.L2(0.001))",
            "Dense(2, kernel_regularizer='l2')",
        ],
        "train": {"loss": "mse", "learning_rate": 0.05},
    },
    {
        "slug": "constraints",
        "description": "kernel/bias constraints: max_norm, non_neg, unit_norm, min_max_norm",
        "lines": [
            "Input(shape=(16,))",
            "Dense(32, kernel_constraint=max_norm(3))",
            "Dense(32, kernel_constraint=non_neg(), bias_constraint=unit_norm())",
            "Dense(8, kernel_constraint=min_max_norm(min_value=0.5, max_value=2.0, rate=0.9))",
            "Dense(4, kernel_constraint=constraints.MaxNorm(max_value=2.5))",
        ],
        "train": {"loss": "mse", "learning_rate": 0.5},
    },
    {
        "slug": "initializers",
        "description": "Initializers as strings and as calls, in Dense and LSTM",
        "lines": [
            "Input(shape=(12, 6))",
            "Dense(32, kernel_initializer=RandomNormal(stddev=0.05))",
            "Dense(32, kernel_initializer='he_normal', bias_initializer=Constant(0.1))",
            "LSTM(16, recurrent_initializer=Orthogonal(gain=2.0), kernel_initializer='glorot_normal')",
            "Dense(8, kernel_initializer=initializers.GlorotNormal(seed=42), bias_initializer='ones')",
        ],
    },
    {
        "slug": "trainable_false",
        "description": "trainable=False layers: their weights count as non-trainable",
        "lines": [
            "Input(shape=(20,))",
            "Dense(64, activation='relu', trainable=False)",
            "Dense(32, activation='relu')",
            "Dense(10, trainable=False)",
        ],
    },
    {
        "slug": "keras2_input_shape",
        "description": "Keras 2 habit Keras 3 still accepts: input_shape= on the first layer instead of an Input",
        "lines": [
            "Dense(16, input_shape=(10,), activation='relu')",
            "Dense(8, activation='relu')",
            "Dense(1)",
        ],
    },
    {
        "slug": "keras2_input_dim",
        "description": "The Keras 2 getting-started style: model.add(Dense(32, input_dim=784)) then Activation",
        "lines": [
            "model = keras.Sequential()",
            "model.add(Dense(32, input_dim=784))",
            "model.add(Activation('relu'))",
            "model.add(Dense(10))",
            "model.add(Activation('softmax'))",
        ],
    },
    {
        "slug": "conv1d_channels_first",
        "description": "Conv1D and 1-D pooling with data_format='channels_first'",
        "lines": [
            "Input(shape=(4, 100))",
            "Conv1D(8, 3, data_format='channels_first', activation='relu')",
            "MaxPooling1D(2, data_format='channels_first')",
            "Conv1D(8, 5, strides=2, padding='same', data_format='channels_first')",
            "AveragePooling1D(pool_size=3, strides=2, data_format='channels_first')",
            "Flatten()",
        ],
    },
    {
        "slug": "rnn_regularized_constrained",
        "description": "Recurrent regularizers and constraints, use_bias=False, a constraint axis",
        "lines": [
            "Input(shape=(15, 6))",
            "LSTM(8, return_sequences=True, recurrent_regularizer=l2(1e-4), recurrent_constraint=max_norm(2), bias_regularizer=l1(0.01))",
            "SimpleRNN(4, use_bias=False, kernel_constraint=unit_norm(axis=1), activity_regularizer=l1_l2(l1=0.001))",
            "Dense(1, bias_constraint=non_neg())",
        ],
    },
    {
        "slug": "permute_4d",
        "description": "Permute on a 4-D input, Reshape(target_shape=...) with -1, Dense on 3-D",
        "lines": [
            "Input(shape=(6, 8, 3))",
            "Permute((3, 1, 2))",
            "Reshape(target_shape=(3, -1))",
            "Dense(5)",
            "Flatten()",
        ],
    },
    {
        "slug": "call_syntax_variants",
        "description": "Spellings users type: activation=None, activations.relu, keras.layers.X, list noise_shape",
        "lines": [
            "keras.Input(shape=(10, 16), name='features')",
            "keras.layers.Dense(32, activation=None)",
            "layers.Conv1D(16, 3, activation=activations.relu)",
            "Dropout(0.25, noise_shape=[None, 1, 16])",
            "Masking(mask_value=-1.0)",
            "SimpleRNN(8, return_sequences=True, use_bias=False)",
            "Reshape((-1,))",
            "Dense(4)",
            "Activation(activations.gelu)",
        ],
    },
    {
        "slug": "float64_layer",
        "description": "A layer with dtype='float64': its weights take 8 bytes each in the summary sizes",
        "lines": [
            "Input(shape=(16,))",
            "Dense(8, activation='relu')",
            "Dense(4, dtype='float64')",
        ],
    },
    {
        "slug": "more_initializers",
        "description": "VarianceScaling, TruncatedNormal, RandomUniform (positional), L1L2 class, LSTM options",
        "lines": [
            "Input(shape=(12, 4))",
            "LSTM(8, activation='relu', recurrent_activation='hard_sigmoid', use_bias=False, return_sequences=True)",
            "Dense(16, kernel_initializer=initializers.VarianceScaling(scale=2.0, mode='fan_out', distribution='uniform'))",
            "Dense(16, kernel_initializer=TruncatedNormal(mean=0.0, stddev=0.02), bias_initializer=RandomUniform(-0.1, 0.1))",
            "Dense(8, kernel_regularizer=keras.regularizers.L1L2(l1=1e-5, l2=1e-4), kernel_initializer='lecun_normal')",
            "Flatten()",
            "Dense(1, kernel_initializer=Zeros(), bias_initializer=Ones())",
        ],
    },
    {
        "slug": "activations_more_a",
        "description": "Activation names, part 1: leaky_relu, relu6, celu, softplus, softsign, squareplus, soft_shrink, sparse_plus",
        "lines": [
            "Input(shape=(8,))",
            "Dense(8, activation='leaky_relu')",
            "Dense(8, activation='relu6')",
            "Dense(8, activation='celu')",
            "Dense(8, activation='softplus')",
            "Dense(8, activation='softsign')",
            "Dense(8, activation='squareplus')",
            "Dense(8, activation='soft_shrink')",
            "Dense(8, activation='sparse_plus')",
        ],
    },
    {
        "slug": "activations_more_b",
        "description": "Activation names, part 2: tanh_shrink, sparse_sigmoid, exponential, hard_silu/hard_swish, hard_tanh, hard_shrink, mish, log_sigmoid, log_softmax",
        "lines": [
            "Input(shape=(8,))",
            "Dense(8, activation='tanh_shrink')",
            "Activation('sparse_sigmoid')",
            "Dense(8, activation='exponential')",
            "Dense(8, activation='hard_silu')",
            "Dense(8, activation=activations.hard_swish)",
            "Dense(8, activation='hard_tanh')",
            "Dense(8, activation='hard_shrink')",
            "Dense(8, activation='mish')",
            "Dense(8, activation='log_sigmoid')",
            "Dense(4, activation='log_softmax')",
        ],
    },
    {
        "slug": "initializers_all",
        "description": "Every initializer class with non-default parameters (Identity, Lecun*, He*, seeds, VarianceScaling fan_avg)",
        "lines": [
            "Input(shape=(16,))",
            "Dense(16, kernel_initializer=initializers.Identity(gain=0.5), bias_initializer=Constant(value=0.2))",
            "Dense(16, kernel_initializer=LecunUniform(seed=3), bias_initializer=RandomNormal(mean=0.1, stddev=0.2, seed=5))",
            "Dense(16, kernel_initializer=HeUniform(seed=4), bias_initializer=TruncatedNormal(mean=0.1, stddev=0.1, seed=7))",
            "Dense(16, kernel_initializer=GlorotUniform(seed=6), bias_initializer=RandomUniform(minval=-0.2, maxval=0.3, seed=9))",
            "Dense(16, kernel_initializer=HeNormal(seed=8))",
            "Dense(16, kernel_initializer=LecunNormal(seed=10))",
            "Dense(16, kernel_initializer=VarianceScaling(scale=0.5, mode='fan_avg', distribution='truncated_normal', seed=11))",
            "Dense(8, kernel_initializer=Orthogonal(gain=1.5, seed=12))",
            "Dense(8, kernel_initializer=initializers.IdentityInitializer())",
        ],
    },
    {
        "slug": "constraints_regularizers_more",
        "description": "Constraint axes and class-form regularizers: MaxNorm/MinMaxNorm/UnitNorm axis, L1, L1L2",
        "lines": [
            "Input(shape=(12,))",
            "Dense(8, kernel_constraint=MaxNorm(max_value=1.5, axis=1), kernel_regularizer=L1(l1=0.02))",
            "Dense(8, kernel_constraint=MinMaxNorm(min_value=0.2, max_value=0.8, rate=0.5, axis=1), bias_regularizer=L2(l2=0.05))",
            "Dense(4, kernel_constraint=UnitNorm(axis=0), activity_regularizer=L1L2(l1=0.001, l2=0.002))",
        ],
    },
    {
        "slug": "conv1d_channels_first_combos",
        "description": "Conv1D channels_first with causal padding and dilation, same padding with strides; 1-D pooling same/channels_first; Flatten channels_first",
        "lines": [
            "Input(shape=(3, 40))",
            "Conv1D(4, 3, padding='causal', dilation_rate=2, data_format='channels_first')",
            "Conv1D(6, 4, strides=2, padding='same', data_format='channels_first', activation='tanh')",
            "MaxPooling1D(pool_size=3, strides=1, padding='same', data_format='channels_first')",
            "AveragePooling1D(pool_size=2, padding='same', data_format='channels_first')",
            "Conv1D(5, 3, dilation_rate=2, padding='same')",
            "Flatten(data_format='channels_first')",
            "Dense(2)",
        ],
    },
    {
        "slug": "conv2d_channels_first_combos",
        "description": "Conv2D channels_first with strides/same and dilation; 2-D pooling with strides and same padding; Flatten channels_first",
        "lines": [
            "Input(shape=(2, 20, 20))",
            "Conv2D(4, 3, strides=2, padding='same', data_format='channels_first')",
            "Conv2D(4, (3, 3), dilation_rate=2, padding='same', data_format='channels_first', activation='relu')",
            "MaxPooling2D(3, strides=1, padding='same', data_format='channels_first')",
            "AveragePooling2D((2, 2), strides=(1, 2), data_format='channels_first')",
            "Conv2D(3, (2, 3), strides=(1, 2), padding='valid', data_format='channels_first')",
            "Flatten(data_format='channels_first')",
            "Dense(3)",
        ],
    },
    {
        "slug": "rnn_options",
        "description": "SimpleRNN/LSTM unroll, seed, implementation, go_backwards with sequences, SimpleRNN return_state last",
        "lines": [
            "Input(shape=(6, 4))",
            "SimpleRNN(5, return_sequences=True, unroll=True, seed=3, dropout=0.1)",
            "LSTM(4, return_sequences=True, go_backwards=True, unroll=True, seed=1, recurrent_dropout=0.1, implementation=1)",
            "SimpleRNN(3, return_state=True, go_backwards=True, recurrent_initializer='glorot_uniform')",
        ],
    },
    {
        "slug": "input_batch_size_optional",
        "description": "Input(shape=..., batch_size=4, optional=True): the batch size becomes part of batch_shape",
        "lines": [
            "Input(shape=(5,), batch_size=4, optional=True)",
            "Dense(3, activation='relu')",
            "Dense(2)",
        ],
    },
    {
        "slug": "int32_input_reshape",
        "description": "An int32 Input through Reshape, Permute and Flatten (no float cast anywhere)",
        "lines": [
            "Input(shape=(6,), dtype='int32')",
            "Reshape((2, 3))",
            "Permute((2, 1))",
            "Flatten()",
        ],
    },
    {
        "slug": "train_cnn",
        "description": "A small CNN trained one SGD step with categorical_crossentropy",
        "lines": [
            "Input(shape=(10, 10, 2))",
            "Conv2D(4, 3, activation='relu', padding='same')",
            "MaxPooling2D()",
            "Conv2D(6, 2, activation='relu')",
            "Flatten()",
            "Dense(3, activation='softmax')",
        ],
        "train": {"loss": "categorical_crossentropy", "learning_rate": 0.1},
    },
    {
        "slug": "train_lstm",
        "description": "LSTM and a backwards SimpleRNN trained one SGD step with mse",
        "lines": [
            "Input(shape=(8, 3))",
            "LSTM(6, return_sequences=True)",
            "SimpleRNN(4, go_backwards=True)",
            "Dense(2)",
        ],
        "train": {"loss": "mse", "learning_rate": 0.1},
    },
    {
        "slug": "conv_weight_options",
        "description": "Conv1D/Conv2D initializers, regularizers (incl. activity), constraints, use_bias=False; trained one SGD step",
        "lines": [
            "Input(shape=(16, 4))",
            "Conv1D(6, 3, kernel_initializer='he_normal', bias_initializer='ones', kernel_regularizer=l2(0.01), bias_regularizer=l1(0.01), activity_regularizer=l2(0.001), kernel_constraint=max_norm(2.0), bias_constraint=non_neg())",
            "Reshape((14, 6, 1))",
            "Conv2D(2, (3, 3), use_bias=False, kernel_initializer='lecun_uniform', kernel_regularizer=l1_l2(l1=0.001, l2=0.001), activity_regularizer=l1(0.001), kernel_constraint=unit_norm())",
            "Conv2D(2, 1, bias_initializer=Constant(0.5), bias_regularizer=l2(0.01), bias_constraint=max_norm(1))",
            "Flatten()",
            "Dense(1, use_bias=False)",
        ],
        "train": {"loss": "mse", "learning_rate": 0.05},
    },
    {
        "slug": "rnn_weight_options",
        "description": "SimpleRNN/LSTM initializers, regularizers (incl. LSTM activity), constraints, recurrent_activation; trained one SGD step",
        "lines": [
            "Input(shape=(7, 3))",
            "SimpleRNN(4, return_sequences=True, kernel_initializer='lecun_normal', recurrent_initializer=Orthogonal(gain=0.9), bias_initializer='ones', kernel_regularizer=l2(0.01), recurrent_regularizer=l1(0.01), bias_regularizer=l2(0.01), kernel_constraint=max_norm(2), recurrent_constraint=unit_norm(), bias_constraint=non_neg())",
            "LSTM(3, kernel_initializer='he_uniform', recurrent_initializer='glorot_normal', bias_initializer=Constant(0.1), kernel_regularizer=l1(0.01), bias_regularizer=l2(0.01), activity_regularizer=l2(0.01), kernel_constraint=unit_norm(), bias_constraint=max_norm(1.5), recurrent_activation='tanh')",
            "Dense(1)",
        ],
        "train": {"loss": "mse", "learning_rate": 0.05},
    },
    {
        "slug": "frozen_layers",
        "description": "trainable=False on every kind of layer (also those without weights); trained one SGD step",
        "lines": [
            "Input(shape=(6, 4))",
            "Masking(mask_value=0.0, trainable=False)",
            "SimpleRNN(4, return_sequences=True, trainable=False)",
            "LSTM(3, return_sequences=True, trainable=False)",
            "Dropout(0.0, trainable=False)",
            "Permute((2, 1), trainable=False)",
            "Reshape((6, 3), trainable=False)",
            "Flatten(trainable=False)",
            "Activation('tanh', trainable=False)",
            "Dense(2)",
        ],
        "train": {"loss": "mse", "learning_rate": 0.1},
    },
    {
        "slug": "frozen_conv",
        "description": "trainable=False on Conv1D/Conv2D and all four pooling layers; trained one SGD step",
        "lines": [
            "Input(shape=(8, 8, 2))",
            "Conv2D(3, 3, activation='relu', trainable=False)",
            "MaxPooling2D(trainable=False)",
            "AveragePooling2D(pool_size=(1, 1), trainable=False)",
            "Reshape((9, 3))",
            "Conv1D(4, 2, trainable=False)",
            "MaxPooling1D(trainable=False)",
            "AveragePooling1D(2, trainable=False)",
            "Flatten()",
            "Dense(2)",
        ],
        "train": {"loss": "mse", "learning_rate": 0.1},
    },
    {
        "slug": "explicit_names",
        "description": "Explicit name= overrides mixed with auto names",
        "lines": [
            "Input(shape=(16,))",
            "Dense(32, name='hidden_1')",
            "Dense(32)",
            "Dropout(0.1, name='drop')",
            "Dense(4, name='logits')",
            "Dense(2)",
        ],
    },
]


def user_namespace():
    """What a Keras user's script has in scope: star imports plus the module names."""
    import keras
    from keras import constraints, initializers, layers, regularizers, activations

    ns = {}
    # Later star imports win on clashes, as in a script; none of the corpus relies on a clash.
    for module in (constraints, initializers, regularizers, layers):
        ns.update({k: getattr(module, k) for k in dir(module) if not k.startswith("_")})
    ns.update(keras=keras, layers=layers, regularizers=regularizers,
              initializers=initializers, constraints=constraints, activations=activations)
    return ns


def run_lines(lines):
    """Evaluates the user's lines as klayers does: a bare layer call or Input adds it."""
    import ast
    import keras

    ns = user_namespace()
    for line in lines:
        tree = ast.parse(line)
        stmt = tree.body[0]
        if isinstance(stmt, ast.Assign):
            exec(compile(tree, "<line>", "exec"), ns)
            continue
        value = eval(compile(ast.Expression(stmt.value), "<line>", "eval"), ns)
        if isinstance(value, keras.Sequential):
            ns["model"] = value
        elif value is not None:
            # Created lazily so a first-line `model = keras.Sequential(name=...)` keeps its name.
            if "model" not in ns:
                ns["model"] = keras.Sequential()
            ns["model"].add(value)
    return ns["model"]


def to_json(value):
    """get_config() values as JSON: tuples become lists (their keys are listed separately)."""
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalars
    return value


def weight_count(weights):
    import numpy as np

    return int(sum(np.prod(w.shape) for w in weights))


def output_shape(layer):
    out = layer.output
    if isinstance(out, (list, tuple)):
        return [list(t.shape) for t in out]
    return list(out.shape)


def describe_layer(layer):
    config = layer.get_config()
    return {
        "name": layer.name,
        "class_name": layer.__class__.__name__,
        "output_shape": output_shape(layer),
        "params": int(layer.count_params()),
        "trainable": bool(layer.trainable),
        "trainable_params": weight_count(layer.trainable_weights),
        "non_trainable_params": weight_count(layer.non_trainable_weights),
        "weights": [{"path": w.path, "shape": list(w.shape), "trainable": bool(w.trainable)}
                    for w in layer.weights],
        "config": to_json(config),
        # Which config keys Keras holds as tuples, so the test can tell (3, 3) from [3, 3].
        "tuple_keys": sorted(k for k, v in config.items() if isinstance(v, tuple)),
    }


def capture_summary(model, columns):
    """model.summary() as printed to a pipe in a terminal of `columns` columns."""
    import contextlib
    import io

    os.environ["COLUMNS"] = str(columns)  # read by shutil and by rich's Console
    buffer = io.StringIO()  # not a tty: rich emits no colour codes, like a pipe
    with contextlib.redirect_stdout(buffer):
        model.summary()
    return buffer.getvalue()


def child(slug, out_path):
    import keras
    from forward import forward_record, train_record

    case = next(c for c in CORPUS if c["slug"] == slug)
    model = run_lines(case["lines"])
    input_layer = model.get_config()["layers"][0]
    record = {
        "slug": slug,
        "description": case["description"],
        "keras": keras.__version__,
        "backend": keras.backend.backend(),
        "lines": case["lines"],
        "model_name": model.name,
        "input": to_json(input_layer["config"]) if input_layer["class_name"] == "InputLayer" else None,
        "layers": [describe_layer(layer) for layer in model.layers],
        "total_params": int(model.count_params()),
        "trainable_params": weight_count(model.trainable_weights),
        "non_trainable_params": weight_count(model.non_trainable_weights),
        "summaries": {str(w): capture_summary(model, w) for w in SUMMARY_WIDTHS},
    }
    # After the summaries: these set weights, and training compiles the model.
    record["forward"], x = forward_record(model, case)
    if "train" in case:
        record["train"] = train_record(model, case, x)
    Path(out_path).write_text(json.dumps(record, indent=1) + "\n")


def run_case(case):
    slug = case["slug"]
    out = OUT_DIR / f"{slug}.json"
    env = dict(os.environ, KERAS_BACKEND="jax", LINES="50")
    env.pop("FORCE_COLOR", None)
    proc = subprocess.run([sys.executable, __file__, "--child", slug, str(out)],
                          env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        return slug, proc.stderr.strip().splitlines()[-1]
    return slug, None


def main(selected):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    cases = [c for c in CORPUS if not selected or c["slug"] in selected]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(run_case, cases))
    failed = [(s, e) for s, e in results if e]
    for slug, err in results:
        print(f"{'FAIL' if err else 'ok  '} {slug}" + (f": {err}" if err else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1:])
