#!/usr/bin/env python3
"""Writes expected.json: the centrality values NetworkX computes for the
graphs and options that ../networkx.rs checks the library against.

Run from the repository root, after each change to the dataset:

    python3 -m venv /tmp/nx && /tmp/nx/bin/pip install networkx==3.6.1 scipy==1.17.1 numpy==2.4.6
    /tmp/nx/bin/python crates/analysis/tests/networkx/generate.py

Options: --dataset PATH (default data/nato-ukraine.json), --out PATH
(default expected.json next to this script), --check (compare with the
file instead of writing it; exit 1 if it is stale). The output is
deterministic: running it twice gives the same bytes.

How each graph becomes a NetworkX graph (stated again in expected.json):
- nodes 0..n-1 are added first, then the links in list order, one edge per
  link, so parallel links and self-loops are kept;
- the directed reading is `G`, an `nx.MultiDiGraph`;
- the undirected reading is `U`, an `nx.MultiGraph` with one undirected
  edge per link: `a -> b` and `b -> a` become two parallel edges `a - b`;
- eigenvector centrality refuses multigraphs, so it runs on
  `nx.DiGraph(G)` and `nx.Graph(U)` (parallel links count once).

Every case records every option explicitly, the exact call (the string is
evaluated here, so it is the call that produced the values), and either the
values, one per node (or per link, for edge betweenness, in link order,
reading NetworkX's `(u, v, key)` entry for each link), or the error NetworkX
raised.
"""

import argparse
import json
import math
import platform
import re
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import scipy

NETWORKX_VERSION = "3.6.1"

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]

# Tolerances, and why.
#
# Degree, betweenness, closeness and harmonic centrality are closed-form
# sums of fractions: the library and NetworkX differ only in the order of
# floating-point additions, a few units in the last place of values below
# 100, so 1e-12 is tight and still far above that noise.
EXACT = 1e-12
# PageRank and eigenvector centrality stop a power iteration. With the same
# options the library runs NetworkX's iteration step for step, so the two
# agree to rounding unless one stops an iteration earlier; 1e-9 covers that
# and is also the project's promise for the library's defaults (within 1e-9
# of the fixed point). NetworkX's own default tol=1e-6 leaves results some
# 1e-5 away from the fixed point, which this tolerance catches.
ITERATIVE = 1e-9

# Small graphs that exercise the conventions. Each is (nodes, links).
SMALL = {
    # Mixed: a 2-cycle (0,2), parallel links (1,3 twice), antiparallel
    # links (3,4), self-loops (0 and 4), a dead end (6) and an isolated
    # node (7).
    "mixed": (
        8,
        [(0, 1), (0, 2), (1, 2), (2, 0), (2, 3), (1, 3), (1, 3), (3, 4),
         (4, 3), (4, 4), (4, 5), (5, 1), (5, 6), (0, 0)],
    ),
    # Split: two weak components, with a 3-cycle, antiparallel links and
    # parallel links.
    "split": (
        7,
        [(0, 1), (1, 2), (2, 0), (0, 2), (3, 4), (4, 3), (3, 5), (3, 5),
         (6, 3)],
    ),
    # Strong: strongly connected, with a self-loop and antiparallel links,
    # so directed eigenvector centrality converges.
    "strong": (
        6,
        [(0, 1), (1, 2), (2, 3), (3, 0), (1, 4), (4, 5), (5, 1), (2, 0),
         (3, 3), (4, 1)],
    ),
    # A directed path of 12 nodes: power iteration on A^T + I does not
    # converge in 100 iterations.
    "path12": (12, [(i, i + 1) for i in range(11)]),
}

# The synthetic graph for the library-default checks: NetworkX's scale-free
# generator (a MultiDiGraph with parallel links and self-loops), links in
# the order NetworkX lists them. Its links are stored in expected.json, so
# the test does not depend on this generator staying the same.
SYNTHETIC_NODES = 300
SYNTHETIC_SEED = 1


def networkx_graphs(n, links):
    """G (MultiDiGraph) and U (MultiGraph), and the key of each link in each."""
    G = nx.MultiDiGraph()
    U = nx.MultiGraph()
    G.add_nodes_from(range(n))
    U.add_nodes_from(range(n))
    keys_g = [G.add_edge(s, t) for s, t in links]
    keys_u = [U.add_edge(s, t) for s, t in links]
    return G, U, keys_g, keys_u


