#!/usr/bin/env python3
"""Checks every export format with the tool that really reads it.

Exports, through the real `partnership` binary, the embedded dataset, the
core crate's sample fixture and a hostile fixture (quotes, markup,
separators, line breaks, control characters, long ids and texts), then
reads each output back with its consumer and compares it with the graph as
`partnership export --format json` gives it:

  gexf     NetworkX read_gexf: same nodes and links, attributes, intervals
           (computed here from the partial dates), distinct parallel ids
  graphml  NetworkX read_graphml: same counts and attributes
  json     NetworkX node_link_graph: same counts
  ftm      followthemoney: every line a valid entity of a concrete schema,
           required properties present, ids valid, link ends existing, and
           FtM's own cleaning keeps every property and value (exactly the
           same values for the dataset)
  neo4j    ladybug (an embedded Cypher database): ladybug.cypher creates
           the tables and loads the CSVs; every entity, link and value is
           there; the leads of the C4 Trust Fund and the shortest path from
           Romania to the Verkhovna Rada agree with `partnership who-leads`
           and `partnership path`
  csv      Python's csv module: every row and cell equal to the graph

Usage: scripts/check_formats.py [PATH_TO_PARTNERSHIP_BINARY]
(default: $PARTNERSHIP_BIN, else target/debug/partnership, built if missing).

A consumer that is not installed is a failure when CI=true; otherwise that
check is skipped with a notice. Exits 1 on any failure and prints one
closing line `N passed, N failed`.
"""

import calendar
import csv
import json
import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = {
    "dataset": None,
    "sample": ROOT / "crates/core/tests/fixtures/sample.json",
    "hostile": ROOT / "crates/export/tests/fixtures/hostile.json",
}
IN_CI = os.environ.get("CI") == "true"

passed = 0
failed = 0
skipped = 0


def binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    if os.environ.get("PARTNERSHIP_BIN"):
        return os.environ["PARTNERSHIP_BIN"]
    path = ROOT / "target/debug/partnership"
    if not path.exists():
        subprocess.run(
            ["cargo", "build", "--quiet", "-p", "partnership-cli"], cwd=ROOT, check=True
        )
    return str(path)


BIN = None


def run(fixture, *args, text=True):
    """Runs the binary on a fixture; its standard output."""
    cmd = [BIN]
    if FIXTURES[fixture] is not None:
        cmd += ["--data", str(FIXTURES[fixture])]
    cmd += list(args)
    out = subprocess.run(cmd, capture_output=True, check=False)
    if out.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed: {out.stderr.decode()}")
    return out.stdout.decode("utf-8") if text else out.stdout


def graph_of(fixture):
    return json.loads(run(fixture, "export", "--format", "json"))


def check(name, fn, *args):
    global passed, failed
    try:
        fn(*args)
    except Exception:  # noqa: BLE001 - report every failure, go on
        failed += 1
        print(f"FAIL {name}")
        traceback.print_exc()
    else:
        passed += 1
        print(f"ok   {name}")


def consumer(module):
    """Imports a consumer package; None (with a notice, or a failure in CI)."""
    global failed, skipped
    try:
        return __import__(module)
    except ImportError:
        if IN_CI:
            failed += 1
            print(f"FAIL the Python package `{module}` is not installed, and CI=true needs it")
        else:
            skipped += 1
            print(
                f"NOTICE: the Python package `{module}` is not installed; skipping its checks "
                "(pip install networkx followthemoney ladybug; under CI=true this fails)"
            )
        return None


# --- dates, computed here independently of the Rust code -------------------


def first_day(d):
    parts = d.split("-")
    y, m, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1
    if len(parts) > 2:
        day = int(parts[2])
    return f"{y:04d}-{m:02d}-{day:02d}"


def last_day(d):
    parts = d.split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else 12
    day = int(parts[2]) if len(parts) > 2 else calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}-{day:02d}"


def node_span(n):
    """MODEL.md: from `since` (or `date`) to `until` (or, with no `since`,
    the `date`)."""
    start = n.get("since", n.get("date"))
    end = n.get("until", n.get("date") if "since" not in n else None)
    return (first_day(start) if start else None, last_day(end) if end else None)


