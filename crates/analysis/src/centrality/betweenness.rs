//! Betweenness centrality of nodes and of links (Brandes).

use crate::error::Result;
use crate::options::{Execution, Reading};
use crate::parallel::block_sum;
use crate::readable::Readable;
use crate::scores::Scores;
use crate::snapshot::{Adjacency, Snapshot};
use crate::traverse::UNSEEN;

/// Options for [`betweenness_centrality`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BetweennessOptions {
    /// Directed or undirected reading of the links.
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
            reading: Reading::Directed,
            normalized: true,
            endpoints: false,
            execution: Execution::Parallel,
        }
    }
}

/// Options for [`edge_betweenness_centrality`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeBetweennessOptions {
    /// Directed or undirected reading of the links.
    pub reading: Reading,
    /// Divide by `n (n - 1)`, as NetworkX's `normalized=True` (the default).
    pub normalized: bool,
    /// Spread sources over threads (results are identical either way).
    pub execution: Execution,
}

impl Default for EdgeBetweennessOptions {
    fn default() -> Self {
        EdgeBetweennessOptions {
            reading: Reading::Directed,
            normalized: true,
            execution: Execution::Parallel,
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
/// use partnership_analysis::{betweenness_centrality, BetweennessOptions};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let raw = BetweennessOptions { normalized: false, ..Default::default() };
/// let s = betweenness_centrality(&g, &raw)?;
/// assert_eq!(s.values(), &[0.0, 1.0, 0.0]);
/// # Ok::<(), partnership_analysis::Error>(())
/// ```
///
/// # Reference
/// U. Brandes, "A faster algorithm for betweenness centrality", *Journal
/// of Mathematical Sociology* 25(2) (2001) 163–177; end points and
/// normalisation as U. Brandes, "On variants of shortest-path betweenness
/// centrality and their generic computation", *Social Networks* 30 (2008).
pub fn betweenness_centrality<G: Readable>(g: G, options: &BetweennessOptions) -> Result<Scores<G::NodeId>> {
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    let adj = snap.adjacency(snap.forward(options.reading));
    let endpoints = options.endpoints;
    let mut values = block_sum(
        options.execution,
        n,
        n,
        || Brandes::new(&adj),
        |scratch, sources, acc| {
            for s in sources {
                scratch.node_pass(&adj, s as u32, endpoints, acc);
            }
        },
    );
    let big_n = if endpoints { n as i64 } else { n as i64 - 1 };
    rescale(&mut values, big_n, options.normalized, snap.undirected(options.reading));
    Ok(Scores::new(snap.nodes, values))
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
/// use partnership_analysis::{edge_betweenness_centrality, EdgeBetweennessOptions};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (1, 2)]);
/// let raw = EdgeBetweennessOptions { normalized: false, ..Default::default() };
/// let s = edge_betweenness_centrality(&g, &raw)?;
/// assert_eq!(s.values(), &[2.0, 1.0, 1.0]);
/// # Ok::<(), partnership_analysis::Error>(())
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
        options.execution,
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
                if w < v {
                    if let Some(canonical) = adj.find(w, v) {
                        pair_value[canonical] += per_entry[at];
                    }
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
///
/// Each node's distance and its path count share one 16-byte slot, so the
/// random access the search makes per adjacency entry touches one cache
/// line, not two; once a node's dependency is known its slot's count is
/// replaced by `(1 + delta) / sigma`, the share its predecessors take.
struct Brandes {
    slots: Vec<Slot>,
    order: Vec<u32>,
    len: usize,
    dag: Vec<u32>,
    ends: Vec<u32>,
}

#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Slot {
    /// Path count during the search, then the coefficient.
    value: f64,
    dist: u32,
}

const FRESH: Slot = Slot { value: 0.0, dist: UNSEEN };

/// All ones when `yes`, else all zeros: selects without a branch.
#[inline(always)]
fn mask(yes: bool) -> u64 {
    u64::from(yes).wrapping_neg()
}

impl Brandes {
    fn new(adj: &Adjacency) -> Self {
        let n = adj.len();
        Brandes {
            slots: vec![FRESH; n],
            order: vec![0; n + 1],
            len: 0,
            dag: vec![0; adj.entries() + 1],
            ends: vec![0; n + 1],
        }
    }

    /// Breadth-first search from `s` counting shortest paths, recording
    /// the shortest-path DAG: the successors of the i-th visited node are
    /// the adjacency entries `dag[ends[i]..ends[i + 1]]`.
    ///
    /// There is no branch on a neighbour's state in the inner loop: on a
    /// scale-free graph "seen or not" is a coin toss the branch predictor
    /// loses. It works because a node already seen when `v` at depth d is
    /// expanded has depth at most d + 1, so `min(dist, d + 1)` is the update.
    #[inline]
    fn search(&mut self, adj: &Adjacency, s: u32) {
        for &v in &self.order[..self.len] {
            self.slots[v as usize] = FRESH;
        }
        let slots = &mut self.slots[..];
        let order = &mut self.order[..];
        let dag = &mut self.dag[..];
        let ends = &mut self.ends[..];
        slots[s as usize] = Slot { value: 1.0, dist: 0 };
        order[0] = s;
        ends[0] = 0;
        let mut len = 1;
        let mut recorded = 0usize;
        let mut head = 0;
        while head < len {
            let v = order[head];
            head += 1;
            let Slot { value, dist } = slots[v as usize];
            let next = dist + 1;
            let sv = value.to_bits();
            let start = adj.range(v).start;
            for (k, &w) in adj.neighbors(v).iter().enumerate() {
                let slot = &mut slots[w as usize];
                let dw = slot.dist;
                let new = dw == UNSEEN;
                let on_level = new | (dw == next);
                slot.dist = dw.min(next);
                slot.value += f64::from_bits(sv & mask(on_level));
                order[len] = w;
                len += usize::from(new);
                dag[recorded] = (start + k) as u32;
                recorded += usize::from(on_level);
            }
            ends[head] = recorded as u32;
        }
        self.len = len;
    }

    /// Adds the dependencies of source `s` to `acc` (one value per node).
    ///
    /// The accumulation pulls from successors instead of pushing to
    /// predecessors: `delta[v] = sigma[v] * sum of coeff[w]` over the DAG
    /// successors `w` of `v`, in reverse visit order.
    fn node_pass(&mut self, adj: &Adjacency, s: u32, endpoints: bool, acc: &mut [f64]) {
        self.search(adj, s);
        let extra = if endpoints { 1.0 } else { 0.0 };
        let slots = &mut self.slots[..];
        for i in (0..self.len).rev() {
            let v = self.order[i] as usize;
            let mut sum = 0.0;
            for &at in &self.dag[self.ends[i] as usize..self.ends[i + 1] as usize] {
                sum += slots[adj.target(at as usize) as usize].value;
            }
            let sigma = slots[v].value;
            let delta = sigma * sum;
            slots[v].value = (1.0 + delta) / sigma;
            if v != s as usize {
                acc[v] += delta + extra;
            }
        }
        if endpoints {
            acc[s as usize] += (self.len - 1) as f64;
        }
    }

    /// Adds the link dependencies of source `s` to `acc` (one value per
    /// adjacency entry).
    fn edge_pass(&mut self, adj: &Adjacency, s: u32, acc: &mut [f64]) {
        self.search(adj, s);
        let slots = &mut self.slots[..];
        for i in (0..self.len).rev() {
            let v = self.order[i] as usize;
            let sigma = slots[v].value;
            let mut delta = 0.0;
            for &at in &self.dag[self.ends[i] as usize..self.ends[i + 1] as usize] {
                let c = sigma * slots[adj.target(at as usize) as usize].value;
                acc[at as usize] += c;
                delta += c;
            }
            slots[v].value = (1.0 + delta) / sigma;
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
        assert_eq!(betweenness_centrality(&g, &raw).unwrap().values(), &[0.0, 2.0, 2.0, 0.0]);
        let und = BetweennessOptions {
            reading: Reading::Undirected,
            ..raw
        };
        assert_eq!(betweenness_centrality(&g, &und).unwrap().values(), &[0.0, 2.0, 2.0, 0.0]);
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
        assert_eq!(betweenness_centrality(&g, &raw).unwrap().values(), &[0.0, 1.0, 0.0]);
    }

    #[test]
    fn serial_equals_parallel() {
        let edges: Vec<(u32, u32)> = (0..300u32).map(|i| (i % 97, (i * 31 + 7) % 97)).collect();
        let g = DiGraph::<(), ()>::from_edges(edges);
        let par = betweenness_centrality(&g, &BetweennessOptions::default()).unwrap();
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
