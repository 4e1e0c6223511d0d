//! The library against NetworkX, case by case, from a table.
//!
//! The expected values are in `tests/networkx/expected.json`, written by
//! `tests/networkx/generate.py` with NetworkX 3.6.1 (SciPy 1.17.1 for
//! PageRank). Regenerate them from the repository root after any change to
//! the dataset, then review the diff:
//!
//! ```sh
//! python3 -m venv /tmp/nx && /tmp/nx/bin/pip install networkx==3.6.1 scipy==1.17.1 numpy==2.4.6
//! /tmp/nx/bin/python crates/analysis/tests/networkx/generate.py
//! ```
//!
//! Each case names a graph of the table (nodes `0..n` and a list of links,
//! or the embedded dataset), a measure, every option explicitly, the exact
//! NetworkX call that produced the values, a tolerance and the expected
//! values or error. How NetworkX reads a graph: the directed reading is an
//! `nx.MultiDiGraph` `G`, the undirected reading an `nx.MultiGraph` `U` with
//! one edge per link (so `a -> b` and `b -> a` are two parallel edges), and
//! eigenvector centrality runs on `nx.DiGraph(G)` / `nx.Graph(U)`.
//!
//! Cases with `library_defaults: false` run the library with exactly the
//! table's options (never `Default`, whose values are the library's and
//! not NetworkX's); the measures that take an [`Execution`] run once serial
//! and once forced parallel. Cases with `library_defaults: true` run the
//! library's default PageRank and eigenvector options (only the reading is
//! set) against NetworkX run to `tol=1e-12`, on the embedded dataset and on
//! a synthetic scale-free graph: the defaults promise 1e-9 of the fixed
//! point.
//!
//! Tolerances are absolute: 1e-12 for the closed-form measures (degree,
//! betweenness, closeness, harmonic), where only the order of additions
//! differs; 1e-9 for the power iterations, which may stop one iteration
//! apart (see `generate.py`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Write as _;

use partnership_analysis::{
    BetweennessOptions, ClosenessOptions, Degree, EdgeBetweennessOptions, EigenvectorOptions,
    Error, Execution, HarmonicOptions, PageRankOptions, Readable, Reading, Scores,
    betweenness_centrality, closeness_centrality, degree_centrality, edge_betweenness_centrality,
    eigenvector_centrality, harmonic_centrality, pagerank,
};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde_json::{Map, Value};

const TABLE: &str = include_str!("networkx/expected.json");
const REGENERATE: &str = "/tmp/nx/bin/python crates/analysis/tests/networkx/generate.py \
                          (with networkx==3.6.1 scipy==1.17.1 numpy==2.4.6)";

fn table() -> Value {
    serde_json::from_str(TABLE).expect("networkx/expected.json is valid JSON")
}

fn cases(table: &Value) -> &[Value] {
    table["cases"].as_array().expect("`cases` is an array")
}

/// A case's options, each read once; [`Options::finish`] fails on any the
/// test did not read, so the table cannot hold an option the library
/// ignores.
struct Options<'a> {
    case: &'a str,
    map: &'a Map<String, Value>,
    used: RefCell<BTreeSet<&'static str>>,
}

impl<'a> Options<'a> {
    fn new(case: &'a str, value: &'a Value) -> Self {
        let map = value
            .as_object()
            .unwrap_or_else(|| panic!("case {case}: `options` is not an object"));
        Options {
            case,
            map,
            used: RefCell::new(BTreeSet::new()),
        }
    }

