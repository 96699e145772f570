#!/usr/bin/env python3
"""Times Python merely parsing the files OpenAPIBench imports: json.loads for .json, and
yaml.safe_load (PyYAML's pure-Python SafeLoader, what `yaml.safe_load` is) for .yaml, plus
yaml.load with CSafeLoader (libyaml underneath) for reference.

Usage: py_parse.py [--runs N] FILE...
Prints one tab-separated line per file and parser: file, parser, best and median milliseconds,
peak resident memory growth in MB (ru_maxrss after minus before, so only the first file's figure
is clean).
"""
import json
import resource
import statistics
import sys
import time

try:
    import yaml
except ImportError:  # the run script installs PyYAML into a virtual environment
    yaml = None


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(function, data, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(data)
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main(arguments):
    runs = 5
    if len(arguments) >= 2 and arguments[0] == "--runs":
        runs = int(arguments[1])
        arguments = arguments[2:]
    print("file\tparser\tbest_ms\tmedian_ms\tpeak_growth_mb")
    for path in arguments:
        with open(path, "rb") as handle:
            data = handle.read()
        name = path.rsplit("/", 1)[-1]
        if path.endswith(".json"):
            parsers = [("json.loads", json.loads)]
        elif yaml is None:
            print(f"{name}\tyaml\tPyYAML missing\t\t", flush=True)
            continue
        else:
            parsers = [("yaml.safe_load", yaml.safe_load)]
            if getattr(yaml, "__with_libyaml__", False):
                parsers.append(("yaml.load(CSafeLoader)", lambda text: yaml.load(text, Loader=yaml.CSafeLoader)))
        for label, parser in parsers:
            before = peak_mb()
            try:
                best, median = timed(parser, data, runs)
            except Exception as error:  # PyYAML rejects some documents libyaml-based readers accept
                print(f"{name}\t{label}\tfailed: {type(error).__name__}\t\t", flush=True)
                continue
            print(f"{name}\t{label}\t{best:.1f}\t{median:.1f}\t{peak_mb() - before:.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
