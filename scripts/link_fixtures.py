"""Score the linker on the hand-annotated stories of ``tests/fixtures/link_*.jsonl``.

Each line is one invented story (headline, dateline, body, entities given by surface
string, page date and city) with its gold officials and events. Prints F1 per part
and, with ``--diff``, what each story got wrong.

    python scripts/link_fixtures.py --diff
"""

from __future__ import annotations

import sys
from pathlib import Path

# This checkout's pipeline, whatever the environment has installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import json

from pipeline.link.agreement import score

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def load_fixtures(pattern: str = "link_*.jsonl") -> list[dict]:
    """RETURNS (list[dict]): every annotated story of the fixture files."""
    out = []
    for path in sorted(FIXTURES.glob(pattern)):
        with path.open(encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f if line.strip())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--diff", action="store_true", help="print each story's errors")
    args = parser.parse_args()
    print(score(load_fixtures(), diff=args.diff))


if __name__ == "__main__":
    main()