    fn get(&self, key: &'static str) -> &'a Value {
        self.used.borrow_mut().insert(key);
        self.map
            .get(key)
            .unwrap_or_else(|| panic!("case {}: option `{key}` is missing", self.case))
    }

    fn bool(&self, key: &'static str) -> bool {
        self.get(key)
            .as_bool()
            .unwrap_or_else(|| panic!("case {}: option `{key}` is not a boolean", self.case))
    }

    fn f64(&self, key: &'static str) -> f64 {
        self.get(key)
            .as_f64()
            .unwrap_or_else(|| panic!("case {}: option `{key}` is not a number", self.case))
    }

    fn usize(&self, key: &'static str) -> usize {
        self.get(key)
            .as_u64()
            .unwrap_or_else(|| panic!("case {}: option `{key}` is not a count", self.case))
            as usize
    }

    fn str(&self, key: &'static str) -> &'a str {
        self.get(key)
            .as_str()
            .unwrap_or_else(|| panic!("case {}: option `{key}` is not a string", self.case))
    }

    fn reading(&self) -> Reading {
        match self.str("reading") {
            "directed" => Reading::Directed,
            "undirected" => Reading::Undirected,
            other => panic!("case {}: unknown reading {other:?}", self.case),
        }
    }

    /// Marks options that only NetworkX reads (in `library_defaults` cases)
    /// as seen.
    fn networkx_only(&self, keys: &[&'static str]) {
        for key in keys {
            self.get(key);
        }
    }

    fn finish(self) {
        let used = self.used.borrow();
        let unread: Vec<&String> = self
            .map
            .keys()
            .filter(|k| !used.contains(k.as_str()))
            .collect();
        assert!(
            unread.is_empty(),
            "case {}: options {unread:?} are not passed to the library",
            self.case
        );
    }
}

/// The executions to run a measure under: the table states none, as the
/// choice never changes a result; both are checked.
const EXECUTIONS: [Execution; 2] = [Execution::Serial, Execution::Parallel];

/// What the library computed for one case, once per execution.
type Outcome = Vec<(String, Result<Vec<f64>, Error>)>;

fn values<K: Copy + Ord>(scores: Result<Scores<K>, Error>) -> Result<Vec<f64>, Error> {
    scores.map(|s| s.values().to_vec())
}

fn each<F>(executions: &[Execution], mut run: F) -> Outcome
where
    F: FnMut(Execution) -> Result<Vec<f64>, Error>,
{
    executions
        .iter()
        .map(|&e| (format!("{e:?}"), run(e)))
        .collect()
}

/// Runs the library on `g` as the case says.
fn run<G: Readable + Copy>(g: G, case: &Value) -> Outcome {
    let name = case["name"].as_str().unwrap();
    let measure = case["measure"].as_str().unwrap();
    let defaults = case["library_defaults"]
        .as_bool()
        .unwrap_or_else(|| panic!("case {name}: `library_defaults` is not a boolean"));
    let o = Options::new(name, &case["options"]);
    let out = match (measure, defaults) {
        ("degree", false) => {
            let degree = match o.str("direction") {
                "total" => Degree::Total,
                "in" => Degree::In,
                "out" => Degree::Out,
                other => panic!("case {name}: unknown degree direction {other:?}"),
            };
            vec![("-".into(), values(degree_centrality(g, degree)))]
        }
        ("betweenness", false) => {
            let (reading, normalized, endpoints) =
                (o.reading(), o.bool("normalized"), o.bool("endpoints"));
            each(&EXECUTIONS, |execution| {
                values(betweenness_centrality(
                    g,
                    &BetweennessOptions {
                        reading,
                        normalized,
                        endpoints,
                        execution,
                    },
                ))
            })
        }
        ("edge_betweenness", false) => {
            let (reading, normalized) = (o.reading(), o.bool("normalized"));
            each(&EXECUTIONS, |execution| {
                values(edge_betweenness_centrality(
                    g,
                    &EdgeBetweennessOptions {
                        reading,
                        normalized,
                        execution,
                    },
                ))
            })
        }
        ("closeness", false) => {
            let (reading, wf_improved) = (o.reading(), o.bool("wf_improved"));
            each(&EXECUTIONS, |execution| {
                values(closeness_centrality(
                    g,
                    &ClosenessOptions {
                        reading,
                        wf_improved,
                        execution,
                    },
                ))
            })
        }
        ("harmonic", false) => {
            let reading = o.reading();
            each(&EXECUTIONS, |execution| {
                values(harmonic_centrality(
                    g,
                    &HarmonicOptions { reading, execution },
                ))
            })
        }
        ("pagerank", false) => {
            let (reading, alpha, tol, max_iter) = (
                o.reading(),
                o.f64("alpha"),
                o.f64("tol"),
                o.usize("max_iter"),
            );
            each(&EXECUTIONS, |execution| {
                values(pagerank(
                    g,
                    &PageRankOptions {
                        reading,
                        alpha,
                        tol,
                        max_iter,
                        execution,
                    },
                ))
            })
        }
        ("eigenvector", false) => {
            let options = EigenvectorOptions {
                reading: o.reading(),
                tol: o.f64("tol"),
                max_iter: o.usize("max_iter"),
            };
            vec![("-".into(), values(eigenvector_centrality(g, &options)))]
        }
        // The library's defaults, only the reading set.
        ("pagerank", true) => {
            let options = PageRankOptions {
                reading: o.reading(),
                ..Default::default()
            };
            o.networkx_only(&["alpha", "tol", "max_iter"]);
            vec![("default".into(), values(pagerank(g, &options)))]
        }
        ("eigenvector", true) => {
            let options = EigenvectorOptions {
                reading: o.reading(),
                ..Default::default()
            };
            o.networkx_only(&["tol", "max_iter"]);
            vec![(
                "default".into(),
                values(eigenvector_centrality(g, &options)),
            )]
        }
        (other, defaults) => {
            panic!(
                "case {name}: no library call for measure {other:?} (library_defaults {defaults})"
            )
        }
    };
    o.finish();
    out
}

fn small_graph(case: &str, spec: &Value) -> DiGraph<(), ()> {
    let n = spec["nodes"]
        .as_u64()
        .unwrap_or_else(|| panic!("case {case}: graph without `nodes`"));
    let mut g = DiGraph::new();
    for _ in 0..n {
        g.add_node(());
    }
    for link in links(case, spec) {
        g.add_edge(NodeIndex::new(link.0), NodeIndex::new(link.1), ());
    }
    g
}

fn links(case: &str, spec: &Value) -> Vec<(usize, usize)> {
    spec["links"]
        .as_array()
        .unwrap_or_else(|| panic!("case {case}: graph without `links`"))
        .iter()
        .map(|l| {
            let pair = |i: usize| l[i].as_u64().unwrap() as usize;
            (pair(0), pair(1))
        })
        .collect()
}

/// The embedded dataset, after checking that it is the graph the table was
/// generated from (same ids in the same order, same links).
fn dataset_graph(spec: &Value) -> &'static DiGraph<partnership_core::Node, partnership_core::Link> {
    let g = partnership_core::dataset().petgraph();
    let ids: Vec<&str> = spec["ids"]
        .as_array()
        .expect("the dataset graph lists its ids")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let actual_ids: Vec<&str> = g.node_weights().map(|n| n.id.as_str()).collect();
    let actual_links: Vec<(usize, usize)> = g
        .edge_references()
        .map(|e| (e.source().index(), e.target().index()))
        .collect();
    assert!(
        ids == actual_ids && links("dataset", spec) == actual_links,
        "the embedded dataset is not the one networkx/expected.json was generated from \
         ({} nodes and {} links there, {} and {} here); regenerate it: {REGENERATE}",
        ids.len(),
        links("dataset", spec).len(),
        actual_ids.len(),
        actual_links.len(),
    );
    g
}

/// Compares one case's outcome with the table; an empty string if they
/// agree, else what differs, naming the case and the NetworkX call.
fn compare(case: &Value, outcome: &Outcome) -> String {
    let name = case["name"].as_str().unwrap();
    let call = case["networkx_call"].as_str().unwrap();
    let tolerance = case["tolerance"]
        .as_f64()
        .unwrap_or_else(|| panic!("case {name}: no tolerance"));
    assert!(
        tolerance > 0.0 && tolerance <= 1e-9,
        "case {name}: tolerance {tolerance}"
    );
    let expected = &case["expected"];
    let mut report = String::new();
    for (execution, result) in outcome {
        let at = format!("case {name} [{execution}], NetworkX `{call}`");
        match (result, expected.get("values"), expected.get("error")) {
            (Ok(actual), Some(values), None) => {
                let values: Vec<f64> = values
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap())
                    .collect();
                if actual.len() != values.len() {
                    writeln!(
                        report,
                        "{at}: {} values, NetworkX has {}",
                        actual.len(),
                        values.len()
                    )
                    .unwrap();
                    continue;
                }
                for (i, (a, e)) in actual.iter().zip(&values).enumerate() {
                    let off = (a - e).abs();
                    // A NaN fails too.
                    if off.is_nan() || off > tolerance {
                        writeln!(
                            report,
                            "{at}: entry {i}: library {a:e}, NetworkX {e:e}, off by {off:.1e} > {tolerance:e}"
                        )
                        .unwrap();
                    }
                }
            }
            (Err(Error::NotConverged { iterations, .. }), None, Some(error))
                if error == "not_converged"
                    && Some(*iterations as u64) == expected["iterations"].as_u64() => {}
            (result, _, _) => {
                let got = match result {
                    Ok(v) => format!("{} values", v.len()),
                    Err(e) => format!("error {e:?}"),
                };
                let want = match expected.get("values").and_then(Value::as_array) {
                    Some(v) => format!("{} values", v.len()),
                    None => expected.to_string(),
                };
                writeln!(report, "{at}: library gave {got}, NetworkX {want}").unwrap();
            }
        }
    }
    report
}

/// Runs every case `select` picks; fails listing every disagreement.
fn check(select: impl Fn(&Value) -> bool) -> usize {
    let table = table();
    let mut report = String::new();
    let mut count = 0;
    for case in cases(&table).iter().filter(|c| select(c)) {
        let name = case["name"].as_str().unwrap();
        let graph = case["graph"].as_str().unwrap();
        let spec = &table["graphs"][graph];
        assert!(spec.is_object(), "case {name}: no graph {graph:?}");
        let outcome = if graph == "dataset" {
            run(dataset_graph(spec), case)
        } else {
            run(&small_graph(name, spec), case)
        };
        report.push_str(&compare(case, &outcome));
        count += 1;
    }
    assert!(report.is_empty(), "disagreements with NetworkX:\n{report}");
    count
}

fn is_default(case: &Value) -> bool {
    case["library_defaults"].as_bool() == Some(true)
}

#[test]
fn explicit_options_agree_with_networkx() {
    let checked = check(|c| !is_default(c));
    assert!(checked >= 80, "only {checked} cases");
}

#[test]
fn default_pagerank_and_eigenvector_are_within_1e_9_of_networkx_run_to_1e_12() {
    let checked = check(is_default);
    // PageRank and eigenvector, both readings, on the dataset and the
    // synthetic graph.
    assert_eq!(checked, 8);
}

/// The table holds what this file promises: every measure on both
/// readings, the failures to converge, and the default checks on the
/// dataset and the synthetic graph.
#[test]
fn the_table_covers_every_measure_reading_and_graph() {
    let table = table();
    let mut seen = BTreeSet::new();
    for case in cases(&table) {
        let options = &case["options"];
        let reading = options["reading"]
            .as_str()
            .or(options["direction"].as_str())
            .unwrap();
        let kind = if is_default(case) {
            "default"
        } else if case["expected"].get("error").is_some() {
            "error"
        } else {
            "values"
        };
        seen.insert((
            case["graph"].as_str().unwrap().to_owned(),
            case["measure"].as_str().unwrap().to_owned(),
            reading.to_owned(),
            kind,
        ));
    }
    let has = |graph: &str, measure: &str, reading: &str, kind: &str| {
        seen.contains(&(graph.into(), measure.into(), reading.into(), kind))
    };
    for graph in ["mixed", "split", "strong"] {
        for direction in ["total", "in", "out"] {
            assert!(
                has(graph, "degree", direction, "values"),
                "{graph} degree {direction}"
            );
        }
        for measure in [
            "betweenness",
            "edge_betweenness",
            "closeness",
            "harmonic",
            "pagerank",
        ] {
            for reading in ["directed", "undirected"] {
                assert!(
                    has(graph, measure, reading, "values"),
                    "{graph} {measure} {reading}"
                );
            }
        }
    }
    assert!(has("path12", "eigenvector", "directed", "error"));
    assert!(has("mixed", "pagerank", "directed", "error"));
    for graph in ["dataset", "synthetic"] {
        for measure in ["pagerank", "eigenvector"] {
            for reading in ["directed", "undirected"] {
                assert!(
                    has(graph, measure, reading, "default"),
                    "{graph} {measure} {reading}"
                );
            }
        }
    }
}
