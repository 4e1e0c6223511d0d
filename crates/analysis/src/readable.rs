//! The petgraph traits the algorithms read a graph through.

use petgraph::visit::{GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

/// A graph reference the analysis can read: petgraph's `&Graph`,
/// `&StableGraph`, `&GraphMap`, its filtered adaptors, and the core crate's
/// `&View`.
///
/// This is a shorthand for the four visit traits every whole-graph
/// algorithm here uses, with ordered handles so that results can be ranked
/// and looked up deterministically. It is implemented for every type that
/// has them; there is nothing to implement by hand.
pub trait Readable:
    IntoNodeIdentifiers<NodeId: Ord, EdgeId: Ord> + IntoEdgeReferences + NodeIndexable + GraphProp
{
}

impl<G> Readable for G where
    G: IntoNodeIdentifiers<NodeId: Ord, EdgeId: Ord>
        + IntoEdgeReferences
        + NodeIndexable
        + GraphProp
{
}