def fmt(x):
    """The Python repr of a float, as `float(...)` in the call string."""
    return repr(x)


class Builder:
    def __init__(self):
        self.graphs = {}
        self.cases = []
        self.nx = {}

    def add_graph(self, name, n, links, **extra):
        self.graphs[name] = {"nodes": n, "links": [list(l) for l in links], **extra}
        G, U, kg, ku = networkx_graphs(n, links)
        self.nx[name] = {"G": G, "U": U, "keys_G": kg, "keys_U": ku, "links": links, "n": n}

    def run(self, graph, call):
        env = {"nx": nx, "G": self.nx[graph]["G"], "U": self.nx[graph]["U"]}
        return eval(call, env)  # noqa: S307 - our own fixed strings

    def per_node(self, graph, result):
        n = self.nx[graph]["n"]
        assert sorted(result) == list(range(n)), graph
        return [float(result[i]) for i in range(n)]

    def per_link(self, graph, which, result):
        g = self.nx[graph]
        keys = g["keys_" + which]
        out = []
        for (s, t), k in zip(g["links"], keys):
            if (s, t, k) in result:
                out.append(float(result[(s, t, k)]))
            else:
                # An undirected MultiGraph may list the edge as (t, s, k).
                out.append(float(result[(t, s, k)]))
        assert len(result) == len(out), (graph, which)
        return out

    def case(self, name, graph, measure, options, call, tolerance,
             per="node", which=None, library_defaults=False, check=None):
        case = {
            "name": name,
            "graph": graph,
            "measure": measure,
            "options": options,
            "library_defaults": library_defaults,
            "networkx_call": call,
            "tolerance": tolerance,
        }
        try:
            result = self.run(graph, call)
        except nx.PowerIterationFailedConvergence as e:
            # NetworkX says "power iteration failed to converge within N
            # iterations".
            found = re.search(r"within (\d+) iterations", str(e))
            assert found, (name, str(e))
            case["expected"] = {"error": "not_converged", "iterations": int(found.group(1))}
            self.cases.append(case)
            return
        values = (self.per_node(graph, result) if per == "node"
                  else self.per_link(graph, which, result))
        assert all(math.isfinite(v) for v in values), name
        if check is not None:
            case["independent_check"] = check(graph, values)
        case["expected"] = {"values": values}
        self.cases.append(case)


def reading_graph(reading):
    return {"directed": "G", "undirected": "U"}[reading]


def small_cases(b, graph):
    """Every measure and option combination on one small graph."""
    for direction, fn in [("total", "degree_centrality"), ("in", "in_degree_centrality"),
                          ("out", "out_degree_centrality")]:
        b.case(f"{graph}_degree_{direction}", graph, "degree", {"direction": direction},
               f"nx.{fn}(G)", EXACT)
    for reading in ("directed", "undirected"):
        X = reading_graph(reading)
        for normalized in (True, False):
            for endpoints in (False, True):
                name = f"{graph}_betweenness_{reading}"
                name += "" if normalized else "_raw"
                name += "_endpoints" if endpoints else ""
                b.case(name, graph, "betweenness",
                       {"reading": reading, "normalized": normalized, "endpoints": endpoints},
                       f"nx.betweenness_centrality({X}, normalized={normalized}, "
                       f"endpoints={endpoints}, k=None, weight=None)", EXACT)
        for normalized in (True, False):
            name = f"{graph}_edge_betweenness_{reading}" + ("" if normalized else "_raw")
            b.case(name, graph, "edge_betweenness",
                   {"reading": reading, "normalized": normalized},
                   f"nx.edge_betweenness_centrality({X}, normalized={normalized}, "
                   f"k=None, weight=None)", EXACT, per="link", which=X)
        for wf in (True, False):
            name = f"{graph}_closeness_{reading}" + ("" if wf else "_plain")
            b.case(name, graph, "closeness", {"reading": reading, "wf_improved": wf},
                   f"nx.closeness_centrality({X}, distance=None, wf_improved={wf})", EXACT)
        b.case(f"{graph}_harmonic_{reading}", graph, "harmonic", {"reading": reading},
               f"nx.harmonic_centrality({X}, distance=None)", EXACT)
        for suffix, alpha, tol, max_iter in [("", 0.85, 1e-6, 100), ("_alpha", 0.5, 1e-10, 200)]:
            b.case(f"{graph}_pagerank_{reading}{suffix}", graph, "pagerank",
                   {"reading": reading, "alpha": alpha, "tol": tol, "max_iter": max_iter},
                   f"nx.pagerank({X}, alpha={fmt(alpha)}, tol={fmt(tol)}, "
                   f"max_iter={max_iter}, weight=None)", ITERATIVE)
        simple = {"directed": "nx.DiGraph(G)", "undirected": "nx.Graph(U)"}[reading]
        b.case(f"{graph}_eigenvector_{reading}", graph, "eigenvector",
               {"reading": reading, "tol": 1e-6, "max_iter": 100},
               f"nx.eigenvector_centrality({simple}, max_iter=100, tol=1e-06, weight=None)",
               ITERATIVE)


