//! Betweenness centrality of nodes and of links (Brandes).

use crate::error::Result;
use crate::options::{Execution, Reading};
use crate::parallel::{block_sum, block_sum_with, effective};
use crate::readable::Readable;
use crate::scores::Scores;
use crate::snapshot::{Adjacency, Snapshot};
use crate::traverse::{Bfs, Dag};

/// Options for [`betweenness_centrality`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BetweennessOptions {
    /// Directed or undirected (the default, see [`Reading`]) reading of the
    /// links.
    pub reading: Reading,
    /// Divide by the number of ordered pairs that could route through a
    /// node, as NetworkX's `normalized=True` (the default).
    pub normalized: bool,
    /// Count the end points of each shortest path as lying on it, as
    /// NetworkX's `endpoints=True` (default `false`).
    pub endpoints: bool,
    /// Spread sources over threads (results are identical either way).
    pub execution: Execution,
}

impl Default for BetweennessOptions {
    fn default() -> Self {
        BetweennessOptions {
            reading: Reading::default(),
            normalized: true,
            endpoints: false,
            execution: Execution::Auto,
        }
    }
}

/// Options for [`edge_betweenness_centrality`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeBetweennessOptions {
    /// Directed or undirected (the default, see [`Reading`]) reading of the
    /// links.
    pub reading: Reading,
    /// Divide by `n (n - 1)`, as NetworkX's `normalized=True` (the default).
    pub normalized: bool,
    /// Spread sources over threads (results are identical either way).
    pub execution: Execution,
}

impl Default for EdgeBetweennessOptions {
    fn default() -> Self {
        EdgeBetweennessOptions {
            reading: Reading::default(),
            normalized: true,
            execution: Execution::Auto,
        }
    }
}

/// Betweenness centrality of every node: the share of shortest paths
/// between other nodes that pass through it.
///
/// Conventions (NetworkX 3.6 `betweenness_centrality(G, normalized,
/// endpoints=...)`, unweighted, exact):
/// - parallel links do not multiply shortest paths, and self-loops are
///   ignored (NetworkX walks `G[v]`, one entry per neighbour);
/// - with `endpoints` false and `n` the node count, the normalised value
///   is the raw sum divided by `(n - 1)(n - 2)`; with `endpoints` true by
///   `n (n - 1)`; below 3 (resp. 2) nodes nothing is rescaled;
/// - the raw value of the undirected reading counts each unordered pair
///   once (NetworkX halves its ordered-pair sum); the normalised
///   undirected value is *not* halved, so it equals twice the raw value
///   over `(n - 1)(n - 2)`, again as NetworkX.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `options`: reading, normalisation, end points, threads.
///
/// # Returns
/// One score per node, in ascending node index.
///
/// # Errors
/// [`Error::TooLarge`](crate::Error::TooLarge) past 2³¹ nodes or links.
///
/// # Complexity
/// O(n m) time, O(n + m) space per thread (one BFS per source, Brandes'
/// dependency accumulation in reverse BFS order). Sources are spread over
/// rayon's threads in fixed blocks whose sums are added in block order, so
/// parallel and serial runs agree to the bit.
///
/// # Example
/// ```text
/// a ──► b ──► c
/// ```
/// ```
/// use partnership::analysis::{betweenness_centrality, BetweennessOptions};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let raw = BetweennessOptions { normalized: false, ..Default::default() };
/// let s = betweenness_centrality(&g, &raw)?;
/// assert_eq!(s.values(), &[0.0, 1.0, 0.0]);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// U. Brandes, "A faster algorithm for betweenness centrality", *Journal
/// of Mathematical Sociology* 25(2) (2001) 163–177; end points and
/// normalisation as U. Brandes, "On variants of shortest-path betweenness
/// centrality and their generic computation", *Social Networks* 30 (2008).
pub fn betweenness_centrality<G: Readable>(
    g: G,
    options: &BetweennessOptions,
) -> Result<Scores<G::NodeId>> {
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    let adj = snap.adjacency(snap.forward(options.reading));
    let endpoints = options.endpoints;
    let weights = source_weights(&adj, snap.undirected(options.reading) && !endpoints);
    let values = block_sum(
        effective(options.execution, n, adj.entries()),
        n,
        n,
        || Brandes::new(&adj),
        |scratch, sources, acc| {
            for s in sources {
                scratch.weighted_pass(&adj, s as u32, endpoints, &weights, acc);
            }
        },
    );
    Ok(finish(snap, values, options))
}

