"""The results of the load runs kept in docs/load/, side by side: one line per
run and route (throughput, median and 95th percentile, errors)."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROUTES = (
    "GET /comms/complaint",
    "POST /comms/complaint/submit",
    "officer list",
    "officer open",
    "mail gateway",
)


def main(directory=ROOT / "docs" / "load"):
    runs = [json.loads(path.read_text()) for path in sorted(directory.glob("*.json"))]
    print(
        "| run | forms | accepted | forms/s | route | requests | req/s "
        "| median ms | p95 ms | server errors | connections cut | checks |"
    )
    print("| --- " + "| ---: " * 3 + "| --- " + "| ---: " * 6 + "| --- |")
    for run in runs:
        checks = sum(check["ok"] for check in run["checks"])
        first = True
        for route in ROUTES:
            figures = run["routes"].get(route)
            if not figures:
                continue
            head = (
                f"| {run['title']} | {run['submitted']} | {run['accepted']} | "
                f"{run['submitted'] / run['elapsed']:.2f} "
                if first
                else "| | | | "
            )
            tail = f"{checks}/{len(run['checks'])} pass |" if first else "|"
            print(
                f"{head}| {route} | {figures['requests']} | "
                f"{figures['requests'] / run['elapsed']:.2f} | "
                f"{figures['median_ms']:.0f} | {figures['p95_ms']:.0f} | "
                f"{figures['errors']} | {figures.get('cut', 0)} | {tail}"
            )
            first = False


if __name__ == "__main__":
    main(*[Path(arg) for arg in sys.argv[1:]])
