//! How are two entities connected? The three shortest chains of links
//! between them, each explained in one sentence and then link by link.
//!
//! ```text
//! cargo run --example connection                      # Canada and Ukraine
//! cargo run --example connection -- Romania "Verkhovna Rada"
//! ```
//!
//! Entities are found by id, name, alias or acronym with [`Graph::resolve`].
//! The analysis crate walks the graph (read undirected here, so "Ukraine
//! requested the fund" connects the fund to Ukraine as well), returns the
//! links it used, and [`explain`] turns a path into a sentence.

use partnership::analysis::{Reading, explain, k_shortest_paths};
use partnership::core::{EdgeIndex, Graph, dataset};

/// One link as a sentence, read from subject to object.
fn sentence(g: &Graph, link: EdgeIndex) -> String {
    let (source, target) = g.ends(link);
    format!(
        "{} {} {}",
        g.node(source).name,
        g.link(link).relation.phrase(),
        g.node(target).name
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let from = args.next().unwrap_or_else(|| "Canada".to_owned());
    let to = args.next().unwrap_or_else(|| "Ukraine".to_owned());

    let g = dataset();
    // An unknown name comes back as an error listing the nearest names.
    let (a, b) = (g.resolve(&from)?, g.resolve(&to)?);
    println!("How is {} connected to {}?", g.node(a).name, g.node(b).name);

    // Yen's algorithm: the shortest loopless paths, shortest first.
    let paths = k_shortest_paths(g.petgraph(), a, b, 3, Reading::Undirected)?;
    for (i, path) in paths.iter().enumerate() {
        println!("\n{}. {}. ({} links)", i + 1, explain(g, path), path.len());
        for step in path.steps() {
            println!("   - {}", sentence(g, step.link));
        }
    }
    Ok(())
}