/// [`betweenness_centrality`] on the calling thread, in `scratch` (grown
/// as needed and left for the next graph). Same additions in the same
/// order, so the same scores to the bit.
pub(crate) fn betweenness_reusing<G: Readable>(
    g: G,
    options: &BetweennessOptions,
    scratch: &mut Option<Brandes>,
) -> Result<Scores<G::NodeId>> {
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    let adj = snap.adjacency(snap.forward(options.reading));
    let endpoints = options.endpoints;
    let brandes = match scratch {
        Some(b) => {
            b.fit(&adj);
            b
        }
        None => scratch.insert(Brandes::new(&adj)),
    };
    let weights = source_weights(&adj, snap.undirected(options.reading) && !endpoints);
    let values = block_sum_with(brandes, n, n, |scratch, sources, acc| {
        for s in sources {
            scratch.weighted_pass(&adj, s as u32, endpoints, &weights, acc);
        }
    });
    Ok(finish(snap, values, options))
}

/// How many sources each node's Brandes pass stands for, or `None` when
/// every node is its own source.
///
/// On an undirected (simple) graph, a leaf `l` whose one neighbour `u` is
/// not a leaf needs no search of its own: every shortest path from `l`
/// runs through `u` and then as one from `u`, so `l`'s dependencies are
/// `u`'s on every node but `u` and `l` (`l` lies on no path from `u`), and
/// on `u` one for each node `u` reaches besides itself and `l`. So `u`'s
/// pass counts `1 + L` times, `L` its leaves, and the leaves count 0. Leaves
/// are a third of the dataset's active nodes, so this saves about as much
/// of the work.
fn source_weights(adj: &Adjacency, undirected: bool) -> Option<Vec<u32>> {
    if !undirected {
        return None;
    }
    let n = adj.len();
    let mut weights = vec![1u32; n];
    let mut any = false;
    for v in 0..n as u32 {
        if let [u] = adj.neighbors(v)
            && adj.neighbors(*u).len() >= 2
        {
            weights[v as usize] = 0;
            weights[*u as usize] += 1;
            any = true;
        }
    }
    any.then_some(weights)
}

/// Rescales raw node betweenness as NetworkX does.
fn finish<N: Copy + Ord, E>(
    snap: Snapshot<N, E>,
    mut values: Vec<f64>,
    options: &BetweennessOptions,
) -> Scores<N> {
    let n = snap.len();
    let endpoints = options.endpoints;
    let big_n = if endpoints { n as i64 } else { n as i64 - 1 };
    rescale(
        &mut values,
        big_n,
        options.normalized,
        snap.undirected(options.reading),
    );
    Scores::new(snap.nodes, values)
}

