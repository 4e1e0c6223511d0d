#!/usr/bin/env python3
"""Expected answers for `partnership centrality --over-time` on a user file.

Reads crates/core/tests/fixtures/changes.json, builds the graph as of each
year from 2010 to 2016 with its own reading of the activity rule (a node or
link is active in a year when its span overlaps the year; a link also needs
both ends active), and prints NetworkX's betweenness centrality on an
nx.MultiGraph (the tool's default "links read either way") for every node
active that year. crates/cli/tests/over_time.rs holds the printed values.

    python3 scripts/over_time_expected.py
"""
import json
import sys
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "crates/core/tests/fixtures/changes.json"


def bounds(text):
    """First and last day (as tuples) of a partial date."""
    parts = [int(p) for p in text.split("-")]
    y = parts[0]
    m0 = parts[1] if len(parts) > 1 else 1
    m1 = parts[1] if len(parts) > 1 else 12
    d0 = parts[2] if len(parts) > 2 else 1
    if len(parts) > 2:
        d1 = parts[2]
    else:
        leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        d1 = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m1 - 1]
    return (y, m0, d0), (y, m1, d1)


def active(since, until, year):
    first, last = (year, 1, 1), (year, 12, 31)
    return (since is None or bounds(since)[0] <= last) and (
        until is None or first <= bounds(until)[1]
    )


def node_span(n):
    since = n.get("since") or n.get("date")
    until = n.get("until") or (n.get("date") if "since" not in n else None)
    return since, until


def main():
    data = json.loads(DATA.read_text())
    for year in range(2010, 2017):
        g = nx.MultiGraph()
        alive = set()
        for n in data["nodes"]:
            if active(*node_span(n), year):
                g.add_node(n["id"])
                alive.add(n["id"])
        for e in data["edges"]:
            if e["source"] in alive and e["target"] in alive and active(
                e.get("since"), e.get("until"), year
            ):
                g.add_edge(e["source"], e["target"])
        scores = nx.betweenness_centrality(g)
        print(year, json.dumps({k: round(v, 12) for k, v in sorted(scores.items())}))


if __name__ == "__main__":
    sys.exit(main())
