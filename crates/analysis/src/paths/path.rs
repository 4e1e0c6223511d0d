//! Paths: the nodes walked and the links between them.

use partnership_core::words::Heading;

use crate::snapshot::Snapshot;

/// One link of a path and the way it was walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Step<E> {
    /// The link.
    pub link: E,
    /// Forward when the path goes from the link's source to its target.
    pub heading: Heading,
}

/// A walk through the graph: `nodes[i]` and `nodes[i + 1]` are joined by
/// `steps[i]`.
///
/// When several parallel links join two consecutive nodes, the path names
/// the first of them (lowest link handle, which is file order for the core
/// crate's graph).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Path<N, E> {
    nodes: Vec<N>,
    steps: Vec<Step<E>>,
}

impl<N: Copy, E: Copy> Path<N, E> {
    /// A path from its parts; `nodes` must be one longer than `steps`.
    pub(crate) fn from_parts(nodes: Vec<N>, steps: Vec<Step<E>>) -> Self {
        debug_assert_eq!(nodes.len(), steps.len() + 1);
        Path { nodes, steps }
    }

    /// The nodes, from start to end (at least one).
    pub fn nodes(&self) -> &[N] {
        &self.nodes
    }

    /// The links, in walking order.
    pub fn steps(&self) -> &[Step<E>] {
        &self.steps
    }

    /// The number of links walked.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether the path walks no link (start and end coincide).
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The first node.
    pub fn start(&self) -> N {
        self.nodes[0]
    }

    /// The last node.
    pub fn end(&self) -> N {
        self.nodes[self.nodes.len() - 1]
    }

    /// `(from, step, to)` for each link, in walking order.
    pub fn hops(&self) -> impl ExactSizeIterator<Item = (N, Step<E>, N)> + '_ {
        self.steps
            .iter()
            .enumerate()
            .map(|(i, &step)| (self.nodes[i], step, self.nodes[i + 1]))
    }

    /// `(link, heading)` for each link, in walking order: the form
    /// [`partnership_core::words::explain`] reads.
    ///
    /// ```
    /// use partnership::analysis::{find_path, PathQuery, Reading};
    /// use partnership::model::words::explain;
    ///
    /// let g = partnership::model::dataset();
    /// let query = PathQuery { reading: Reading::Undirected, ..Default::default() };
    /// let path = find_path(g, "Canada", "C4 Trust Fund", &query)?;
    /// assert_eq!(
    ///     explain(g, path.start(), path.walk()),
    ///     "Canada leads the C4 Trust Fund"
    /// );
    /// # Ok::<(), partnership::analysis::Error>(())
    /// ```
    pub fn walk(&self) -> impl ExactSizeIterator<Item = (E, Heading)> + '_ {
        self.steps.iter().map(|s| (s.link, s.heading))
    }
}

/// Turns a sequence of node positions into a [`Path`], naming for each hop
/// the entry's first link and the way it is walked.
pub(crate) fn materialise<N: Copy, E: Copy>(
    snap: &Snapshot<N, E>,
    adj: &crate::snapshot::Adjacency,
    positions: &[u32],
) -> Path<N, E> {
    let nodes = positions.iter().map(|&p| snap.nodes[p as usize]).collect();
    let steps = positions
        .windows(2)
        .filter_map(|pair| {
            let at = adj.find(pair[0], pair[1])?;
            let l = adj.link(at) as usize;
            let heading = if snap.links[l][0] == pair[0] {
                Heading::Forward
            } else {
                Heading::Backward
            };
            Some(Step {
                link: snap.link_ids[l],
                heading,
            })
        })
        .collect();
    Path { nodes, steps }
}
