#!/usr/bin/env python3
"""Loading one node-link JSON file, side by side: NetworkX, rustworkx, igraph
and this project, each as a whole process, in one run.

Each peer reads the file, parses it and builds a directed multigraph that
keeps every node's and link's attributes. This project runs
`partnership validate FILE`, which reads, checks every node and link against
the model and builds the typed graph. Times are wall-clock, best of N runs
(the machine may be shared: best-of-N is the least disturbed figure); peak
memory is the maximum resident set size from `/usr/bin/time -v`.

    pip install networkx rustworkx igraph
    cargo build --release -p partnership-cli --example gen_graph
    target/release/examples/gen_graph --nodes 10000 --links-per-node 5 --seed 42 > /tmp/g10k.json
    python3 benches/peers_load.py /tmp/g10k.json [--runs 5] [--binary target/release/partnership]

Prints a markdown table. Not part of the test suite.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

PEERS = {
    "NetworkX": """
import json, sys
import networkx as nx
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
print(g.number_of_nodes(), g.number_of_edges())
""",
    "rustworkx": """
import json, sys
import rustworkx as rx
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
g = rx.PyDiGraph(multigraph=True)
index = {}
for i, node in zip(g.add_nodes_from(data["nodes"]), data["nodes"]):
    index[node["id"]] = i
g.add_edges_from([(index[e["source"]], index[e["target"]], e) for e in data["edges"]])
print(g.num_nodes(), g.num_edges())
""",
    "igraph": """
import json, sys
import igraph as ig
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
nodes, edges = data["nodes"], data["edges"]
index = {n["id"]: i for i, n in enumerate(nodes)}
g = ig.Graph(n=len(nodes), directed=True)
for key in {k for n in nodes for k in n}:
    g.vs[key] = [n.get(key) for n in nodes]
g.add_edges([(index[e["source"]], index[e["target"]]) for e in edges])
for key in {k for e in edges for k in e}:
    g.es[key] = [e.get(key) for e in edges]
print(g.vcount(), g.ecount())
""",
}


def measure(cmd):
    """Wall time (s) and peak RSS (MB) of one run of `cmd`."""
    out = subprocess.run(
        ["/usr/bin/time", "-v"] + cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", out.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    if not wall or not rss:
        sys.exit(f"cannot read /usr/bin/time output:\n{out.stderr}")
    hours, minutes, seconds = wall.groups()
    total = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    return total, int(rss.group(1)) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default="target/release/partnership")
    args = parser.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("needs /usr/bin/time (apt-get install -y time)")
    size = os.path.getsize(args.file) / 1e6

    commands = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, code in PEERS.items():
            script = os.path.join(tmp, f"peer_{name.lower()}.py")
            with open(script, "w", encoding="utf-8") as f:
                f.write(code)
            commands[name] = [sys.executable, script, args.file]
        commands["partnership (this project)"] = [args.binary, "validate", args.file]

        results = {name: [] for name in commands}
        # Interleave the tools so that a busy moment hits all of them alike.
        for _ in range(args.runs):
            for name, cmd in commands.items():
                results[name].append(measure(cmd))

    print(f"Loading `{os.path.basename(args.file)}` ({size:.1f} MB), whole process, "
          f"best of {args.runs} runs:\n")
    print("| tool | time (s) | MB/s | peak memory (MB) | memory / file |")
    print("| --- | --- | --- | --- | --- |")
    for name, runs in sorted(results.items(), key=lambda kv: min(r[0] for r in kv[1])):
        best = min(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        print(f"| {name} | {best:.3f} | {size / best:.0f} | {peak:.0f} | {peak / size:.1f}x |")


if __name__ == "__main__":
    main()
