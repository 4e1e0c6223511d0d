//! How the model is said in words: the one place that turns nodes, links,
//! dates, citations and paths into English.
//!
//! Every crate and the command line use these functions, so a link reads
//! the same in `partnership path`, in a timeline, in a diagram's tooltip and
//! in the explorer page.
//!
//! | function | example |
//! | --- | --- |
//! | [`span`] | `since 2014-09`, `2002 to 2010`, `until 1997` |
//! | [`node_span`] | a node's own dates, or its point date |
//! | [`label`] | `Ukraine (state)` |
//! | [`noun`] | `the C4 Trust Fund`, `Canada` |
//! | [`link_sentence`] | `Romania leads Trust Fund on Cyber Defence` |
//! | [`link_sentence_dated`] | `… (since 2014-09)` |
//! | [`link_from`] | `is led by Romania`, seen from the fund |
//! | [`sections`] | `Trust Fund on Cyber Defence; Milestones in relations` |
//! | [`explain`] | a whole path as one sentence |
//!
//! ```
//! use partnership::model::{dataset, words};
//!
//! let g = dataset();
//! let fund = g.resolve("Trust Fund on Cyber Defence")?;
//! let lead = g.leaders(fund).leads[0].index;
//! assert_eq!(
//!     words::link_sentence(g, lead),
//!     "Romania leads Trust Fund on Cyber Defence"
//! );
//! assert_eq!(words::link_from(g, lead, fund), "is led by Romania");
//! # Ok::<(), partnership::model::LookupError>(())
//! ```

use std::fmt::Write as _;

use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::date::PartialDate;
use crate::graph::Graph;
use crate::kind::Kind;
use crate::record::Node;
use crate::source::Source;

/// The direction in which a path walked a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Heading {
    /// From the link's subject to its object.
    Forward,
    /// From the link's object back to its subject.
    Backward,
}

impl Heading {
    /// `"forward"` or `"backward"`, as JSON output spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Heading::Forward => "forward",
            Heading::Backward => "backward",
        }
    }
}

/// A `since`/`until` span in words: `2014-09 to 2016`, `since 2014-09`,
/// `until 2010`, a single date when both ends are the same, or `None` when
/// both are open.
///
/// ```
/// use partnership::model::words::span;
/// let d = |s: &str| s.parse().ok();
/// assert_eq!(span(d("2014-09"), None).as_deref(), Some("since 2014-09"));
/// assert_eq!(span(d("2002"), d("2010")).as_deref(), Some("2002 to 2010"));
/// assert_eq!(span(None, d("1997")).as_deref(), Some("until 1997"));
/// assert_eq!(span(d("2009"), d("2009")).as_deref(), Some("2009"));
/// assert_eq!(span(None, None), None);
/// ```
pub fn span(since: Option<PartialDate>, until: Option<PartialDate>) -> Option<String> {
    match (since, until) {
        (Some(s), Some(u)) if s == u => Some(s.to_string()),
        (Some(s), Some(u)) => Some(format!("{s} to {u}")),
        (Some(s), None) => Some(format!("since {s}")),
        (None, Some(u)) => Some(format!("until {u}")),
        (None, None) => None,
    }
}

/// A node's dates in words. A point-dated node without `since` (an event)
/// gives its date, or its date to its `until`; otherwise the `since`/`until`
/// span as [`span`] writes it.
///
/// ```
/// use partnership::model::{words, Kind, Node, Source};
/// let mut summit = Node::new("wales", Kind::Event, "Wales Summit",
///     Source { document: "d".into(), section: "s".into() });
/// summit.date = "2014-09-04".parse().ok();
/// assert_eq!(words::node_span(&summit).as_deref(), Some("2014-09-04"));
/// ```
pub fn node_span(node: &Node) -> Option<String> {
    match (node.since, node.date, node.until) {
        (None, Some(date), None) => Some(date.to_string()),
        (None, Some(date), until) => span(Some(date), until),
        (since, _, until) => span(since, until),
    }
}

/// `Name (kind)`, the way lists and headings name an entity.
pub fn label(node: &Node) -> String {
    format!("{} ({})", node.name, node.kind)
}