def xml_text(s):
    """What XML 1.0 can carry of a string: the rest becomes U+FFFD."""
    def ok(c):
        o = ord(c)
        return c in "\t\n\r" or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000
    return "".join(c if ok(c) else "\ufffd" for c in s)


# --- NetworkX: GEXF, GraphML, node-link JSON ---------------------------------


def check_gexf(nx, fixture):
    g = graph_of(fixture)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.gexf"
        path.write_bytes(run(fixture, "export", "--format", "gexf", text=False))
        G = nx.read_gexf(path)
    assert G.is_directed(), "not directed"
    assert G.graph["mode"] == "dynamic", G.graph
    assert G.number_of_nodes() == len(g["nodes"]), (G.number_of_nodes(), len(g["nodes"]))
    assert G.number_of_edges() == len(g["edges"]), (G.number_of_edges(), len(g["edges"]))
    # Nodes come back in file order, which is the graph's order.
    for (nid, d), n in zip(G.nodes(data=True), g["nodes"]):
        assert d["label"] == xml_text(n["name"]), (d["label"], n["name"])
        assert d["kind"] == n["kind"]
        assert d["name"] == xml_text(n["name"])
        assert json.loads(d["sources"]) == json.loads(xml_text(json.dumps(n["sources"], ensure_ascii=False)))
        assert d.get("description") == (xml_text(n["description"]) if "description" in n else None)
        for f in ("since", "until", "date"):
            assert d.get(f) == n.get(f), (nid, f, d.get(f), n.get(f))
        if n.get("aliases"):
            assert json.loads(d["aliases"]) == [xml_text(a) for a in n["aliases"]]
        start, end = node_span(n)
        assert d.get("start") == start and d.get("end") == end, (nid, d.get("start"), d.get("end"), start, end)
        assert "viz" in d and "color" in d["viz"], d
        for k, v in n.get("attributes", {}).items():
            got = [d[t] for t in d if t == k or t.startswith(k + "_")]
            assert any(x == (xml_text(v) if isinstance(v, str) else v) for x in got), (nid, k, v, d)
    # Edge ids are e<index in the graph>, distinct even for parallel links.
    ids = [d["id"] for _, _, d in G.edges(data=True)]
    assert len(set(ids)) == len(ids) == len(g["edges"]), "edge ids are not distinct"
    for u, v, d in G.edges(data=True):
        e = g["edges"][int(d["id"][1:])]
        assert d["relation"] == e["relation"] and d["link_key"] == e["key"], (d, e)
        assert d.get("role") == (xml_text(e["role"]) if "role" in e else None)
        assert d.get("start") == (first_day(e["since"]) if "since" in e else None), (d, e)
        assert d.get("end") == (last_day(e["until"]) if "until" in e else None), (d, e)
        assert json.loads(d["sources"]) == json.loads(xml_text(json.dumps(e["sources"], ensure_ascii=False)))


def check_graphml_and_json(nx, fixture):
    g = graph_of(fixture)
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "g.graphml"
        p.write_bytes(run(fixture, "export", "--format", "graphml", text=False))
        G = nx.read_graphml(p, force_multigraph=True)
        assert (G.number_of_nodes(), G.number_of_edges()) == (len(g["nodes"]), len(g["edges"]))
        for (_, d), n in zip(G.nodes(data=True), g["nodes"]):
            assert d["kind"] == n["kind"] and d["name"] == xml_text(n["name"]), (d, n)
    H = nx.node_link_graph(g, edges="edges")
    assert H.is_multigraph() and H.is_directed()
    assert (H.number_of_nodes(), H.number_of_edges()) == (len(g["nodes"]), len(g["edges"]))


# --- FollowTheMoney -----------------------------------------------------------