/// Betweenness centrality of every link: the share of shortest paths that
/// walk it.
///
/// Conventions (NetworkX 3.6 `edge_betweenness_centrality(G, normalized)`
/// on a `MultiDiGraph`, or on a `MultiGraph` for the undirected reading):
/// - shortest paths are counted on the simple graph (parallel links
///   collapsed, self-loops ignored); the value of a node pair is then split
///   equally among its parallel links, and a self-loop scores 0;
/// - in the undirected reading `u → v` and `v → u` are parallel links of
///   the pair `{u, v}`;
/// - normalised values are divided by `n (n - 1)`; raw undirected values
///   are halved; below 2 nodes nothing is rescaled.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `options`: reading, normalisation, threads.
///
/// # Returns
/// One score per link, in the graph's link order (`edge_references`).
///
/// # Errors
/// [`Error::TooLarge`](crate::Error::TooLarge) past 2³¹ nodes or links.
///
/// # Complexity
/// O(n m) time; O(n + m) space per thread.
///
/// # Example
/// ```text
/// a ──► b ══► c      (two parallel links b → c)
/// ```
/// ```
/// use partnership::analysis::{edge_betweenness_centrality, EdgeBetweennessOptions};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (1, 2)]);
/// let raw = EdgeBetweennessOptions { normalized: false, ..Default::default() };
/// let s = edge_betweenness_centrality(&g, &raw)?;
/// assert_eq!(s.values(), &[2.0, 1.0, 1.0]);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// U. Brandes, "On variants of shortest-path betweenness centrality and
/// their generic computation", *Social Networks* 30 (2008) 136–145.
pub fn edge_betweenness_centrality<G: Readable>(
    g: G,
    options: &EdgeBetweennessOptions,
) -> Result<Scores<G::EdgeId>> {
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    let undirected = snap.undirected(options.reading);
    let adj = snap.adjacency(snap.forward(options.reading));
    let per_entry = block_sum(
        effective(options.execution, n, adj.entries()),
        n,
        adj.entries(),
        || Brandes::new(&adj),
        |scratch, sources, acc| {
            for s in sources {
                scratch.edge_pass(&adj, s as u32, acc);
            }
        },
    );
    // Fold entries into node pairs (one entry per ordered pair; both
    // orientations for an undirected pair), then rescale as NetworkX does
    // before it splits a pair's value among the pair's links.
    let pair_entry = |[s, t]: [u32; 2]| {
        let (a, b) = if undirected && t < s { (t, s) } else { (s, t) };
        adj.find(a, b)
    };
    let mut pair_value = vec![0.0; adj.entries()];
    let mut multiplicity = vec![0u32; adj.entries()];
    for &link in &snap.links {
        if let Some(at) = pair_entry(link) {
            multiplicity[at] += 1;
        }
    }
    for (at, value) in pair_value.iter_mut().enumerate() {
        if multiplicity[at] > 0 {
            *value = per_entry[at];
        }
    }
    if undirected {
        for v in 0..n as u32 {
            for at in adj.range(v) {
                let w = adj.target(at);
                if w < v
                    && let Some(canonical) = adj.find(w, v)
                {
                    pair_value[canonical] += per_entry[at];
                }
            }
        }
    }
    rescale(&mut pair_value, n as i64, options.normalized, undirected);
    let values = snap
        .links
        .iter()
        .map(|&link| match pair_entry(link) {
            Some(at) => pair_value[at] / f64::from(multiplicity[at]),
            None => 0.0,
        })
        .collect();
    Ok(Scores::new(snap.link_ids, values))
}

/// NetworkX's `_rescale` without sampling: `big_n` counts the nodes a
/// path may pass through (`n - 1` without end points, `n` with them and
/// for links).
fn rescale(values: &mut [f64], big_n: i64, normalized: bool, undirected: bool) {
    if big_n < 2 {
        return;
    }
    let scale = if normalized {
        1.0 / (big_n * (big_n - 1)) as f64
    } else if undirected {
        big_n as f64 / (big_n * 2) as f64
    } else {
        return;
    };
    for v in values {
        *v *= scale;
    }
}

/// Per-thread scratch space for one Brandes pass per source.
pub(crate) struct Brandes {
    bfs: Bfs,
    dag: Dag,
    /// Number of shortest paths from the source; zero off the last search.
    sigma: Vec<f64>,
    /// `(1 + delta[w]) / sigma[w]`, the share a predecessor of `w` takes.
    coeff: Vec<f64>,
}

impl Brandes {
    fn new(adj: &Adjacency) -> Self {
        let n = adj.len();
        Brandes {
            bfs: Bfs::new(n),
            dag: Dag::new(adj),
            sigma: vec![0.0; n],
            coeff: vec![0.0; n],
        }
    }

    /// Makes room for a search over `adj`, keeping larger buffers. `sigma`
    /// is zero on every node between passes, and `coeff` is written before
    /// it is read, so larger buffers serve a smaller graph as they are.
    fn fit(&mut self, adj: &Adjacency) {
        let n = adj.len();
        self.bfs.fit(n);
        self.dag.fit(adj);
        if self.sigma.len() < n {
            self.sigma.resize(n, 0.0);
            self.coeff.resize(n, 0.0);
        }
    }

    /// [`node_pass`](Self::node_pass) for source `s` counted as many times
    /// as `weights` says (see [`source_weights`]); once when there are no
    /// weights. `endpoints` is false whenever there are weights.
    fn weighted_pass(
        &mut self,
        adj: &Adjacency,
        s: u32,
        endpoints: bool,
        weights: &Option<Vec<u32>>,
        acc: &mut [f64],
    ) {
        let weight = weights.as_ref().map_or(1, |w| w[s as usize]);
        match weight {
            0 => {}
            1 => self.node_pass(adj, s, endpoints, acc),
            w => {
                let times = f64::from(w);
                self.bfs.count_paths(adj, s, &mut self.sigma, &mut self.dag);
                let order = self.bfs.order();
                for (i, &v) in order.iter().enumerate().rev() {
                    let mut sum = 0.0;
                    for &at in self.dag.successors(i) {
                        sum += self.coeff[adj.target(at as usize) as usize];
                    }
                    let sigma = self.sigma[v as usize];
                    let delta = sigma * sum;
                    self.coeff[v as usize] = (1.0 + delta) / sigma;
                    if v != s {
                        acc[v as usize] += times * delta;
                    }
                }
                // Each leaf's own pass puts one on `s` for every node `s`
                // reaches besides itself and that leaf.
                acc[s as usize] += f64::from(w - 1) * (order.len() as f64 - 2.0);
                for &v in order {
                    self.sigma[v as usize] = 0.0;
                }
            }
        }
    }

