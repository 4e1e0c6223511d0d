//! A path of the model written out in words.

use partnership_core::{EdgeIndex, Graph, Kind, Node, NodeIndex};

use super::path::{Heading, Path};

/// Writes a path as one English sentence, each link in the direction it
/// was walked.
///
/// The first link reads from the start: forward as the relation's phrase
/// ("Canada leads …"), backward as its inverse ("… is executed by …").
/// Each further link is a relative clause on the node reached so far:
/// forward "…, which leads X", backward "…, which X executes" (the
/// relation stays active, with X as its subject). "who"/"whom" replace
/// "which" after a person.
///
/// Nodes are named by their first alias that is a phrase rather than an
/// acronym (has a lower-case letter) and is shorter than the full name,
/// else by the full name; "the" precedes names of bodies, funds,
/// organisations and the like but not states, persons, places, areas,
/// acronyms or names that already begin with "The". A path without links
/// is the start's name alone. The sentence starts with a capital letter
/// and has no final full stop. Handles that are not in `graph` are written
/// as `#index`, so the function never fails.
///
/// # Arguments
/// - `graph`: the model the path was found in (directly or through a view).
/// - `path`: the path.
///
/// # Returns
/// The sentence.
///
/// # Complexity
/// O(length of the path and of the names).
///
/// # Example
/// ```text
/// canada ──leads──► c4-trust-fund ◄──executes── ncia
/// ```
/// ```
/// use partnership_analysis::{explain, find_path, PathQuery, Reading};
/// use partnership_core::Relation;
///
/// let g = partnership_core::dataset();
/// let query = PathQuery {
///     reading: Reading::Undirected,
///     relations: vec![Relation::Leads, Relation::Executes],
///     ..Default::default()
/// };
/// let path = find_path(g, "Canada", "NCIA", &query)?;
/// assert_eq!(
///     explain(g, &path),
///     "Canada leads the C4 Trust Fund, which the NATO Communications and Information Agency executes",
/// );
/// # Ok::<(), partnership_analysis::Error>(())
/// ```
///
/// # Reference
/// The relation phrases are the core crate's `Relation::phrase` and
/// `Relation::inverse_phrase`.
pub fn explain(graph: &Graph, path: &Path<NodeIndex, EdgeIndex>) -> String {
    let inner = graph.petgraph();
    let node = |i: NodeIndex| inner.node_weight(i);
    let mut text = noun(node(path.start()), path.start());
    for (k, (from, step, to)) in path.hops().enumerate() {
        let phrase = inner.edge_weight(step.link).map(|l| l.relation);
        let target = noun(node(to), to);
        let (forward, inverse) = match phrase {
            Some(r) => (r.phrase(), r.inverse_phrase()),
            None => ("is linked to", "is linked to"),
        };
        if k == 0 {
            match step.heading {
                Heading::Forward => text.push_str(&format!(" {forward} {target}")),
                Heading::Backward => text.push_str(&format!(" {inverse} {target}")),
            }
            continue;
        }
        let person = node(from).is_some_and(|n| n.kind == Kind::Person);
        match step.heading {
            Heading::Forward => {
                let who = if person { "who" } else { "which" };
                text.push_str(&format!(", {who} {forward} {target}"));
            }
            Heading::Backward => {
                let whom = if person { "whom" } else { "which" };
                text.push_str(&format!(", {whom} {target} {forward}"));
            }
        }
    }
    capitalise(text)
}

/// The sentence with its first letter in upper case ("The …").
fn capitalise(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

/// How a node is named in a sentence.
fn noun(node: Option<&Node>, index: NodeIndex) -> String {
    let Some(node) = node else {
        return format!("#{}", index.index());
    };
    let name = node
        .aliases
        .iter()
        .find(|a| a.len() < node.name.len() && a.chars().any(char::is_lowercase))
        .unwrap_or(&node.name);
    let bare = matches!(
        node.kind,
        Kind::State | Kind::Person | Kind::Place | Kind::Area
    ) || name.starts_with("The ")
        || name.starts_with("the ")
        || !name.chars().any(char::is_lowercase)
        || name.split(' ').next().is_some_and(|w| w.ends_with("'s"));
    if bare {
        name.clone()
    } else {
        format!("the {name}")
    }
}
