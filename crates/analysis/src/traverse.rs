//! The breadth-first search every unweighted measure is built on.
//!
//! One [`Bfs`] owns its distance array and visit queue and is reused from
//! source to source: resetting costs O(nodes reached), not O(n), and no
//! search allocates. Algorithms plug in through [`Visitor`], whose default
//! methods compile away.

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

    /// `w` had already been reached at depth(`v`) + 1: one more shortest way
    /// into `w`.
    #[inline(always)]
    fn again(&mut self, _v: u32, _w: u32) {}
}

/// A visitor that only wants distances and the visit order.
pub(crate) struct Plain;

impl Visitor for Plain {}

/// Reusable breadth-first search state.
pub(crate) struct Bfs {
    dist: Vec<u32>,
    order: Vec<u32>,
}

impl Bfs {
    /// State for a graph of `n` nodes.
    pub fn new(n: usize) -> Self {
        Bfs {
            dist: vec![UNSEEN; n],
            order: Vec::with_capacity(n),
        }
    }

    /// Searches from `source` along `adj`, expanding nodes up to depth
    /// `limit - 1` (so everything within `limit` steps is reached). Returns
    /// `false` if the visitor stopped the search.
    #[inline]
    pub fn run<V: Visitor>(&mut self, adj: &Adjacency, source: u32, limit: u32, visitor: &mut V) -> bool {
        self.clear();
        self.dist[source as usize] = 0;
        self.order.push(source);
        let mut head = 0;
        while let Some(&v) = self.order.get(head) {
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
                    self.order.push(w);
                    if !visitor.discover(v, w) {
                        return false;
                    }
                } else if *dw == next {
                    visitor.again(v, w);
                }
            }
        }
        true
    }

    /// Forgets the last search in O(nodes it reached).
    pub fn clear(&mut self) {
        for &v in &self.order {
            self.dist[v as usize] = UNSEEN;
        }
        self.order.clear();
    }

    /// Nodes reached by the last search, in visit order (non-decreasing
    /// distance).
    #[inline]
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// Distances from the last source, [`UNSEEN`] where not reached.
    #[inline]
    pub fn dist(&self) -> &[u32] {
        &self.dist
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Orientation;

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