def pagerank_fixed_point(b):
    """An independent check: distance to the dominant left eigenvector of the
    Google matrix, computed by LAPACK rather than by power iteration."""
    def check(graph, values, which):
        M = nx.google_matrix(b.nx[graph][which], alpha=0.85, weight=None)
        w, v = np.linalg.eig(M.T)
        x = v[:, int(np.argmax(w.real))].real
        x = x / x.sum()
        d = max(abs(a - e) for a, e in zip(values, x))
        # NetworkX stops when the summed change falls under n * tol, which can
        # leave each value a few 1e-10 off the fixed point on a graph with many
        # dangling nodes (the dataset since its second curation pass: 5e-10);
        # ITERATIVE (1e-9) is the promise this check backs.
        assert d < ITERATIVE, (graph, which, d)
        return f"max |value - LAPACK eigenvector of nx.google_matrix({which})| = {d:.1e}"
    return check


def eigenvector_fixed_point(b):
    """An independent check: the values are a fixed point of x -> (A^T + I) x,
    scaled to unit norm, to within 1e-10 (the residual, by numpy)."""
    def check(graph, values, simple):
        H = eval(simple, {"nx": nx, "G": b.nx[graph]["G"], "U": b.nx[graph]["U"]})  # noqa: S307
        A = nx.to_numpy_array(H, nodelist=range(b.nx[graph]["n"]), weight=None)
        x = np.array(values)
        y = (A.T + np.eye(len(x))) @ x
        y = y / np.linalg.norm(y)
        r = float(np.max(np.abs(y - x)))
        assert r < 1e-10, (graph, simple, r)
        return f"max |x - (A^T + I) x / norm| = {r:.1e} (numpy)"
    return check


def default_cases(b, graph):
    """The library's default PageRank and eigenvector centrality against
    NetworkX run to tol=1e-12, on both readings."""
    pr = pagerank_fixed_point(b)
    ev = eigenvector_fixed_point(b)
    for reading in ("directed", "undirected"):
        X = reading_graph(reading)
        b.case(f"{graph}_pagerank_{reading}_library_default", graph, "pagerank",
               {"reading": reading, "alpha": 0.85, "tol": 1e-12, "max_iter": 10000},
               f"nx.pagerank({X}, alpha=0.85, tol=1e-12, max_iter=10000, weight=None)",
               ITERATIVE, library_defaults=True,
               check=lambda g, v, X=X: pr(g, v, X))
        simple = {"directed": "nx.DiGraph(G)", "undirected": "nx.Graph(U)"}[reading]
        b.case(f"{graph}_eigenvector_{reading}_library_default", graph, "eigenvector",
               {"reading": reading, "tol": 1e-12, "max_iter": 10000},
               f"nx.eigenvector_centrality({simple}, max_iter=10000, tol=1e-12, weight=None)",
               ITERATIVE, library_defaults=True,
               check=lambda g, v, s=simple: ev(g, v, s))


