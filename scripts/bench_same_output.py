"""Check that two knowledge tables hold the same rows (before/after a speed change).

    python scripts/bench_same_output.py before.jsonl after.jsonl

Rows are compared as parsed JSON, in order, so a different serializer (key order,
spacing, escapes) does not count as a difference; any changed, missing or extra row does.
Prints the first differences and exits 1 when there are any.
"""
from __future__ import annotations

import json
import sys
from itertools import zip_longest


def rows(path: str) -> list[dict]:
    """path (str): a JSONL table. RETURNS (list[dict]): its rows."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str]) -> int:
    """argv (list[str]): the two tables. RETURNS (int): 0 when identical, else 1."""
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    before, after = rows(argv[0]), rows(argv[1])
    diffs = [(i, a, b) for i, (a, b) in enumerate(zip_longest(before, after)) if a != b]
    for i, a, b in diffs[:5]:
        print(f"row {i}:\n  before: {a}\n  after:  {b}")
    print(f"{len(before)} rows before, {len(after)} after, {len(diffs)} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