def check_ftm(ftm, fixture):
    from followthemoney import model
    from followthemoney.types import registry

    g = graph_of(fixture)
    # One entity per line: split at line feeds only (a value may hold
    # U+2028, which str.splitlines would also split at).
    lines = run(fixture, "export", "--format", "ftm").split("\n")
    assert lines[-1] == "", "no final line feed"
    lines = lines[:-1]
    assert len(lines) == len(g["nodes"]) + len(g["edges"]), (len(lines), len(g["nodes"]), len(g["edges"]))
    ids = set()
    entities = [json.loads(line) for line in lines]
    for e in entities:
        assert registry.entity.validate(e["id"]), f"invalid id {e['id']!r}"
        assert e["id"] not in ids, f"repeated id {e['id']!r}"
        ids.add(e["id"])
    changed = 0
    for e in entities:
        schema = model.get(e["schema"])
        assert schema is not None and not schema.abstract, e["schema"]
        for prop in e["properties"]:
            assert prop in schema.properties, f"{e['schema']} has no property {prop!r}"
        proxy = model.get_proxy(e, cleaned=False)  # FtM cleans every value
        cleaned = proxy.to_dict()
        schema.validate(cleaned)
        for req in schema.required:
            assert cleaned["properties"].get(req), f"{e['id']}: required {req} missing"
        assert cleaned["id"] == e["id"] and cleaned["schema"] == e["schema"]
        # Nothing dropped: every property, and as many values.
        assert set(cleaned["properties"]) == set(e["properties"]), (
            e["id"], set(e["properties"]) ^ set(cleaned["properties"]))
        for prop, values in e["properties"].items():
            got = cleaned["properties"][prop]
            assert len(got) == len(values), (e["id"], prop, values, got)
            if got != values:
                changed += 1
        if schema.edge:
            for end in (schema.edge_source, schema.edge_target):
                (ref,) = cleaned["properties"][end]
                assert ref in ids, f"{e['id']}: {end} -> {ref} is not an entity"
        if not schema.edge:
            assert "publisher" in cleaned["properties"], f"{e['id']}: no sources"
    if fixture != "hostile":
        assert changed == 0, f"FtM's cleaning changed {changed} values"
    # followthemoney's own command reads the file too.
    import shutil
    ftm_cli = shutil.which("ftm")
    assert ftm_cli, "the `ftm` command of followthemoney is not on PATH"
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.ftm.json", Path(tmp) / "out.ftm.json"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run([ftm_cli, "validate", "-i", str(src), "-o", str(out)], check=True)
        back = [json.loads(x) for x in out.read_text(encoding="utf-8").split("\n") if x]
        assert [b["id"] for b in back] == [e["id"] for e in entities], "ftm validate lost entities"
    # The node entities are the nodes, in order, with their names and kinds.
    for e, n in zip(entities, g["nodes"]):
        assert e["properties"]["name"][0].split() == n["name"].replace("\x00", "").split(), (e, n)
        assert e["properties"]["keywords"][0] == n["kind"], (e, n)


# --- Neo4j / Ladybug ----------------------------------------------------------


def ladybug_db(lb, folder, db_path):
    db = lb.Database(str(db_path))
    conn = lb.Connection(db)
    here = os.getcwd()
    os.chdir(folder)  # ladybug.cypher gives paths relative to the folder
    try:
        for statement in (Path(folder) / "ladybug.cypher").read_text().split(";"):
            if statement.strip():
                conn.execute(statement)
    finally:
        os.chdir(here)
    return db, conn


def rows(conn, query, params=None):
    r = conn.execute(query, params or {})
    out = []
    while r.has_next():
        out.append(r.get_next())
    return out


