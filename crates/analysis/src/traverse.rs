//! The breadth-first search every unweighted measure is built on.
//!
//! One [`Bfs`] owns its distance array and visit queue and is reused from
//! source to source: resetting costs O(nodes reached), not O(n), and no
//! search allocates. [`Bfs::run`] takes a [`Visitor`] (filters, early stop,
//! parent links; its default methods compile away); the two loops that
//! every whole-graph measure spends its time in, [`Bfs::distances`]
//! (closeness, harmonic, components) and [`Bfs::count_paths`] (Brandes),
//! are branch-free forms of the same search over the same state.

use crate::snapshot::Adjacency;

/// Distance of a node the search has not reached.
pub(crate) const UNSEEN: u32 = u32::MAX;

/// Hooks called by [`Bfs::run`]; every method has a no-op default.
pub(crate) trait Visitor {
    /// May the search walk the entry `v → w`? Called before anything else.
    #[inline(always)]
    fn admit(&mut self, _v: u32, _w: u32) -> bool {
        true
    }

    /// `w` was reached for the first time, from `v`. Returning `false` stops
    /// the search at once.
    #[inline(always)]
    fn discover(&mut self, _v: u32, _w: u32) -> bool {
        true
    }
}

/// A visitor that only wants distances and the visit order.
pub(crate) struct Plain;

impl Visitor for Plain {}

/// Reusable breadth-first search state.
pub(crate) struct Bfs {
    dist: Vec<u32>,
    /// The queue, which is also the visit order; one spare slot lets the
    /// branch-free searches write past the last node harmlessly.
    order: Vec<u32>,
    len: usize,
}

/// All ones when `yes`, else all zeros: selects without a branch.
#[inline(always)]
fn mask(yes: bool) -> u64 {
    u64::from(yes).wrapping_neg()
}

impl Bfs {
    /// State for a graph of `n` nodes.
    pub(crate) fn new(n: usize) -> Self {
        Bfs {
            dist: vec![UNSEEN; n],
            order: vec![0; n + 1],
            len: 0,
        }
    }

    /// Makes room for a graph of `n` nodes, keeping the buffers when they
    /// are already large enough (every distance stays [`UNSEEN`] outside
    /// the last search, so a larger buffer serves a smaller graph as is).
    pub(crate) fn fit(&mut self, n: usize) {
        if self.dist.len() < n {
            self.dist.resize(n, UNSEEN);
            self.order.resize(n + 1, 0);
        }
    }

