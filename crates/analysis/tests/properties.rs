//! Properties on random small multigraphs, checked against slow reference
//! implementations written here from the definitions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::needless_range_loop
)]

use std::collections::BTreeSet;

use partnership_analysis::*;
use partnership_core::words::Heading;
use petgraph::graph::{DiGraph, NodeIndex};
use proptest::prelude::*;

/// Random multigraphs: up to 7 nodes and 18 links, self-loops and parallel
/// links included.
fn graphs() -> impl Strategy<Value = (usize, Vec<(u32, u32)>)> {
    (1usize..8).prop_flat_map(|n| {
        let link = (0..n as u32, 0..n as u32);
        (Just(n), proptest::collection::vec(link, 0..18))
    })
}

fn build(n: usize, edges: &[(u32, u32)]) -> DiGraph<(), ()> {
    let mut g = DiGraph::new();
    for _ in 0..n {
        g.add_node(());
    }
    for &(s, t) in edges {
        g.add_edge(NodeIndex::new(s as usize), NodeIndex::new(t as usize), ());
    }
    g
}

/// Neighbour sets of the simple graph (no loops, no repeats).
fn neighbours(n: usize, edges: &[(u32, u32)], undirected: bool) -> Vec<BTreeSet<usize>> {
    let mut out = vec![BTreeSet::new(); n];
    for &(s, t) in edges {
        let (s, t) = (s as usize, t as usize);
        if s != t {
            out[s].insert(t);
            if undirected {
                out[t].insert(s);
            }
        }
    }
    out
}