def check_neo4j(lb, fixture):
    g = graph_of(fixture)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "out"
        run(fixture, "export", "--format", "neo4j", "-o", str(folder))
        readme = (folder / "README.md").read_text()
        assert "neo4j-admin database import full" in readme
        schema = (folder / "schema.cypher").read_text()
        assert "REQUIRE e.id IS UNIQUE" in schema
        # Neo4j's header syntax: typed columns, one :ID, :LABEL, ends and type.
        with open(folder / "nodes.csv", newline="", encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert header[:2] == ["id:ID", ":LABEL"] and "aliases:string[]" in header, header
        delimiter = readme.split("--array-delimiter='")[1].split("'")[0]
        delimiter = "\x1f" if delimiter == "U+001F" else delimiter

        db, conn = ladybug_db(lb, folder, Path(tmp) / "db")
        (count,) = rows(conn, "MATCH (e:Entity) RETURN count(e)")[0]
        assert count == len(g["nodes"]), (count, len(g["nodes"]))
        (count,) = rows(conn, "MATCH ()-[l]->() RETURN count(l)")[0]
        assert count == len(g["edges"]), (count, len(g["edges"]))
        # Every value of every node, as loaded.
        loaded = {r[0]: r for r in rows(
            conn,
            "MATCH (e:Entity) RETURN e.id, e.name, e.kind, e.aliases, e.since_text, "
            "e.until_text, e.date_text, e.description, e.sources, e.since, e.until, e.labels")}
        for n in g["nodes"]:
            r = loaded[n["id"]]
            assert r[1] == n["name"] and r[2] == n["kind"], (r, n)
            aliases = r[3].split(delimiter) if r[3] else []
            assert aliases == n.get("aliases", []), (aliases, n.get("aliases"))
            assert (r[4], r[5], r[6]) == (n.get("since"), n.get("until"), n.get("date")), (r, n)
            assert r[7] == n.get("description"), (r[7], n.get("description"))
            assert json.loads(r[8]) == n["sources"]
            assert (str(r[9]) if r[9] else None) == (first_day(n["since"]) if "since" in n else None)
            assert (str(r[10]) if r[10] else None) == (last_day(n["until"]) if "until" in n else None)
            assert r[11].split(delimiter)[0] == "Entity"
        links = rows(conn, "MATCH (a:Entity)-[l]->(b:Entity) RETURN a.id, l.type, b.id, l.key, l.role, l.since_text, l.sources")
        want = sorted((e["source"], e["relation"].upper(), e["target"], e["key"], e.get("role"), e.get("since"), json.dumps(e["sources"])) for e in g["edges"])
        got = sorted((a, t, b, k, r, s, json.dumps(json.loads(src))) for a, t, b, k, r, s, src in links)
        assert got == want, [x for x in got if x not in want][:3]

        if fixture == "dataset":
            check_neo4j_answers(conn)


def check_neo4j_answers(conn):
    # Who leads the C4 Trust Fund, as the library answers it.
    answer = json.loads(run("dataset", "who-leads", "c4-trust-fund", "--format", "json"))
    want = sorted(x["id"] for x in answer["leads"])
    got = sorted(r[0] for r in rows(
        conn, "MATCH (lead:Entity)-[:LEADS]->(f:Entity {id: 'c4-trust-fund'}) RETURN lead.id"))
    assert got == want and got, (got, want)
    want = sorted(x["id"] for x in answer.get("executing_agents", answer.get("executes", [])))
    got = sorted(r[0] for r in rows(
        conn, "MATCH (x:Entity)-[:EXECUTES]->(f:Entity {id: 'c4-trust-fund'}) RETURN x.id"))
    assert got == want, (got, want)

    # The shortest connection from Romania to the Verkhovna Rada, links read
    # either way, as `partnership path` finds it.
    answer = json.loads(run("dataset", "path", "Romania", "Verkhovna Rada", "--format", "json"))
    want_len = answer["paths"][0]["length"]
    got = rows(
        conn,
        "MATCH p = (a:Entity {id: 'romania'})-[* SHORTEST 1..12]-(b:Entity {id: 'verkhovna-rada'}) "
        "RETURN length(p), properties(nodes(p), 'id')")
    assert got, "no path"
    length, ids = got[0]
    assert length == want_len, (length, want_len)
    assert ids[0] == "romania" and ids[-1] == "verkhovna-rada", ids
    # Each step of Ladybug's path is a link of the graph, either way.
    for a, b in zip(ids, ids[1:]):
        (n,) = rows(conn, "MATCH (x:Entity {id: $a})-[l]-(y:Entity {id: $b}) RETURN count(l)", {"a": a, "b": b})[0]
        assert n > 0, (a, b)
    steps = [(s["from"]["id"], s["to"]["id"]) for s in answer["paths"][0]["steps"]]
    print(f"     ladybug path {' - '.join(ids)}; partnership path {' - '.join([steps[0][0]] + [t for _, t in steps])}")


# --- CSV for spreadsheets ------------------------------------------------------


def check_csv(fixture):
    g = graph_of(fixture)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "out"
        run(fixture, "export", "--format", "csv", "-o", str(folder))
        with open(folder / "nodes.csv", newline="", encoding="utf-8") as f:
            nodes = list(csv.DictReader(f))
        with open(folder / "links.csv", newline="", encoding="utf-8") as f:
            links = list(csv.DictReader(f))
    assert len(nodes) == len(g["nodes"]) and len(links) == len(g["edges"])
    names = {n["id"]: n["name"] for n in g["nodes"]}
    for row, n in zip(nodes, g["nodes"]):
        assert row["id"] == n["id"] and row["name"] == n["name"] and row["kind"] == n["kind"], (row, n)
        assert (json.loads(row["aliases"]) if row["aliases"] else []) == n.get("aliases", [])
        for f in ("since", "until", "date", "description"):
            assert row[f] == n.get(f, ""), (f, row[f], n.get(f))
        start, end = node_span(n)
        assert (row["start"], row["end"]) == (start or "", end or ""), (row, n)
        assert (json.loads(row["attributes"]) if row["attributes"] else {}) == n.get("attributes", {})
        assert json.loads(row["sources"]) == n["sources"]
    for row, e in zip(links, g["edges"]):
        assert (row["source"], row["relation"], row["target"], int(row["key"])) == (
            e["source"], e["relation"], e["target"], e["key"]), (row, e)
        assert row["source_name"] == names[e["source"]] and row["target_name"] == names[e["target"]]
        for f in ("since", "until", "role", "description"):
            assert row[f] == e.get(f, ""), (f, row[f], e.get(f))
        assert row["start"] == (first_day(e["since"]) if "since" in e else "")
        assert row["end"] == (last_day(e["until"]) if "until" in e else "")
        assert (json.loads(row["attributes"]) if row["attributes"] else {}) == e.get("attributes", {})
        assert json.loads(row["sources"]) == e["sources"]


def check_same_bytes(fixture):
    """Byte-identical output run after run, for every format."""
    for fmt in ("gexf", "ftm", "graphml", "json", "dot", "mermaid"):
        a = run(fixture, "export", "--format", fmt, text=False)
        b = run(fixture, "export", "--format", fmt, text=False)
        assert a == b, fmt
    for fmt in ("neo4j", "csv"):
        with tempfile.TemporaryDirectory() as tmp:
            run(fixture, "export", "--format", fmt, "-o", f"{tmp}/a")
            run(fixture, "export", "--format", fmt, "-o", f"{tmp}/b")
            fa = sorted(p.name for p in Path(tmp, "a").iterdir())
            assert fa == sorted(p.name for p in Path(tmp, "b").iterdir())
            for name in fa:
                assert Path(tmp, "a", name).read_bytes() == Path(tmp, "b", name).read_bytes(), name


def main():
    global BIN
    BIN = binary()
    nx = consumer("networkx")
    ftm = consumer("followthemoney")
    lb = consumer("ladybug")
    for fixture in FIXTURES:
        if nx:
            check(f"networkx read_gexf ({fixture})", check_gexf, nx, fixture)
            check(f"networkx read_graphml and node_link_graph ({fixture})", check_graphml_and_json, nx, fixture)
        if ftm:
            check(f"followthemoney entities ({fixture})", check_ftm, ftm, fixture)
        if lb:
            check(f"ladybug loads the neo4j folder ({fixture})", check_neo4j, lb, fixture)
        check(f"python csv reads the spreadsheet tables ({fixture})", check_csv, fixture)
        check(f"byte-identical output run after run ({fixture})", check_same_bytes, fixture)
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