    /// Searches from `source` along `adj`, expanding nodes up to depth
    /// `limit - 1` (so everything within `limit` steps is reached). Returns
    /// `false` if the visitor stopped the search.
    #[inline]
    pub(crate) fn run<V: Visitor>(
        &mut self,
        adj: &Adjacency,
        source: u32,
        limit: u32,
        visitor: &mut V,
    ) -> bool {
        self.start(source);
        let mut head = 0;
        while head < self.len {
            let v = self.order[head];
            head += 1;
            let dv = self.dist[v as usize];
            if dv >= limit {
                continue;
            }
            let next = dv + 1;
            for &w in adj.neighbors(v) {
                if !visitor.admit(v, w) {
                    continue;
                }
                let dw = &mut self.dist[w as usize];
                if *dw == UNSEEN {
                    *dw = next;
                    self.order[self.len] = w;
                    self.len += 1;
                    if !visitor.discover(v, w) {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// Distances from `source`, with no branch on the neighbour's state in
    /// the inner loop: on a scale-free graph "seen or not" is a coin toss
    /// the branch predictor loses, and that, not memory, bounds a BFS.
    ///
    /// Works because a node already seen when `v` at depth d is expanded
    /// has depth at most d + 1, so `min(dist[w], d + 1)` is the update.
    #[inline]
    pub(crate) fn distances(&mut self, adj: &Adjacency, source: u32) {
        self.start(source);
        // Locals, so that the stores below cannot be taken to alias the
        // vectors' headers and force reloads.
        let dist = &mut self.dist[..];
        let order = &mut self.order[..];
        let mut len = self.len;
        let mut head = 0;
        while head < len {
            let v = order[head];
            head += 1;
            let next = dist[v as usize] + 1;
            for &w in adj.neighbors(v) {
                let dw = dist[w as usize];
                dist[w as usize] = dw.min(next);
                order[len] = w;
                len += usize::from(dw == UNSEEN);
            }
        }
        self.len = len;
    }

    /// The forward phase of Brandes' algorithm, branch-free as
    /// [`distances`](Self::distances): counts shortest paths from `source`
    /// into `sigma` (which must be zero on every node; the caller zeroes the
    /// visited ones afterwards) and records the shortest-path DAG: the
    /// successors of the i-th visited node are the adjacency entries
    /// `dag[ends[i]..ends[i + 1]]`.
    #[inline]
    pub(crate) fn count_paths(
        &mut self,
        adj: &Adjacency,
        source: u32,
        sigma: &mut [f64],
        dag: &mut Dag,
    ) {
        self.start(source);
        sigma[source as usize] = 1.0;
        let dist = &mut self.dist[..];
        let order = &mut self.order[..];
        let entries = &mut dag.entries[..];
        let ends = &mut dag.ends[..];
        ends[0] = 0;
        let mut len = self.len;
        let mut recorded = 0usize;
        let mut head = 0;
        while head < len {
            let v = order[head];
            head += 1;
            let next = dist[v as usize] + 1;
            let sv = sigma[v as usize].to_bits();
            let range = adj.range(v);
            let start = range.start;
            for (k, &w) in adj.neighbors(v).iter().enumerate() {
                let w = w as usize;
                let dw = dist[w];
                let new = dw == UNSEEN;
                let on_level = new | (dw == next);
                dist[w] = dw.min(next);
                order[len] = w as u32;
                len += usize::from(new);
                sigma[w] += f64::from_bits(sv & mask(on_level));
                entries[recorded] = (start + k) as u32;
                recorded += usize::from(on_level);
            }
            ends[head] = recorded as u32;
        }
        self.len = len;
    }

    fn start(&mut self, source: u32) {
        self.clear();
        self.dist[source as usize] = 0;
        self.order[0] = source;
        self.len = 1;
    }

    /// Forgets the last search in O(nodes it reached).
    pub(crate) fn clear(&mut self) {
        for &v in &self.order[..self.len] {
            self.dist[v as usize] = UNSEEN;
        }
        self.len = 0;
    }

    /// Nodes reached by the last search, in visit order (non-decreasing
    /// distance).
    #[inline]
    pub(crate) fn order(&self) -> &[u32] {
        &self.order[..self.len]
    }

    /// Distances from the last source, [`UNSEEN`] where not reached.
    #[inline]
    pub(crate) fn dist(&self) -> &[u32] {
        &self.dist
    }
}

/// The shortest-path DAG of one Brandes search, as adjacency entries
/// grouped by the visit position of their tail.
pub(crate) struct Dag {
    /// One spare slot for the branch-free writes.
    entries: Vec<u32>,
    ends: Vec<u32>,
}

impl Dag {
    /// Room for a search over `adj`.
    pub(crate) fn new(adj: &Adjacency) -> Self {
        Dag {
            entries: vec![0; adj.entries() + 1],
            ends: vec![0; adj.len() + 1],
        }
    }

    /// Makes room for a search over `adj`, keeping larger buffers.
    pub(crate) fn fit(&mut self, adj: &Adjacency) {
        if self.entries.len() < adj.entries() + 1 {
            self.entries.resize(adj.entries() + 1, 0);
        }
        if self.ends.len() < adj.len() + 1 {
            self.ends.resize(adj.len() + 1, 0);
        }
    }

    /// The DAG entries leaving the `i`-th visited node.
    #[inline]
    pub(crate) fn successors(&self, i: usize) -> &[u32] {
        &self.entries[self.ends[i] as usize..self.ends[i + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Orientation;

    #[test]
    fn branch_free_searches_agree_with_the_plain_one() {
        // 0 → 1, 0 → 2, 1 → 3, 2 → 3, 3 → 4, 4 → 0, 1 → 1
        let links = [[0, 1], [0, 2], [1, 3], [2, 3], [3, 4], [4, 0], [1, 1]];
        let adj = Adjacency::build(5, &links, Orientation::Out);
        let mut plain = Bfs::new(5);
        let mut fast = Bfs::new(5);
        for s in 0..5 {
            plain.run(&adj, s, u32::MAX, &mut Plain);
            fast.distances(&adj, s);
            assert_eq!(plain.dist(), fast.dist());
            assert_eq!(plain.order(), fast.order());
        }
        let mut sigma = vec![0.0; 5];
        let mut dag = Dag::new(&adj);
        fast.count_paths(&adj, 0, &mut sigma, &mut dag);
        assert_eq!(sigma, vec![1.0, 1.0, 1.0, 2.0, 2.0]);
        assert_eq!(fast.order(), &[0, 1, 2, 3, 4]);
        let succ = |i: usize| {
            dag.successors(i)
                .iter()
                .map(|&at| adj.target(at as usize))
                .collect::<Vec<_>>()
        };
        assert_eq!(succ(0), vec![1, 2]);
        assert_eq!(succ(1), vec![3]);
        assert_eq!(succ(2), vec![3]);
        assert_eq!(succ(3), vec![4]);
        assert!(succ(4).is_empty());
    }

    #[test]
    fn distances_and_limit() {
        // 0 → 1 → 2 → 3, 0 → 2
        let adj = Adjacency::build(4, &[[0, 1], [1, 2], [2, 3], [0, 2]], Orientation::Out);
        let mut bfs = Bfs::new(4);
        bfs.run(&adj, 0, u32::MAX, &mut Plain);
        assert_eq!(bfs.dist(), &[0, 1, 1, 2]);
        assert_eq!(bfs.order(), &[0, 1, 2, 3]);
        bfs.run(&adj, 0, 1, &mut Plain);
        assert_eq!(bfs.order(), &[0, 1, 2]);
        assert_eq!(bfs.dist()[3], UNSEEN);
        bfs.run(&adj, 3, u32::MAX, &mut Plain);
        assert_eq!(bfs.order(), &[3]);
        assert_eq!(bfs.dist(), &[UNSEEN, UNSEEN, UNSEEN, 0]);
    }
}