def dataset_graph(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    ids = [node["id"] for node in data["nodes"]]
    index = {id_: i for i, id_ in enumerate(ids)}
    key = "edges" if "edges" in data else "links"
    links = [(index[e["source"]], index[e["target"]]) for e in data[key]]
    return ids, links


def dump(value, indent=0):
    """JSON with objects spread over lines and lists of numbers or pairs
    packed into lines of about 100 characters, so diffs stay readable."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f'{pad}  {json.dumps(k)}: {dump(v, indent + 2)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        flat = all(not isinstance(x, (dict, list)) or
                   (isinstance(x, list) and all(not isinstance(y, (dict, list)) for y in x))
                   for x in value)
        if flat:
            parts = [json.dumps(x, separators=(",", ":")) if isinstance(x, list) else json.dumps(x)
                     for x in value]
            lines, line = [], ""
            for p in parts:
                if line and len(line) + len(p) + 2 > 96:
                    lines.append(line + ",")
                    line = p
                else:
                    line = f"{line}, {p}" if line else p
            if line:
                lines.append(line)
            if len(lines) <= 1:
                return "[" + (lines[0] if lines else "") + "]"
            return "[\n" + "\n".join(pad + "  " + l for l in lines) + "\n" + pad + "]"
        items = [pad + "  " + dump(v, indent + 2) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=ROOT / "data" / "nato-ukraine.json")
    parser.add_argument("--out", type=Path, default=HERE / "expected.json")
    parser.add_argument("--check", action="store_true",
                        help="compare with --out instead of writing it (the Python version "
                             "may differ); exit 1 if anything else does")
    args = parser.parse_args()
    if nx.__version__ != NETWORKX_VERSION:
        sys.exit(f"need networkx=={NETWORKX_VERSION}, found {nx.__version__}")

    b = Builder()
    for name, (n, links) in SMALL.items():
        b.add_graph(name, n, links)
    for name in ("mixed", "split", "strong"):
        small_cases(b, name)
    # Failures to converge, which the library reports as NetworkX raises.
    b.case("path12_eigenvector_directed", "path12", "eigenvector",
           {"reading": "directed", "tol": 1e-6, "max_iter": 100},
           "nx.eigenvector_centrality(nx.DiGraph(G), max_iter=100, tol=1e-06, weight=None)",
           ITERATIVE)
    b.case("mixed_pagerank_directed_3_iterations", "mixed", "pagerank",
           {"reading": "directed", "alpha": 0.85, "tol": 1e-6, "max_iter": 3},
           "nx.pagerank(G, alpha=0.85, tol=1e-06, max_iter=3, weight=None)", ITERATIVE)
    assert b.cases[-1]["expected"].get("error") == "not_converged"
    assert b.cases[-2]["expected"].get("error") == "not_converged"

    ids, links = dataset_graph(args.dataset)
    try:
        shown = args.dataset.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        shown = args.dataset.name
    b.add_graph("dataset", len(ids), links, source=shown, ids=ids)
    default_cases(b, "dataset")

    S = nx.scale_free_graph(SYNTHETIC_NODES, seed=SYNTHETIC_SEED)
    synthetic = [(int(s), int(t)) for s, t in S.edges()]
    b.add_graph("synthetic", SYNTHETIC_NODES, synthetic,
                source=f"nx.scale_free_graph({SYNTHETIC_NODES}, seed={SYNTHETIC_SEED}).edges()")
    default_cases(b, "synthetic")

    out = {
        "about": "Expected values for crates/analysis/tests/networkx.rs, written by "
                 "crates/analysis/tests/networkx/generate.py; do not edit by hand.",
        "versions": {
            "python": platform.python_version(),
            "networkx": nx.__version__,
            "scipy": scipy.__version__,
            "numpy": np.__version__,
        },
        "conventions": {
            "G": "G = nx.MultiDiGraph(); G.add_nodes_from(range(nodes)); "
                 "G.add_edges_from(links)  # the directed reading",
            "U": "U = nx.MultiGraph(); U.add_nodes_from(range(nodes)); "
                 "U.add_edges_from(links)  # the undirected reading: one edge per link",
            "values": "one per node in index order; for edge_betweenness one per link in "
                      "link order, NetworkX's (u, v, key) entry for that link",
            "library_defaults": "false: the library runs with exactly `options`; true: the "
                                "library runs with its Default options except `reading`, and "
                                "`options` are NetworkX's",
            "tolerance": "absolute; 1e-12 for closed-form measures (rounding order only), "
                         "1e-9 for power iterations (see generate.py)",
        },
        "graphs": b.graphs,
        "cases": b.cases,
    }
    names = [c["name"] for c in b.cases]
    assert len(names) == len(set(names)), "case names are unique"
    text = dump(out) + "\n"
    if args.check:
        old = json.loads(args.out.read_text(encoding="utf-8"))
        old["versions"]["python"] = out["versions"]["python"]
        if dump(old) + "\n" != text:
            sys.exit(f"{args.out} is not what this script writes: rerun it and review the diff")
        print(f"{args.out} is up to date ({len(b.cases)} cases)")
        return
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(b.cases)} cases on {len(b.graphs)} graphs to {args.out}")


if __name__ == "__main__":
    main()
