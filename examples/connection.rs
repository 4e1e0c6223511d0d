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
//! links it used, and [`words::explain`] turns a path into a sentence.

use partnership::analysis::{KShortestOptions, Reading, k_shortest_paths};
use partnership::model::{dataset, words};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let from = args.next().unwrap_or_else(|| "Canada".to_owned());
    let to = args.next().unwrap_or_else(|| "Ukraine".to_owned());

    let g = dataset();
    // An unknown name comes back as an error listing the nearest names.
    let (a, b) = (g.resolve(&from)?, g.resolve(&to)?);
    println!("How is {} connected to {}?", g.node(a).name, g.node(b).name);

    // Yen's algorithm: the shortest loopless paths, shortest first.
    let options = KShortestOptions {
        k: 3,
        reading: Reading::Undirected,
        max_links: None,
    };
    let paths = k_shortest_paths(g.petgraph(), a, b, &options)?;
    for (i, path) in paths.iter().enumerate() {
        println!(
            "\n{}. {}. ({} links)",
            i + 1,
            words::explain(g, path.start(), path.walk()),
            path.len()
        );
        for step in path.steps() {
            println!("   - {}", words::link_sentence(g, step.link));
        }
    }
    Ok(())
}