/// How an entity is named inside running text.
///
/// The first alias that is a phrase rather than an acronym (it has a
/// lower-case letter) and is shorter than the full name is used, else the
/// full name. "the" goes before names of bodies, funds, organisations and
/// the like, but not before states, persons, places, areas, acronyms,
/// possessives or names that already begin with "The".
///
/// ```
/// let g = partnership::model::dataset();
/// let noun = |name: &str| partnership::model::words::noun(g.node(g.resolve(name).unwrap()));
/// assert_eq!(noun("Canada"), "Canada");
/// assert_eq!(noun("Trust Fund on Command, Control, Communications and Computers (C4)"),
///            "the C4 Trust Fund");
/// ```
pub fn noun(node: &Node) -> String {
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

/// The name of the node at `index`, or `#index` when the graph has no such
/// node, so that the functions here never fail.
fn name_of(graph: &Graph, index: NodeIndex) -> String {
    graph
        .petgraph()
        .node_weight(index)
        .map_or_else(|| format!("#{}", index.index()), |n| n.name.clone())
}

/// A link read from subject to object, with its role: "Petro Poroshenko
/// holds office in Ukraine as President". No dates and no full stop. An
/// index the graph does not hold gives `#index`.
pub fn link_sentence(graph: &Graph, link: EdgeIndex) -> String {
    let inner = graph.petgraph();
    let (Some(l), Some((s, t))) = (inner.edge_weight(link), inner.edge_endpoints(link)) else {
        return format!("#{}", link.index());
    };
    let mut text = format!(
        "{} {} {}",
        name_of(graph, s),
        l.relation.phrase(),
        name_of(graph, t)
    );
    if let Some(role) = &l.role {
        let _ = write!(text, " as {role}");
    }
    text
}

/// [`link_sentence`] followed by the link's dates in brackets when it has
/// any: "Ukraine ratifies Strategic Airlift Agreement (since 2006-10)".
pub fn link_sentence_dated(graph: &Graph, link: EdgeIndex) -> String {
    let mut text = link_sentence(graph, link);
    if let Some(l) = graph.petgraph().edge_weight(link)
        && let Some(when) = span(l.since, l.until)
    {
        let _ = write!(text, " ({when})");
    }
    text
}

/// A link seen from one of its ends: the verb phrase and the other end.
/// From the subject it reads forward ("leads Trust Fund on Cyber Defence"),
/// from the object backward ("is led by Romania"); the role follows
/// ("as President"). A self-loop reads forward.
pub fn link_from(graph: &Graph, link: EdgeIndex, viewpoint: NodeIndex) -> String {
    let inner = graph.petgraph();
    let (Some(l), Some((s, t))) = (inner.edge_weight(link), inner.edge_endpoints(link)) else {
        return format!("#{}", link.index());
    };
    let mut text = if s == viewpoint {
        format!("{} {}", l.relation.phrase(), name_of(graph, t))
    } else {
        format!("{} {}", l.relation.inverse_phrase(), name_of(graph, s))
    };
    if let Some(role) = &l.role {
        let _ = write!(text, " as {role}");
    }
    text
}

/// The sections cited, each once in order of first citation, joined with
/// `; `.
pub fn sections(sources: &[Source]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for s in sources {
        if !seen.contains(&s.section.as_str()) {
            seen.push(&s.section);
        }
    }
    seen.join("; ")
}

/// A citation in words: `document: section`.
pub fn citation(source: &Source) -> String {
    format!("{}: {}", source.document, source.section)
}

/// Writes a walk through the graph as one English sentence, each link in
/// the direction it was walked.
///
/// The walk starts at `start` and takes `steps`, each a link and the
/// [`Heading`] it was walked in. The first link reads from the start:
/// forward with the relation's phrase ("Canada leads …"), backward with its
/// inverse ("… is executed by …"). Each further link is a relative clause
/// on the node reached so far: forward "…, which leads X", backward "…,
/// which X executes". After a backward clause the node reached is named
/// again in a new clause ("…, which the Wales Summit establishes; the Wales
/// Summit was attended by Ukraine"), so that no "which" points at the wrong
/// noun. "who"/"whom" replace "which" after a person. Nodes are named with
/// [`noun`]. A walk without steps is the start's name alone. The sentence
/// starts with a capital letter and has no final full stop. Indices the
/// graph does not hold are written `#index`, so the function never fails.
///
/// O(length of the walk and of the names).
///
/// ```
/// use partnership::model::words::{explain, Heading};
///
/// let g = partnership::model::dataset();
/// let (canada, fund) = (g.resolve("Canada")?, g.resolve("C4 Trust Fund")?);
/// let ncia = g.resolve("NCIA")?;
/// let leads = g.leaders(fund);
/// let by_canada = leads.leads.iter().find(|l| l.source == canada).unwrap().index;
/// let by_ncia = leads.executes.iter().find(|l| l.source == ncia).unwrap().index;
/// assert_eq!(
///     explain(g, canada, [(by_canada, Heading::Forward), (by_ncia, Heading::Backward)]),
///     "Canada leads the C4 Trust Fund, which the NATO Communications and Information Agency executes",
/// );
/// # Ok::<(), partnership::model::LookupError>(())
/// ```
pub fn explain<I>(graph: &Graph, start: NodeIndex, steps: I) -> String
where
    I: IntoIterator<Item = (EdgeIndex, Heading)>,
{
    let inner = graph.petgraph();
    let named = |i: NodeIndex| {
        inner
            .node_weight(i)
            .map_or_else(|| format!("#{}", i.index()), noun)
    };
    let mut text = named(start);
    let mut from = start;
    let mut previous: Option<Heading> = None;
    for (k, (link, heading)) in steps.into_iter().enumerate() {
        let ends = inner.edge_endpoints(link);
        let to = match (ends, heading) {
            (Some((_, t)), Heading::Forward) => t,
            (Some((s, _)), Heading::Backward) => s,
            (None, _) => from,
        };
        let target = named(to);
        let (forward, inverse) = match inner.edge_weight(link) {
            Some(l) => (l.relation.phrase(), l.relation.inverse_phrase()),
            None => ("is linked to", "is linked to"),
        };
        if k == 0 {
            let verb = match heading {
                Heading::Forward => forward,
                Heading::Backward => inverse,
            };
            let _ = write!(text, " {verb} {target}");
            // The first link ends on the node reached, so "which" fits next
            // whichever way it was walked.
            from = to;
            continue;
        } else if previous == Some(Heading::Backward) {
            // After "…, which X executes" the node reached is that clause's
            // subject; a further "which" would seem to point at the earlier
            // noun, so name the node again in a new clause.
            let verb = match heading {
                Heading::Forward => forward,
                Heading::Backward => inverse,
            };
            let _ = write!(text, "; {} {verb} {target}", named(from));
        } else {
            let person = inner
                .node_weight(from)
                .is_some_and(|n| n.kind == Kind::Person);
            match heading {
                Heading::Forward => {
                    let who = if person { "who" } else { "which" };
                    let _ = write!(text, ", {who} {forward} {target}");
                }
                Heading::Backward => {
                    let whom = if person { "whom" } else { "which" };
                    let _ = write!(text, ", {whom} {target} {forward}");
                }
            }
        }
        previous = Some(heading);
        from = to;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Link, Relation};

    fn cite() -> Source {
        Source {
            document: "d".into(),
            section: "s".into(),
        }
    }

    /// canada ──leads──► c4 ◄──establishes── wales ◄──attends── ukraine
    fn chain() -> (Graph, Vec<NodeIndex>, Vec<EdgeIndex>) {
        let mut g = Graph::new();
        let mut nodes = Vec::new();
        for (id, kind, name) in [
            ("canada", Kind::State, "Canada"),
            ("c4", Kind::Fund, "C4 Trust Fund"),
            ("wales", Kind::Event, "Wales Summit"),
            ("ukraine", Kind::State, "Ukraine"),
        ] {
            nodes.push(g.add_node(Node::new(id, kind, name, cite())).unwrap());
        }
        let mut links = Vec::new();
        for (s, r, t) in [
            ("canada", Relation::Leads, "c4"),
            ("wales", Relation::Establishes, "c4"),
            ("ukraine", Relation::Attends, "wales"),
        ] {
            links.push(g.add_link(Link::new(s, r, t, cite())).unwrap());
        }
        (g, nodes, links)
    }

    #[test]
    fn a_node_reached_backwards_is_named_again_before_the_next_clause() {
        let (g, n, l) = chain();
        let steps = [
            (l[0], Heading::Forward),
            (l[1], Heading::Backward),
            (l[2], Heading::Backward),
        ];
        assert_eq!(
            explain(&g, n[0], steps),
            "Canada leads the C4 Trust Fund, which the Wales Summit establishes; \
             the Wales Summit was attended by Ukraine"
        );
    }

    #[test]
    fn a_walk_without_steps_is_the_start_alone() {
        let (g, n, _) = chain();
        assert_eq!(explain(&g, n[1], []), "The C4 Trust Fund");
    }

    #[test]
    fn a_link_reads_forward_from_its_subject_and_backward_from_its_object() {
        let (g, n, l) = chain();
        assert_eq!(link_sentence(&g, l[0]), "Canada leads C4 Trust Fund");
        assert_eq!(link_from(&g, l[0], n[0]), "leads C4 Trust Fund");
        assert_eq!(link_from(&g, l[0], n[1]), "is led by Canada");
    }

    #[test]
    fn unknown_indices_are_named_by_number() {
        let (g, n, _) = chain();
        assert_eq!(link_sentence(&g, EdgeIndex::new(99)), "#99");
        assert_eq!(
            explain(&g, NodeIndex::new(42), []),
            "#42",
            "a missing start is named by its index"
        );
        assert_eq!(link_from(&g, EdgeIndex::new(7), n[0]), "#7");
    }

    #[test]
    fn sections_are_listed_once_in_order() {
        let s = |section: &str| Source {
            document: "d".into(),
            section: section.into(),
        };
        assert_eq!(sections(&[s("b"), s("a"), s("b")]), "b; a");
        assert_eq!(citation(&s("a")), "d: a");
    }
}
