//! A compact, index-based copy of a graph's structure.
//!
//! Every algorithm starts by reading the graph once through petgraph's
//! visit traits into dense `u32` positions: node weights and link weights
//! are never touched, so the same code runs on a `DiGraph`, on the core
//! crate's views and on petgraph's filtered adaptors. Adjacency is then
//! laid out as CSR (an offsets array and a targets array) in the
//! orientation an algorithm needs.

use petgraph::visit::{EdgeRef, GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

use crate::error::{Error, Result};
use crate::options::Reading;

/// Marks a graph index that has no position (a hole or a filtered-out node).
pub(crate) const NONE: u32 = u32::MAX;

/// The largest node or link count handled (positions are `u32`, and an
/// undirected adjacency holds two entries per link).
pub(crate) const LIMIT: usize = (u32::MAX / 2 - 1) as usize;

/// The nodes and links of a graph as dense positions.
///
/// Node positions follow ascending graph index (`NodeIndexable::to_index`),
/// which is what "ties broken by node index" means throughout the crate.
/// Link positions follow `edge_references` order.
pub(crate) struct Snapshot<N, E> {
    /// Position → node handle.
    pub nodes: Vec<N>,
    /// Graph index → position, or [`NONE`].
    pub slots: Vec<u32>,
    /// Position → `[source, target]` positions.
    pub links: Vec<[u32; 2]>,
    /// Position → link handle.
    pub link_ids: Vec<E>,
    /// Whether links have a direction (`GraphProp::is_directed`).
    pub directed: bool,
}

impl<N: Copy, E: Copy> Snapshot<N, E> {
    /// Reads `g` once. Links with an end outside the node set (which a
    /// well-behaved view never yields) are skipped.
    pub(crate) fn new<G>(g: G) -> Result<Self>
    where
        G: IntoNodeIdentifiers<NodeId = N, EdgeId = E>
            + IntoEdgeReferences
            + NodeIndexable
            + GraphProp,
    {
        let bound = g.node_bound();
        let mut pairs: Vec<(usize, N)> = g.node_identifiers().map(|n| (g.to_index(n), n)).collect();
        if !pairs.is_sorted_by_key(|p| p.0) {
            pairs.sort_unstable_by_key(|p| p.0);
        }
        if pairs.len() > LIMIT || bound > u32::MAX as usize {
            return Err(Error::TooLarge {
                nodes: bound.max(pairs.len()),
                links: 0,
                limit: LIMIT,
            });
        }
        let mut slots = vec![NONE; bound];
        let mut nodes = Vec::with_capacity(pairs.len());
        for (position, &(index, node)) in pairs.iter().enumerate() {
            if let Some(slot) = slots.get_mut(index) {
                *slot = position as u32;
                nodes.push(node);
            }
        }
        let slot_of = |n: N| slots.get(g.to_index(n)).copied().unwrap_or(NONE);
        let mut links = Vec::new();
        let mut link_ids = Vec::new();
        for e in g.edge_references() {
            let (s, t) = (slot_of(e.source()), slot_of(e.target()));
            if s != NONE && t != NONE {
                links.push([s, t]);
                link_ids.push(e.id());
            }
        }
        if links.len() > LIMIT {
            return Err(Error::TooLarge {
                nodes: nodes.len(),
                links: links.len(),
                limit: LIMIT,
            });
        }
        Ok(Snapshot {
            nodes,
            slots,
            links,
            link_ids,
            directed: g.is_directed(),
        })
    }
}

impl<N, E> Snapshot<N, E> {
    /// Number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The orientation that walks links forward in `reading`.
    pub(crate) fn forward(&self, reading: Reading) -> Orientation {
        if self.undirected(reading) {
            Orientation::Both
        } else {
            Orientation::Out
        }
    }

    /// The orientation that walks links backward in `reading`.
    pub(crate) fn backward(&self, reading: Reading) -> Orientation {
        if self.undirected(reading) {
            Orientation::Both
        } else {
            Orientation::In
        }
    }

    /// Whether `reading` walks links both ways on this graph.
    pub(crate) fn undirected(&self, reading: Reading) -> bool {
        !self.directed || reading == Reading::Undirected
    }

    /// The position of the node with graph index `index`.
    pub(crate) fn position(&self, index: usize) -> Result<u32> {
        match self.slots.get(index) {
            Some(&p) if p != NONE => Ok(p),
            _ => Err(Error::UnknownNode { index }),
        }
    }

    /// Simple adjacency in `orientation` (see [`Adjacency::build`]).
    pub(crate) fn adjacency(&self, orientation: Orientation) -> Adjacency {
        Adjacency::build(self.len(), &self.links, orientation)
    }
}

/// Which way a link `s → t` is stored in an [`Adjacency`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orientation {
    /// In the row of `s` (successors).
    Out,
    /// In the row of `t` (predecessors).
    In,
    /// In both rows (undirected).
    Both,
}

/// CSR adjacency of the simple graph underlying a multigraph: parallel
/// links collapsed into one entry, self-loops dropped, each row sorted by
/// neighbour position.
pub(crate) struct Adjacency {
    offsets: Vec<u32>,
    targets: Vec<u32>,
    /// For each entry, the first link (lowest link position) that gives it.
    links: Vec<u32>,
}

