//! Deterministic synthetic graphs for benchmarks and scale tests.
//!
//! The benches, the `gen_graph` example (which writes the same graph as
//! node-link JSON for other tools) and the scale tests share these, so that
//! every measurement is taken on the identical graph.

use partnership_core::{Document, Graph, GraphMeta, Kind, Link, Node, Relation, Source};

use crate::error::{Error, Result};

/// SplitMix64 (G. Steele, D. Lea and C. Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014): tiny, fast and well
/// mixed, and the same on every platform.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` by multiply-shift (D. Lemire, "Fast random integer
    /// generation in an interval", 2019; the bias is below n / 2⁶⁴).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// The links of a scale-free graph grown by preferential attachment,
/// `(source, target)` in creation order.
///
/// Barabási–Albert as `networkx.barabasi_albert_graph`: a star of
/// `links_per_node + 1` nodes, then each new node links to
/// `links_per_node` distinct earlier nodes drawn with probability
/// proportional to their degree. Each link then gets a random direction, so
/// that the directed reading has a large strongly connected core rather
/// than being acyclic. There are `links_per_node * (nodes - links_per_node)`
/// links and no parallel links or self-loops.
///
/// # Errors
/// [`Error::InvalidOption`] unless `1 <= links_per_node < nodes`, or if
/// `nodes` exceeds 2³¹.
///
/// # Example
/// ```
/// let links = partnership::analysis::synthetic::scale_free_links(100, 3, 7)?;
/// assert_eq!(links.len(), 3 * 97);
/// assert_eq!(links, partnership::analysis::synthetic::scale_free_links(100, 3, 7)?);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
pub fn scale_free_links(nodes: usize, links_per_node: usize, seed: u64) -> Result<Vec<(u32, u32)>> {
    let m = links_per_node;
    if m == 0 || m >= nodes {
        return Err(Error::InvalidOption {
            option: "links_per_node",
            value: m.to_string(),
            expected: "at least 1 and below the number of nodes",
        });
    }
    if nodes > crate::snapshot::LIMIT {
        return Err(Error::InvalidOption {
            option: "nodes",
            value: nodes.to_string(),
            expected: "at most 2^31 nodes",
        });
    }
    let mut rng = SplitMix64::new(seed);
    let mut links = Vec::with_capacity(m * nodes);
    // Each node appears once per link end, so a uniform draw from this list
    // is a draw by degree.
    let mut ends: Vec<u32> = Vec::with_capacity(2 * m * nodes);
    let mut chosen_by = vec![u32::MAX; nodes];
    let mut targets = Vec::with_capacity(m);
    let add =
        |a: u32, b: u32, rng: &mut SplitMix64, links: &mut Vec<(u32, u32)>, ends: &mut Vec<u32>| {
            links.push(if rng.next_u64() & 1 == 0 {
                (a, b)
            } else {
                (b, a)
            });
            ends.push(a);
            ends.push(b);
        };
    for leaf in 1..=m as u32 {
        add(0, leaf, &mut rng, &mut links, &mut ends);
    }
    for v in (m + 1) as u32..nodes as u32 {
        targets.clear();
        while targets.len() < m {
            let t = ends[rng.below(ends.len())];
            if chosen_by[t as usize] != v {
                chosen_by[t as usize] = v;
                targets.push(t);
            }
        }
        for &t in &targets {
            add(v, t, &mut rng, &mut links, &mut ends);
        }
    }
    Ok(links)
}

/// The id of synthetic node `i`: `n{i}`.
pub fn node_id(i: u32) -> String {
    format!("n{i}")
}

/// The document every synthetic node and link cites.
pub fn citation() -> Source {
    Source {
        document: "synthetic".into(),
        section: "generated".into(),
    }
}

/// The graph of [`scale_free_links`] as a model graph: `body` nodes `n0`,
/// `n1`, … named "Body 0", …, joined by `supports` links, all citing the
/// declared document `synthetic`.
///
/// # Errors
/// As [`scale_free_links`].
///
/// # Example
/// ```
/// let g = partnership::analysis::synthetic::scale_free_graph(50, 2, 1)?;
/// assert_eq!((g.node_count(), g.link_count()), (50, 96));
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
pub fn scale_free_graph(nodes: usize, links_per_node: usize, seed: u64) -> Result<Graph> {
    let links = scale_free_links(nodes, links_per_node, seed)?;
    let mut g = Graph::with_meta(GraphMeta {
        name: Some(format!("synthetic scale-free graph ({nodes} nodes)")),
        sources: vec![Document {
            id: "synthetic".into(),
            title: "Synthetic graph generated by gen_graph".into(),
            publisher: None,
            date: None,
            url: None,
            sections: Vec::new(),
        }],
        ..GraphMeta::default()
    });
    let rejected = |e: partnership_core::Rejected| Error::InvalidOption {
        option: "synthetic graph",
        value: e.to_string(),
        expected: "a graph the model accepts",
    };
    for i in 0..nodes as u32 {
        g.add_node(Node::new(
            node_id(i),
            Kind::Body,
            format!("Body {i}"),
            citation(),
        ))
        .map_err(rejected)?;
    }
    for (s, t) in links {
        g.add_link(Link::new(
            node_id(s),
            Relation::Supports,
            node_id(t),
            citation(),
        ))
        .map_err(rejected)?;
    }
    Ok(g)
}