    /// Adds the dependencies of source `s` to `acc` (one value per node).
    ///
    /// The accumulation pulls from successors instead of pushing to
    /// predecessors: `delta[v] = sigma[v] * sum of coeff[w]` over the DAG
    /// successors `w` of `v`, read from the list the search recorded, in
    /// reverse visit order.
    fn node_pass(&mut self, adj: &Adjacency, s: u32, endpoints: bool, acc: &mut [f64]) {
        self.bfs.count_paths(adj, s, &mut self.sigma, &mut self.dag);
        let extra = if endpoints { 1.0 } else { 0.0 };
        let order = self.bfs.order();
        for (i, &v) in order.iter().enumerate().rev() {
            let mut sum = 0.0;
            for &at in self.dag.successors(i) {
                sum += self.coeff[adj.target(at as usize) as usize];
            }
            let sigma = self.sigma[v as usize];
            let delta = sigma * sum;
            self.coeff[v as usize] = (1.0 + delta) / sigma;
            if v != s {
                acc[v as usize] += delta + extra;
            }
        }
        if endpoints {
            acc[s as usize] += (order.len() - 1) as f64;
        }
        for &v in order {
            self.sigma[v as usize] = 0.0;
        }
    }

    /// Adds the link dependencies of source `s` to `acc` (one value per
    /// adjacency entry).
    fn edge_pass(&mut self, adj: &Adjacency, s: u32, acc: &mut [f64]) {
        self.bfs.count_paths(adj, s, &mut self.sigma, &mut self.dag);
        let order = self.bfs.order();
        for (i, &v) in order.iter().enumerate().rev() {
            let sigma = self.sigma[v as usize];
            let mut delta = 0.0;
            for &at in self.dag.successors(i) {
                let c = sigma * self.coeff[adj.target(at as usize) as usize];
                acc[at as usize] += c;
                delta += c;
            }
            self.coeff[v as usize] = (1.0 + delta) / sigma;
        }
        for &v in order {
            self.sigma[v as usize] = 0.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, UnGraph};

    #[test]
    fn path_graph_directed_and_undirected() {
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3)]);
        let raw = BetweennessOptions {
            normalized: false,
            ..Default::default()
        };
        assert_eq!(
            betweenness_centrality(&g, &raw).unwrap().values(),
            &[0.0, 2.0, 2.0, 0.0]
        );
        let und = BetweennessOptions {
            reading: Reading::Undirected,
            ..raw
        };
        assert_eq!(
            betweenness_centrality(&g, &und).unwrap().values(),
            &[0.0, 2.0, 2.0, 0.0]
        );
        let norm = BetweennessOptions {
            reading: Reading::Undirected,
            ..Default::default()
        };
        // 2 * 2 / ((4 - 1)(4 - 2))
        let v = betweenness_centrality(&g, &norm).unwrap();
        assert!((v.values()[1] - 2.0 / 3.0).abs() < 1e-15);
    }

    #[test]
    fn undirected_graph_type_is_read_undirected() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
        let raw = BetweennessOptions {
            normalized: false,
            ..Default::default()
        };
        assert_eq!(
            betweenness_centrality(&g, &raw).unwrap().values(),
            &[0.0, 1.0, 0.0]
        );
    }

    #[test]
    fn serial_equals_parallel() {
        let edges: Vec<(u32, u32)> = (0..300u32).map(|i| (i % 97, (i * 31 + 7) % 97)).collect();
        let g = DiGraph::<(), ()>::from_edges(edges);
        // Forced onto a pool of four threads: this graph is far below the
        // size at which `Execution::Auto` would go parallel.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let forced = BetweennessOptions {
            execution: Execution::Parallel,
            ..Default::default()
        };
        let par = pool.install(|| betweenness_centrality(&g, &forced).unwrap());
        let ser = betweenness_centrality(
            &g,
            &BetweennessOptions {
                execution: Execution::Serial,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(par, ser);
    }
}
