//! Which bodies sit at the centre of the relationship, and how did that
//! change between 2010 and 2016?
//!
//! ```text
//! cargo run --example central_bodies
//! ```
//!
//! A [`View`] narrows the graph to what was active at a date without
//! copying it, and the analysis crate runs on views directly. Betweenness
//! counts how many shortest connections pass through a node: a body with a
//! high score is a broker between the others.

use partnership::analysis::{BetweennessOptions, Reading, betweenness_centrality};
use partnership::model::{Graph, Kind, NodeIndex, PartialDate, View, dataset};

/// The bodies of `view`, most central first.
fn ranked_bodies(
    g: &Graph,
    view: &View<'_>,
) -> Result<Vec<(NodeIndex, f64)>, partnership::analysis::Error> {
    let options = BetweennessOptions {
        reading: Reading::Undirected,
        ..BetweennessOptions::default()
    };
    let scores = betweenness_centrality(view, &options)?;
    Ok(scores
        .ranked()
        .into_iter()
        .filter(|(node, _)| g.node(*node).kind == Kind::Body)
        .collect())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let g = dataset();
    let (then, now): (PartialDate, PartialDate) = ("2010".parse()?, "2016".parse()?);
    let before = ranked_bodies(g, &g.view().as_of(then))?;
    let after = ranked_bodies(g, &g.view().as_of(now))?;

    println!("Most central bodies in {now} (betweenness, links read either way):\n");
    println!("RANK  SCORE   IN {then}  BODY");
    for (rank, (node, score)) in after.iter().take(10).enumerate() {
        let earlier = before.iter().position(|(n, _)| n == node);
        let change = match earlier {
            Some(old) => format!("#{}", old + 1),
            None => "new".to_owned(),
        };
        println!(
            "{:>4}  {score:.4}  {change:>7}  {}",
            rank + 1,
            g.node(*node).name
        );
    }

    let gone: Vec<&str> = before
        .iter()
        .filter(|(node, _)| !after.iter().any(|(n, _)| n == node))
        .map(|(node, _)| g.node(*node).name.as_str())
        .collect();
    if !gone.is_empty() {
        println!("\nActive in {then} but not in {now}: {}", gone.join(", "));
    }
    Ok(())
}
