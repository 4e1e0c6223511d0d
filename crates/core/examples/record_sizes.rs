//! Prints what one node and one link cost in memory: the inline size of the
//! records and of petgraph's slots for them.
//!
//! ```text
//! cargo run -p partnership-core --example record_sizes
//! ```

use std::mem::size_of;

use partnership_core::petgraph::graph::{Edge, Node as Slot};
use partnership_core::{Link, Node, PartialDate, Sources};

fn main() {
    println!(
        "Node {} bytes, in its petgraph slot {}",
        size_of::<Node>(),
        size_of::<Slot<Node>>()
    );
    println!(
        "Link {} bytes, in its petgraph slot {}",
        size_of::<Link>(),
        size_of::<Edge<Link>>()
    );
    println!(
        "Sources {} bytes, Option<PartialDate> {}",
        size_of::<Sources>(),
        size_of::<Option<PartialDate>>()
    );
}
