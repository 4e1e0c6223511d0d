//! Who leads what: every fund, project and body with its lead nations and
//! executing agents, as a table.
//!
//! ```text
//! cargo run --example who_leads_what
//! ```
//!
//! The embedded dataset is one call away ([`partnership::model::dataset`]);
//! [`Graph::leaders`] answers "who leads this, who executes it" with the
//! links themselves, so their dates and sources are at hand too.

use partnership::model::{Graph, Kind, LinkRef, dataset};

/// The names at the subject end of `links`, or `-` when there are none.
fn subjects(g: &Graph, links: &[LinkRef<'_>]) -> String {
    if links.is_empty() {
        return "-".to_owned();
    }
    let names: Vec<&str> = links
        .iter()
        .map(|l| g.node(l.source).name.as_str())
        .collect();
    names.join(", ")
}

fn main() {
    let g = dataset();

    // One row per fund, project and body that has a lead or an executing
    // agent; the rest are counted.
    let mut unled = 0;
    let mut rows: Vec<(Kind, String, String, String)> = Vec::new();
    for (index, node) in g.nodes() {
        if !matches!(node.kind, Kind::Fund | Kind::Project | Kind::Body) {
            continue;
        }
        let who = g.leaders(index);
        if who.is_empty() {
            unled += 1;
            continue;
        }
        rows.push((
            node.kind,
            node.name.clone(),
            subjects(g, &who.leads),
            subjects(g, &who.executes),
        ));
    }
    let order = |kind: &Kind| {
        [Kind::Fund, Kind::Project, Kind::Body]
            .iter()
            .position(|k| k == kind)
    };
    rows.sort_by(|a, b| order(&a.0).cmp(&order(&b.0)).then_with(|| a.1.cmp(&b.1)));

    let width = |column: fn(&(Kind, String, String, String)) -> usize| {
        rows.iter().map(column).max().unwrap_or(0)
    };
    let (w_kind, w_name, w_lead) = (
        width(|r| r.0.as_str().len()).max(4),
        width(|r| r.1.chars().count()).max(4),
        width(|r| r.2.chars().count()).max(4),
    );
    println!(
        "{:w_kind$}  {:w_name$}  {:w_lead$}  EXECUTED BY",
        "KIND", "NAME", "LEAD"
    );
    for (kind, name, leads, executes) in &rows {
        println!(
            "{:w_kind$}  {name:w_name$}  {leads:w_lead$}  {executes}",
            kind.as_str()
        );
    }
    println!(
        "\n{unled} other funds, projects and bodies have no recorded lead or executing agent."
    );
}
