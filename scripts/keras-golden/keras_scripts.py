"""Runs Keras model scripts as they are, with real Keras, and records what they print.

    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/keras_scripts.py            # test/e2e/keras-scripts/*.py
    KERAS_BACKEND=jax /tmp/kvenv/bin/python scripts/keras-golden/keras_scripts.py --examples # keras-io examples

Each script runs in a fresh process (Keras's layer names count per process) at COLUMNS=80 with
its stdout captured. Lines that cannot run offline are stood in, and the stand-ins are listed:
`keras.datasets.*.load_data()` returns zero arrays of the data set's shapes, and `fit`,
`evaluate` and `predict` return at once without training (they run after the summary, which is
what the goldens record). `keras_core` is the name Keras 3 had before its release: it is keras.

--examples reads the example files from $KERAS_IO_EXAMPLES/<repo>/<path> (default
/tmp/keras-io-examples, see test/e2e/keras-io/README.md) and writes, for each example whose
klayers outcome is its summary, test/e2e/keras-io/<keras_out>.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Run inside the child: installs the stand-ins, then runs the script as __main__.
CHILD = r'''
import runpy, sys, numpy as np, keras
sys.modules.setdefault("keras_core", keras)
SHAPES = {
    "mnist": ((60000, 28, 28), (60000,), (10000, 28, 28), (10000,)),
    "fashion_mnist": ((60000, 28, 28), (60000,), (10000, 28, 28), (10000,)),
    "cifar10": ((50000, 32, 32, 3), (50000, 1), (10000, 32, 32, 3), (10000, 1)),
    "cifar100": ((50000, 32, 32, 3), (50000, 1), (10000, 32, 32, 3), (10000, 1)),
}
for name, (a, b, c, d) in SHAPES.items():
    module = getattr(keras.datasets, name)
    module.load_data = lambda *args, _s=(a, b, c, d), **kw: ((np.zeros(_s[0], "uint8"), np.zeros(_s[1], "uint8")), (np.zeros(_s[2], "uint8"), np.zeros(_s[3], "uint8")))
class _History:
    history = {}
keras.Model.fit = lambda self, *a, **k: _History()
keras.Model.evaluate = lambda self, *a, **k: [0.0, 0.0]
keras.Model.predict = lambda self, x, *a, **k: np.zeros((len(x),) + tuple(self.output_shape[1:]))
sys.argv = [sys.argv[1]]
runpy.run_path(sys.argv[0], run_name="__main__")
'''
STAND_INS = [
    "keras.datasets.{mnist,fashion_mnist,cifar10,cifar100}.load_data() -> zero arrays of the data set's shapes",
    "Model.fit / evaluate / predict -> return at once (no training)",
    "import keras_core -> keras",
]


def run(script: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "KERAS_BACKEND": "jax", "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([sys.executable, "-c", CHILD, script], env=env, capture_output=True, text=True, cwd=os.path.dirname(script))
    if done.returncode != 0:
        raise SystemExit(f"{script} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def main() -> None:
    if "--examples" in sys.argv:
        source = os.environ.get("KERAS_IO_EXAMPLES", "/tmp/keras-io-examples")
        out_dir = os.path.join(ROOT, "test/e2e/keras-io")
        listing = json.load(open(os.path.join(out_dir, "examples.json")))
        for example in listing["examples"]:
            if example.get("klayers") != "summary":
                continue
            script = os.path.join(source, example["repo"], example["path"])
            if not os.path.exists(script):
                print("absent, kept as committed:", script)
                continue
            text = run(script)
            open(os.path.join(out_dir, example["keras_out"]), "w").write(text)
            print("wrote", example["keras_out"])
        return
    folder = os.path.join(ROOT, "test/e2e/keras-scripts")
    wanted = [a for a in sys.argv[1:] if not a.startswith("-")]
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py") and (not wanted or name[:-3] in wanted):
            text = run(os.path.join(folder, name))
            open(os.path.join(folder, name[:-3] + ".keras-out.txt"), "w").write(text)
            print("wrote", name[:-3] + ".keras-out.txt")
    print("stand-ins:", *STAND_INS, sep="\n  ")


if __name__ == "__main__":
    main()
