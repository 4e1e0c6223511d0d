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
/// relation stays active, with X as its subject). After a backward clause
/// the reached node is named again in a new clause ("…, which the Wales
/// Summit establishes; the Wales Summit was attended by Ukraine"), so that
/// no "which" points at the wrong noun. "who"/"whom" replace
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
    let mut previous: Option<Heading> = None;
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
            // The first link ends on the node reached, so "which" fits next.
            continue;
        }
        // After a backward relative clause ("…, which X executes") the node reached
        // is that clause's subject, so a further "which" would seem to point
        // back at the earlier noun; name the node again in a new clause.
        if previous == Some(Heading::Backward) {
            let subject = noun(node(from), from);
            let verb = match step.heading {
                Heading::Forward => forward,
                Heading::Backward => inverse,
            };
            text.push_str(&format!("; {subject} {verb} {target}"));
            previous = Some(step.heading);
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
        previous = Some(step.heading);
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

#[cfg(test)]
mod tests {
    use partnership_core::{Graph, Kind, Link, Node, Relation, Source};

    use crate::{PathQuery, Reading, explain, find_path};

    #[test]
    fn a_node_reached_backwards_is_named_again_before_the_next_clause() {
        let cite = Source {
            document: "d".into(),
            section: "s".into(),
        };
        let mut g = Graph::new();
        for (id, kind, name) in [
            ("canada", Kind::State, "Canada"),
            ("c4", Kind::Fund, "C4 Trust Fund"),
            ("wales", Kind::Event, "Wales Summit"),
            ("ukraine", Kind::State, "Ukraine"),
        ] {
            g.add_node(Node::new(id, kind, name, cite.clone())).unwrap();
        }
        for (s, r, t) in [
            ("canada", Relation::Leads, "c4"),
            ("wales", Relation::Establishes, "c4"),
            ("ukraine", Relation::Attends, "wales"),
        ] {
            g.add_link(Link::new(s, r, t, cite.clone())).unwrap();
        }
        let query = PathQuery {
            reading: Reading::Undirected,
            ..Default::default()
        };
        let path = find_path(&g, "canada", "ukraine", &query).unwrap();
        assert_eq!(
            explain(&g, &path),
            "Canada leads the C4 Trust Fund, which the Wales Summit establishes; \
             the Wales Summit was attended by Ukraine"
        );
    }
}
