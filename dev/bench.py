"""`make bench` (`python -m dev bench`): every benchmark of the project, each printing its figures.

A benchmark is a function that takes no arguments and returns a list of (label, value, unit) rows; add it
to BENCHMARKS. Benchmarks print figures; they never pass or fail."""
from __future__ import annotations

import time
from typing import Callable

Row = tuple[str, float, str]
BENCHMARKS: dict[str, Callable[[], list[Row]]] = {}


def benchmark(name: str):
    def register(fn):
        BENCHMARKS[name] = fn
        return fn
    return register


def run(selected: list[str] | None = None) -> int:
    for name, fn in BENCHMARKS.items():
        if selected and name not in selected:
            continue
        print(f"== {name}")
        started = time.perf_counter()
        for label, value, unit in fn():
            print(f"  {label:<58} {value:>10.2f} {unit}")
        print(f"  {'(benchmark took)':<58} {time.perf_counter() - started:>10.1f} s")
    return 0


def load_all() -> None:
    """Import the modules that define benchmarks, so that they register themselves."""
    import importlib

    for module in ("dev.benchmarks",):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
