"""Renders page.jinja2 with page.json in process with Jinja2, N times, and prints µs per render.

Usage: python jinja_bench.py [--iterations N] [--template page.jinja2] [--data page.json] [--print]
"""
import argparse
import json
import time
from pathlib import Path

import jinja2


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=20000)
    parser.add_argument("--template", default="../shared/bench/templates/page.jinja2")
    parser.add_argument("--data", default="../shared/bench/templates/page.json")
    parser.add_argument("--print", action="store_true")
    options = parser.parse_args()

    template_path = Path(options.template)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_path.parent), autoescape=True
    )
    template = environment.get_template(template_path.name)
    data = json.loads(Path(options.data).read_text())
    if options.print:
        print(template.render(**data), end="")
        return
    for _ in range(min(1000, options.iterations)):
        template.render(**data)
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(options.iterations):
        output = template.render(**data)
    cpu = (time.process_time() - cpu_start) * 1e6 / options.iterations
    wall = (time.perf_counter() - start) * 1e6 / options.iterations
    print(
        f"jinja2 render: {cpu:.2f} µs CPU, {wall:.2f} µs wall per render"
        f" ({options.iterations} renders, {len(output.encode())} bytes each)"
    )


if __name__ == "__main__":
    main()
