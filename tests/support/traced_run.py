"""Runs a program as `python main.py` would, under the event-loop tracer or not:
`python traced_run.py --traced|--plain PROGRAM`. tests/unit/trace-output.python.test.ts runs both and
compares what they print."""

import contextlib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "utils", "python"))
import tracer  # noqa: E402

mode, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    source = f.read()
sys.argv = ["main.py"]
sys.path.pop(0)
program = compile(source, "main.py", "exec")
recorder = tracer.record("main.py") if mode == "--traced" else contextlib.nullcontext()
with recorder:
    exec(program, {"__name__": "__main__", "__file__": "main.py"})