/// Every simple path from `s` to `t`, by depth-first enumeration.
fn simple_paths(adj: &[BTreeSet<usize>], s: usize, t: usize) -> Vec<Vec<usize>> {
    fn walk(adj: &[BTreeSet<usize>], path: &mut Vec<usize>, t: usize, out: &mut Vec<Vec<usize>>) {
        let v = *path.last().unwrap();
        if v == t {
            out.push(path.clone());
            return;
        }
        for &w in &adj[v] {
            if !path.contains(&w) {
                path.push(w);
                walk(adj, path, t, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(adj, &mut vec![s], t, &mut out);
    out
}

/// All shortest paths from `s` to `t`: the simple paths of minimum length.
fn shortest_paths(adj: &[BTreeSet<usize>], s: usize, t: usize) -> Vec<Vec<usize>> {
    let all = simple_paths(adj, s, t);
    let best = all.iter().map(Vec::len).min().unwrap_or(0);
    all.into_iter().filter(|p| p.len() == best).collect()
}

/// Betweenness straight from the definition: for each ordered pair, each
/// node strictly inside a shortest path gets 1 / (number of shortest paths),
/// then NetworkX's scaling.
fn reference_betweenness(
    n: usize,
    edges: &[(u32, u32)],
    undirected: bool,
    normalized: bool,
) -> Vec<f64> {
    let adj = neighbours(n, edges, undirected);
    let mut b = vec![0.0; n];
    for s in 0..n {
        for t in 0..n {
            if s == t {
                continue;
            }
            let paths = shortest_paths(&adj, s, t);
            for p in &paths {
                for &v in &p[1..p.len() - 1] {
                    b[v] += 1.0 / paths.len() as f64;
                }
            }
        }
    }
    if n > 2 {
        let scale = if normalized {
            1.0 / ((n - 1) * (n - 2)) as f64
        } else if undirected {
            0.5
        } else {
            1.0
        };
        b.iter_mut().for_each(|x| *x *= scale);
    }
    b
}

/// Link betweenness from the definition, a pair's share split equally
/// among its parallel links.
fn reference_edge_betweenness(n: usize, edges: &[(u32, u32)], undirected: bool) -> Vec<f64> {
    let adj = neighbours(n, edges, undirected);
    let key = |a: usize, b: usize| {
        if undirected {
            (a.min(b), a.max(b))
        } else {
            (a, b)
        }
    };
    let mut pair = std::collections::BTreeMap::new();
    for s in 0..n {
        for t in 0..n {
            if s == t {
                continue;
            }
            let paths = shortest_paths(&adj, s, t);
            for p in &paths {
                for w in p.windows(2) {
                    *pair.entry(key(w[0], w[1])).or_insert(0.0) += 1.0 / paths.len() as f64;
                }
            }
        }
    }
    let scale = if n > 1 {
        1.0 / (n * (n - 1)) as f64
    } else {
        1.0
    };
    edges
        .iter()
        .map(|&(s, t)| {
            let (s, t) = (s as usize, t as usize);
            if s == t {
                return 0.0;
            }
            let k = key(s, t);
            let parallel = edges
                .iter()
                .filter(|&&(a, b)| a != b && key(a as usize, b as usize) == k)
                .count();
            pair.get(&k).copied().unwrap_or(0.0) * scale / parallel as f64
        })
        .collect()
}

/// Distances by Floyd–Warshall, `None` where unreachable.
fn distances(n: usize, edges: &[(u32, u32)], undirected: bool) -> Vec<Vec<Option<u32>>> {
    let mut d = vec![vec![None; n]; n];
    for (v, row) in d.iter_mut().enumerate() {
        row[v] = Some(0);
    }
    for (v, ws) in neighbours(n, edges, undirected).iter().enumerate() {
        for &w in ws {
            d[v][w] = Some(1);
        }
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                if let (Some(a), Some(b)) = (d[i][k], d[k][j])
                    && d[i][j].is_none_or(|c| a + b < c)
                {
                    d[i][j] = Some(a + b);
                }
            }
        }
    }
    d
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 1e-9)
}

fn reading(undirected: bool) -> Reading {
    if undirected {
        Reading::Undirected
    } else {
        Reading::Directed
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn betweenness_matches_enumeration((n, edges) in graphs(), undirected: bool, normalized: bool) {
        let g = build(n, &edges);
        let options = BetweennessOptions { reading: reading(undirected), normalized, ..Default::default() };
        let ours = betweenness_centrality(&g, &options).unwrap();
        let expected = reference_betweenness(n, &edges, undirected, normalized);
        prop_assert!(close(ours.values(), &expected), "ours {:?}\nreference {:?}", ours.values(), expected);
    }

    #[test]
    fn edge_betweenness_matches_enumeration((n, edges) in graphs(), undirected: bool) {
        let g = build(n, &edges);
        let options = EdgeBetweennessOptions { reading: reading(undirected), ..Default::default() };
        let ours = edge_betweenness_centrality(&g, &options).unwrap();
        let expected = reference_edge_betweenness(n, &edges, undirected);
        prop_assert!(close(ours.values(), &expected), "ours {:?}\nreference {:?}", ours.values(), expected);
    }

    #[test]
    fn parallel_runs_equal_serial_runs((n, edges) in graphs(), undirected: bool) {
        let g = build(n, &edges);
        let r = reading(undirected);
        // `Execution::Parallel` on a pool of four threads: the parallel
        // path runs even on these small graphs.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
        let par = BetweennessOptions { reading: r, execution: Execution::Parallel, ..Default::default() };
        let ser = BetweennessOptions { execution: Execution::Serial, ..par };
        prop_assert_eq!(pool.install(|| betweenness_centrality(&g, &par).unwrap()), betweenness_centrality(&g, &ser).unwrap());
        let par = ClosenessOptions { reading: r, execution: Execution::Parallel, ..Default::default() };
        let ser = ClosenessOptions { execution: Execution::Serial, ..par };
        prop_assert_eq!(pool.install(|| closeness_centrality(&g, &par).unwrap()), closeness_centrality(&g, &ser).unwrap());
    }

    #[test]
    fn closeness_and_harmonic_match_distances((n, edges) in graphs(), undirected: bool) {
        let g = build(n, &edges);
        let d = distances(n, &edges, undirected);
        let r = reading(undirected);
        let closeness = closeness_centrality(&g, &ClosenessOptions { reading: r, ..Default::default() }).unwrap();
        let harmonic = harmonic_centrality(&g, &HarmonicOptions { reading: r, ..Default::default() }).unwrap();
        for u in 0..n {
            let to_u: Vec<u32> = (0..n).filter(|&v| v != u).filter_map(|v| d[v][u]).collect();
            let total: u32 = to_u.iter().sum();
            let expected = if total == 0 || n == 1 {
                0.0
            } else {
                let r = to_u.len() as f64;
                (r / total as f64) * (r / (n - 1) as f64)
            };
            prop_assert!((closeness.values()[u] - expected).abs() <= 1e-12);
            let h: f64 = to_u.iter().map(|&x| 1.0 / x as f64).sum();
            prop_assert!((harmonic.values()[u] - h).abs() <= 1e-12);
        }
    }

    #[test]
    fn shortest_path_is_shortest_and_walks_real_links((n, edges) in graphs(), undirected: bool, s in 0usize..8, t in 0usize..8) {
        let (s, t) = (s % n, t % n);
        let g = build(n, &edges);
        let d = distances(n, &edges, undirected);
        match shortest_path(&g, NodeIndex::new(s), NodeIndex::new(t), reading(undirected)) {
            Ok(p) => {
                prop_assert_eq!(Some(p.len() as u32), d[s][t]);
                prop_assert_eq!(p.start().index(), s);
                prop_assert_eq!(p.end().index(), t);
                for (a, step, b) in p.hops() {
                    let (x, y) = g.edge_endpoints(step.link).unwrap();
                    let walked = match step.heading { Heading::Forward => (x, y), Heading::Backward => (y, x) };
                    prop_assert_eq!(walked, (a, b));
                    // the first of any parallel links
                    let first = g.edge_references()
                        .filter(|e| {
                            use petgraph::visit::EdgeRef;
                            (e.source(), e.target()) == (a, b) || (undirected && (e.source(), e.target()) == (b, a))
                        })
                        .map(|e| { use petgraph::visit::EdgeRef; e.id() })
                        .min();
                    prop_assert_eq!(Some(step.link), first);
                }
            }
            Err(Error::NoPath { .. }) => prop_assert_eq!(d[s][t], None),
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn k_shortest_lengths_match_enumeration((n, edges) in graphs(), undirected: bool, s in 0usize..8, t in 0usize..8, k in 1usize..12) {
        let (s, t) = (s % n, t % n);
        prop_assume!(s != t);
        let g = build(n, &edges);
        let adj = neighbours(n, &edges, undirected);
        let mut all: Vec<usize> = simple_paths(&adj, s, t).iter().map(|p| p.len() - 1).collect();
        all.sort_unstable();
        match k_shortest_paths(&g, NodeIndex::new(s), NodeIndex::new(t), &KShortestOptions { k, reading: reading(undirected), max_links: None }) {
            Ok(paths) => {
                let lengths: Vec<usize> = paths.iter().map(|p| p.len()).collect();
                all.truncate(k);
                prop_assert_eq!(lengths, all);
                let distinct: BTreeSet<_> = paths.iter().map(|p| p.nodes().to_vec()).collect();
                prop_assert_eq!(distinct.len(), paths.len());
            }
            Err(Error::NoPath { .. }) => prop_assert!(all.is_empty()),
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
        let simple = all_simple_paths(&g, NodeIndex::new(s), NodeIndex::new(t), &SimplePathsOptions { reading: reading(undirected), ..Default::default() }).unwrap();
        prop_assert_eq!(simple.len(), simple_paths(&adj, s, t).len());
    }

    #[test]
    fn components_partition_the_nodes((n, edges) in graphs()) {
        let g = build(n, &edges);
        let d = distances(n, &edges, false);
        let strong = strongly_connected_components(&g).unwrap();
        for part in &strong {
            for a in part {
                for b in part {
                    prop_assert!(d[a.index()][b.index()].is_some());
                }
            }
        }
        let mut seen: Vec<usize> = strong.iter().flatten().map(|v| v.index()).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..n).collect::<Vec<_>>());
        // nodes in different strong components are not mutually reachable
        let of = |v: usize| strong.iter().position(|p| p.iter().any(|x| x.index() == v)).unwrap();
        for a in 0..n {
            for b in 0..n {
                if of(a) != of(b) {
                    prop_assert!(d[a][b].is_none() || d[b][a].is_none());
                }
            }
        }
        let u = distances(n, &edges, true);
        let weak = weakly_connected_components(&g).unwrap();
        for a in 0..n {
            for b in 0..n {
                let together = weak.iter().any(|p| p.iter().any(|x| x.index() == a) && p.iter().any(|x| x.index() == b));
                prop_assert_eq!(together, u[a][b].is_some());
            }
        }
    }
}
