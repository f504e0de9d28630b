"""`python -m dev bench [NAME ...]` runs the benchmarks (`make bench`); `python -m dev notebooks` checks that no\ncommitted notebook holds outputs (part of `make lint`)."""
import argparse
import sys

from dev import bench, notebooks

parser = argparse.ArgumentParser(prog="python -m dev", description="Developer tools of the course.")
sub = parser.add_subparsers(dest="command", required=True)
sub.add_parser("bench", help="run the benchmarks and print their figures").add_argument(
    "names", nargs="*", help="only these benchmarks")
sub.add_parser("notebooks", help="fail if a committed notebook holds outputs")
args = parser.parse_args()
if args.command == "bench":
    bench.load_all()
    sys.exit(bench.run(args.names))
problems = notebooks.notebooks_with_outputs()
print("\n".join(problems) or "notebooks: no outputs committed")
sys.exit(1 if problems else 0)