impl Adjacency {
    /// Lays out the links of an `n`-node graph in `orientation`.
    ///
    /// Counting sort by row, then each row sorted and deduplicated; the
    /// entry keeps the lowest link position among parallel links.
    pub(crate) fn build(n: usize, links: &[[u32; 2]], orientation: Orientation) -> Self {
        let mut offsets = vec![0u32; n + 1];
        let rows = |[s, t]: [u32; 2]| -> [Option<(u32, u32)>; 2] {
            match orientation {
                _ if s == t => [None, None],
                Orientation::Out => [Some((s, t)), None],
                Orientation::In => [Some((t, s)), None],
                Orientation::Both => [Some((s, t)), Some((t, s))],
            }
        };
        for &link in links {
            for (row, _) in rows(link).into_iter().flatten() {
                offsets[row as usize + 1] += 1;
            }
        }
        for v in 0..n {
            offsets[v + 1] += offsets[v];
        }
        let total = offsets[n] as usize;
        // Entry = neighbour in the high half, link in the low half, so that
        // sorting a row orders by neighbour and then by link.
        let mut packed = vec![0u64; total];
        let mut cursor: Vec<u32> = offsets[..n].to_vec();
        for (l, &link) in links.iter().enumerate() {
            for (row, nbr) in rows(link).into_iter().flatten() {
                let at = &mut cursor[row as usize];
                packed[*at as usize] = (u64::from(nbr) << 32) | l as u64;
                *at += 1;
            }
        }
        let mut targets = Vec::with_capacity(total);
        let mut first = Vec::with_capacity(total);
        let mut start = 0usize;
        for v in 0..n {
            let end = offsets[v + 1] as usize;
            let row = &mut packed[start..end];
            row.sort_unstable();
            let mut last = u32::MAX;
            for &entry in row.iter() {
                let nbr = (entry >> 32) as u32;
                if nbr != last {
                    targets.push(nbr);
                    first.push(entry as u32);
                    last = nbr;
                }
            }
            start = end;
            offsets[v + 1] = targets.len() as u32;
        }
        Adjacency {
            offsets,
            targets,
            links: first,
        }
    }

    /// Number of rows.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Number of entries.
    pub(crate) fn entries(&self) -> usize {
        self.targets.len()
    }

    /// The entry range of row `v`.
    #[inline]
    pub(crate) fn range(&self, v: u32) -> std::ops::Range<usize> {
        self.offsets[v as usize] as usize..self.offsets[v as usize + 1] as usize
    }

    /// The neighbours of `v`, ascending.
    #[inline]
    pub(crate) fn neighbors(&self, v: u32) -> &[u32] {
        &self.targets[self.range(v)]
    }

    /// The neighbour stored in entry `at`.
    #[inline]
    pub(crate) fn target(&self, at: usize) -> u32 {
        self.targets[at]
    }

    /// The first link giving entry `at`.
    #[inline]
    pub(crate) fn link(&self, at: usize) -> u32 {
        self.links[at]
    }

    /// The entry for `v → w`, if any.
    pub(crate) fn find(&self, v: u32, w: u32) -> Option<usize> {
        let range = self.range(v);
        let start = range.start;
        self.targets[range]
            .binary_search(&w)
            .ok()
            .map(|i| start + i)
    }
}

/// Groups `(row, column)` pairs into CSR rows with columns ascending,
/// duplicates kept (counting sort, then a sort per row).
pub(crate) fn rows(n: usize, pairs: &[(u32, u32)]) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; n + 1];
    for &(r, _) in pairs {
        offsets[r as usize + 1] += 1;
    }
    for v in 0..n {
        offsets[v + 1] += offsets[v];
    }
    let mut cursor: Vec<u32> = offsets[..n].to_vec();
    let mut columns = vec![0u32; pairs.len()];
    for &(r, c) in pairs {
        let at = &mut cursor[r as usize];
        columns[*at as usize] = c;
        *at += 1;
    }
    for v in 0..n {
        columns[offsets[v] as usize..offsets[v + 1] as usize].sort_unstable();
    }
    (offsets, columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_parallel_links_and_drops_self_loops() {
        // 0 → 1 twice, 1 → 1, 2 → 0
        let links = [[0, 1], [1, 1], [0, 1], [2, 0]];
        let out = Adjacency::build(3, &links, Orientation::Out);
        assert_eq!(out.neighbors(0), &[1]);
        assert_eq!(out.link(out.range(0).start), 0);
        assert!(out.neighbors(1).is_empty());
        assert_eq!(out.neighbors(2), &[0]);
        let both = Adjacency::build(3, &links, Orientation::Both);
        assert_eq!(both.neighbors(0), &[1, 2]);
        assert_eq!(both.neighbors(1), &[0]);
        assert_eq!(both.find(0, 2).map(|at| both.link(at)), Some(3));
        let inn = Adjacency::build(3, &links, Orientation::In);
        assert_eq!(inn.neighbors(1), &[0]);
        assert_eq!(inn.neighbors(0), &[2]);
        assert_eq!(inn.entries(), 2);
    }
}
