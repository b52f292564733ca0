"""The peers of `npm run bench -- peers`: the five reference models in Keras 3 (on the backend
KERAS_BACKEND names) or in plain PyTorch, timed as their users run them (model.fit and
model.predict; a plain PyTorch training loop).

Run as `python bench/peers.py keras|torch`. It prints one JSON line when ready, then answers each
JSON request line on stdin ({"model", "batch", "mode": "train"|"predict", "rows", "min_seconds"})
with one JSON line: {"rate": samples per second} or {"error": "..."}. The first request for a
model, batch and mode is preceded by an untimed warm-up run. Data are synthetic with fixed seeds.
"""
import json
import os
import sys
import time

import numpy as np

KIND = sys.argv[1] if len(sys.argv) > 1 else 'keras'

# key: (input shape, classes; 1 means a regression target with mse)
SHAPES = {
    'mlp': ((20,), 3),
    'cnn': ((28, 28, 1), 10),
    'lstm32': ((20, 8), 1),
    'mnist': ((28, 28, 1), 10),
    'lstm128': ((64, 16), 1),
}


def data(key, rows):
    shape, classes = SHAPES[key]
    rng = np.random.default_rng(0)
    x = rng.standard_normal((rows, *shape)).astype('float32')
    if classes > 1:
        y = np.eye(classes, dtype='float32')[rng.integers(0, classes, rows)]
    else:
        y = rng.standard_normal((rows, 1)).astype('float32')
    return x, y


def keras_runner():
    import keras
    from keras import layers

    keras.utils.set_random_seed(0)

    def build(key):
        shape, classes = SHAPES[key]
        body = {
            'mlp': lambda: [layers.Dense(64, activation='relu'), layers.Dense(32, activation='relu'), layers.Dense(3, activation='softmax')],
            'cnn': lambda: [layers.Conv2D(8, 3), layers.MaxPooling2D(), layers.Flatten(), layers.Dense(10, activation='softmax')],
            'lstm32': lambda: [layers.LSTM(32), layers.Dense(1)],
            'mnist': lambda: [
                layers.Conv2D(32, kernel_size=(3, 3), activation='relu'), layers.MaxPooling2D(pool_size=(2, 2)),
                layers.Conv2D(64, kernel_size=(3, 3), activation='relu'), layers.MaxPooling2D(pool_size=(2, 2)),
                layers.Flatten(), layers.Dropout(0.5), layers.Dense(10, activation='softmax'),
            ],
            'lstm128': lambda: [layers.LSTM(128), layers.Dense(1)],
        }[key]()
        model = keras.Sequential([keras.Input(shape=shape), *body])
        model.compile(optimizer=keras.optimizers.Adam(1e-3), loss='categorical_crossentropy' if classes > 1 else 'mse')
        return model

    def train(model, x, y, batch):
        model.fit(x, y, batch_size=batch, epochs=1, verbose=0)

    def predict(model, x, batch):
        model.predict(x, batch_size=batch, verbose=0)

    return build, train, predict, f'keras {keras.__version__} on {keras.backend.backend()}'


def torch_runner():
    import torch
    from torch import nn

    torch.set_num_threads(2)
    torch.manual_seed(0)

    class LastStep(nn.Module):
        def __init__(self, features, units):
            super().__init__()
            self.lstm = nn.LSTM(features, units, batch_first=True)
            self.out = nn.Linear(units, 1)

        def forward(self, x):
            _, (h, _) = self.lstm(x)
            return self.out(h[-1])

    def build(key):
        net = {
            'mlp': lambda: nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 3)),
            'cnn': lambda: nn.Sequential(nn.Conv2d(1, 8, 3), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(8 * 13 * 13, 10)),
            'lstm32': lambda: LastStep(8, 32),
            'mnist': lambda: nn.Sequential(
                nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Dropout(0.5), nn.Linear(64 * 5 * 5, 10),
            ),
            'lstm128': lambda: LastStep(16, 128),
        }[key]()
        classes = SHAPES[key][1]
        # Softmax + categorical crossentropy is cross_entropy on the logits.
        loss = nn.CrossEntropyLoss() if classes > 1 else nn.MSELoss()
        return (net, torch.optim.Adam(net.parameters(), lr=1e-3), loss, classes)

    def tensors(key, x, y):
        tx = torch.from_numpy(x)
        if len(SHAPES[key][0]) == 3:
            tx = tx.permute(0, 3, 1, 2).contiguous()  # channels first
        ty = torch.from_numpy(y.argmax(1)) if SHAPES[key][1] > 1 else torch.from_numpy(y)
        return tx, ty

    def train(model, x, y, batch):
        net, opt, loss_fn, _ = model
        net.train()
        order = torch.randperm(x.shape[0])
        for i in range(0, x.shape[0], batch):
            idx = order[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            opt.step()

    def predict(model, x, batch):
        net = model[0]
        net.eval()
        with torch.no_grad():
            for i in range(0, x.shape[0], batch):
                net(x[i:i + batch])

    return build, train, predict, f'torch {torch.__version__}, 2 threads', tensors


def main():
    made = torch_runner() if KIND == 'torch' else keras_runner()
    build, train, predict, version = made[:4]
    convert = made[4] if len(made) > 4 else (lambda key, x, y: (x, y))
    models, datasets, warmed = {}, {}, set()
    print(json.dumps({'ready': version}), flush=True)
    for line in sys.stdin:
        try:
            req = json.loads(line)
            key, batch, rows = req['model'], int(req['batch']), int(req['rows'])
            if (key, rows) not in datasets:
                datasets[(key, rows)] = convert(key, *data(key, rows))
            x, y = datasets[(key, rows)]
            if (key, batch) not in models:
                models[(key, batch)] = build(key)
            model = models[(key, batch)]
            run = (lambda: train(model, x, y, batch)) if req['mode'] == 'train' else (lambda: predict(model, x, batch))
            if (key, batch, req['mode']) not in warmed:
                run()
                warmed.add((key, batch, req['mode']))
            runs, started = 0, time.perf_counter()
            while True:
                run()
                runs += 1
                elapsed = time.perf_counter() - started
                if elapsed >= float(req['min_seconds']):
                    break
            print(json.dumps({'rate': rows * runs / elapsed}), flush=True)
        except Exception as error:  # one failed cell is reported, the runner goes on
            print(json.dumps({'error': f'{type(error).__name__}: {error}'.splitlines()[0]}), flush=True)


if __name__ == '__main__':
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    main()
