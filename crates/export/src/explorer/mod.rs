//! The explorer: one self-contained HTML page to look at a selection, click
//! through it and move through time.
//!
//! The page is `page.html` with `explorer.css`, the selection as JSON and
//! `explorer.js` written into it, so it opens from disk and makes no network
//! request (its Content-Security-Policy forbids any). Everything the script
//! must agree on with the library is computed here and embedded: node
//! positions ([`crate::layout`]), link sentences, date spans as day numbers
//! for the as-of rule, the name each node takes in a path explanation, and
//! each node's adjacency in the graph's own order, so that the page's
//! breadth-first search finds the same shortest connection as
//! `partnership path`.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};

use partnership_core::petgraph::Direction;
use partnership_core::petgraph::visit::EdgeRef;
use partnership_core::words::{link_sentence, node_span, noun, span};
use partnership_core::{Day, Family, Kind, Node, NodeIndex, PartialDate, Relation, Source};
use serde::Serialize;

use crate::layout::{LayoutInput, layout};
use crate::style::{Line, link_style, node_style};
use crate::{ExportOptions, Selection};

const PAGE: &str = include_str!("page.html");
const STYLE: &str = include_str!("explorer.css");
const SCRIPT: &str = include_str!("explorer.js");

/// Writes `selection` as the explorer page.
pub(crate) fn write<W: Write>(
    writer: W,
    selection: &Selection<'_>,
    options: &ExportOptions,
) -> io::Result<()> {
    let data = page_data(selection, options);
    let json = serde_json::to_string(&data).map_err(io::Error::other)?;
    let mut w = BufWriter::new(writer);
    for part in template(PAGE) {
        match part {
            Part::Text(text) => w.write_all(text.as_bytes())?,
            Part::Slot("title") => w.write_all(escape_html(&data.title).as_bytes())?,
            Part::Slot("style") => w.write_all(STYLE.as_bytes())?,
            Part::Slot("data") => w.write_all(escape_script_json(&json).as_bytes())?,
            Part::Slot("script") => w.write_all(SCRIPT.as_bytes())?,
            Part::Slot(other) => {
                return Err(io::Error::other(format!(
                    "explorer template has an unknown slot {other:?}"
                )));
            }
        }
    }
    w.flush()
}

/// A piece of the page template: text to copy, or a `{{slot}}` to fill.
#[derive(Debug, PartialEq, Eq)]
enum Part<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// Splits a template at its `{{name}}` slots.
fn template(mut text: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    while let Some((before, rest)) = text.split_once("{{") {
        let Some((name, after)) = rest.split_once("}}") else {
            break;
        };
        parts.push(Part::Text(before));
        parts.push(Part::Slot(name));
        text = after;
    }
    parts.push(Part::Text(text));
    parts
}

/// Escapes text for HTML element content and attribute values.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Makes JSON safe inside `<script type="application/json">`: `<`, `>` and
/// `&` only occur inside JSON strings, where `\u003c` and friends mean the
/// same, so no `</script>` or `<!--` in a name can end the element early.
fn escape_script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

/// Everything the script reads, in the order it is written.
#[derive(Debug, Serialize)]
struct PageData {
    title: String,
    description: Option<String>,
    /// Document titles by position; `sources` refer to them.
    documents: Vec<DocumentData>,
    /// Distinct citations; nodes and links refer to them by position.
    sources: Vec<(usize, String)>,
    kinds: Vec<KindData>,
    relations: Vec<RelationData>,
    nodes: Vec<NodeData>,
    links: Vec<LinkData>,
    /// Earliest and latest year of any date in the selection.
    years: Option<(u16, u16)>,
    /// Dated events, by date: node positions.
    timeline: Vec<usize>,
    /// Focus nodes of the selection: node positions.
    focus: Vec<usize>,
    /// The largest coordinate of any position (the smallest is 0).
    size: f64,
}

#[derive(Debug, Serialize)]
struct DocumentData {
    id: String,
    title: String,
}

#[derive(Debug, Serialize)]
struct KindData {
    name: &'static str,
    family: &'static str,
    fill: &'static str,
    /// Graphviz shape name, drawn alike by the script.
    shape: &'static str,
    /// Extra Graphviz style: "", "rounded" or "dashed".
    style: &'static str,
}

#[derive(Debug, Serialize)]
struct RelationData {
    name: &'static str,
    phrase: &'static str,
    inverse: &'static str,
    colour: &'static str,
    line: &'static str,
    bold: bool,
}

#[derive(Debug, Serialize)]
struct NodeData {
    id: String,
    name: String,
    /// Position in `kinds`.
    kind: usize,
    aliases: Vec<String>,
    /// When, in words (`since 2014-09`), if known.
    when: Option<String>,
    /// First and last day of activity as `yyyymmdd`, open where `null`.
    span: (Option<u32>, Option<u32>),
    description: Option<String>,
    attributes: Vec<(String, String)>,
    sources: Vec<usize>,
    x: f64,
    y: f64,
    /// Radius drawn, which the layout keeps clear of other nodes.
    r: f64,
    degree: usize,
    /// How the path explanation names the node ("the C4 Trust Fund").
    noun: String,
    person: bool,
    /// Normalised id, name and aliases, for search.
    keys: Vec<String>,
    /// Links leaving and entering the node (positions in `links`) in the
    /// graph's adjacency order, which the path search follows.
    out: Vec<usize>,
    #[serde(rename = "in")]
    into: Vec<usize>,
}

#[derive(Debug, Serialize)]
struct LinkData {
    source: usize,
    target: usize,
    /// Position in `relations`.
    relation: usize,
    /// The link as a sentence, subject first, with its role, without dates.
    sentence: String,
    when: Option<String>,
    span: (Option<u32>, Option<u32>),
    description: Option<String>,
    attributes: Vec<(String, String)>,
    sources: Vec<usize>,
}

/// The radius a node is drawn with: grows with the square root of its
/// number of links, so that area follows degree. Rounded to 0.1.
fn radius(degree: usize) -> f64 {
    ((4.0 + 1.6 * (degree as f64).sqrt()) * 10.0).round() / 10.0
}

fn day_number(day: Day) -> u32 {
    u32::from(day.year) * 10_000 + u32::from(day.month) * 100 + u32::from(day.day)
}

fn day_span(since: Option<PartialDate>, until: Option<PartialDate>) -> (Option<u32>, Option<u32>) {
    (
        since.map(|d| day_number(d.start())),
        until.map(|d| day_number(d.end())),
    )
}

/// Interns citations in first-seen order.
#[derive(Default)]
struct Citations {
    documents: Vec<DocumentData>,
    sources: Vec<(usize, String)>,
    seen: BTreeMap<(String, String), usize>,
}

impl Citations {
    fn intern(&mut self, sources: &[Source], titles: &partnership_core::GraphMeta) -> Vec<usize> {
        sources
            .iter()
            .map(|s| {
                let key = (s.document.clone(), s.section.clone());
                if let Some(&at) = self.seen.get(&key) {
                    return at;
                }
                let document = match self.documents.iter().position(|d| d.id == s.document) {
                    Some(at) => at,
                    None => {
                        let title = titles
                            .document(&s.document)
                            .map_or_else(|| s.document.clone(), |d| d.title.clone());
                        self.documents.push(DocumentData {
                            id: s.document.clone(),
                            title,
                        });
                        self.documents.len() - 1
                    }
                };
                self.sources.push((document, s.section.clone()));
                let at = self.sources.len() - 1;
                self.seen.insert(key, at);
                at
            })
            .collect()
    }
}

fn attributes(attrs: &partnership_core::Attributes) -> Vec<(String, String)> {
    attrs
        .iter()
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect()
}

fn page_data(selection: &Selection<'_>, options: &ExportOptions) -> PageData {
    let graph = selection.graph();
    let meta = graph.meta();
    let nodes: Vec<(NodeIndex, &Node)> = selection.nodes().collect();
    // Graph index -> page position.
    let mut position = vec![usize::MAX; graph.node_count()];
    for (at, (i, _)) in nodes.iter().enumerate() {
        position[i.index()] = at;
    }
    let mut link_position = vec![usize::MAX; graph.link_count()];
    let links: Vec<_> = selection.links().collect();
    for (at, l) in links.iter().enumerate() {
        link_position[l.index.index()] = at;
    }

    let kinds: Vec<Kind> = Kind::ALL
        .iter()
        .copied()
        .filter(|&k| nodes.iter().any(|(_, n)| n.kind == k))
        .collect();
    let relations: Vec<Relation> = Relation::ALL
        .iter()
        .copied()
        .filter(|&r| links.iter().any(|l| l.relation == r))
        .collect();
    let family = |k: Kind| {
        Family::ALL
            .iter()
            .position(|&f| f == k.family())
            .unwrap_or(6)
    };

    let ends: Vec<(usize, usize)> = links
        .iter()
        .map(|l| (position[l.source.index()], position[l.target.index()]))
        .collect();
    let mut degree = vec![0usize; nodes.len()];
    for &(a, b) in &ends {
        degree[a] += 1;
        degree[b] += 1;
    }
    let input = LayoutInput {
        nodes: nodes.len(),
        links: ends,
        groups: nodes.iter().map(|(_, n)| family(n.kind)).collect(),
        radii: degree.iter().map(|&d| radius(d)).collect(),
    };
    let positions = layout(&input);
    let size = positions.iter().fold(0.0f64, |m, p| m.max(p[0]).max(p[1]));

    let mut citations = Citations::default();
    let mut years: Option<(u16, u16)> = None;
    let mut see = |d: Option<PartialDate>| {
        if let Some(d) = d {
            let y = d.year_number();
            years = Some(years.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y))));
        }
    };
    for (_, n) in &nodes {
        see(n.since);
        see(n.until);
        see(n.date);
    }
    for l in &links {
        see(l.since);
        see(l.until);
    }

    let inner = graph.petgraph();
    let adjacency = |i: NodeIndex, dir: Direction| -> Vec<usize> {
        inner
            .edges_directed(i, dir)
            .map(|e| link_position[e.id().index()])
            .filter(|&at| at != usize::MAX)
            .collect()
    };
    let node_data: Vec<NodeData> = nodes
        .iter()
        .zip(&positions)
        .enumerate()
        .map(|(at, ((i, n), p))| {
            let (start, end) = n.span();
            let mut keys: Vec<String> = std::iter::once(&n.id)
                .chain(std::iter::once(&n.name))
                .chain(&n.aliases)
                .map(|s| partnership_core::normalize(s))
                .filter(|k| !k.is_empty())
                .collect();
            keys.dedup();
            NodeData {
                id: n.id.clone(),
                name: n.name.clone(),
                kind: kinds.iter().position(|&k| k == n.kind).unwrap_or(0),
                aliases: n.aliases.clone(),
                when: node_span(n),
                span: day_span(start, end),
                description: n.description.clone(),
                attributes: attributes(&n.attributes),
                sources: citations.intern(&n.sources, meta),
                x: p[0],
                y: p[1],
                r: radius(degree[at]),
                degree: degree[at],
                noun: noun(n),
                person: n.kind == Kind::Person,
                keys,
                out: adjacency(*i, Direction::Outgoing),
                into: adjacency(*i, Direction::Incoming),
            }
        })
        .collect();

    let link_data: Vec<LinkData> = links
        .iter()
        .map(|l| {
            let link = l.weight;
            LinkData {
                source: position[l.source.index()],
                target: position[l.target.index()],
                relation: relations
                    .iter()
                    .position(|&r| r == link.relation)
                    .unwrap_or(0),
                sentence: link_sentence(graph, l.index),
                when: span(link.since, link.until),
                span: day_span(link.since, link.until),
                description: link.description.clone(),
                attributes: attributes(&link.attributes),
                sources: citations.intern(&link.sources, meta),
            }
        })
        .collect();

    let mut timeline: Vec<(u32, usize)> = nodes
        .iter()
        .enumerate()
        .filter(|(_, (_, n))| n.kind == Kind::Event)
        .filter_map(|(at, (_, n))| n.date.or(n.since).map(|d| (day_number(d.start()), at)))
        .collect();
    timeline.sort_unstable();

    PageData {
        title: options
            .title
            .clone()
            .or_else(|| meta.name.clone())
            .unwrap_or_else(|| "Partnership explorer".to_owned()),
        description: meta.description.clone(),
        documents: citations.documents,
        sources: citations.sources,
        kinds: kinds
            .iter()
            .map(|&k| {
                let style = node_style(k);
                KindData {
                    name: k.as_str(),
                    family: k.family().as_str(),
                    fill: style.fill,
                    shape: style.dot_shape,
                    style: style.dot_style,
                }
            })
            .collect(),
        relations: relations
            .iter()
            .map(|&r| {
                let style = link_style(r);
                RelationData {
                    name: r.as_str(),
                    phrase: r.phrase(),
                    inverse: r.inverse_phrase(),
                    colour: style.colour,
                    line: match style.line {
                        Line::Solid => "solid",
                        Line::Dashed => "dashed",
                        Line::Dotted => "dotted",
                    },
                    bold: style.bold,
                }
            })
            .collect(),
        nodes: node_data,
        links: link_data,
        years,
        timeline: timeline.into_iter().map(|(_, at)| at).collect(),
        focus: selection
            .focus()
            .iter()
            .map(|i| position[i.index()])
            .filter(|&at| at != usize::MAX)
            .collect(),
        size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, SelectionOptions};

    fn page(selection: &Selection<'_>) -> String {
        let mut out = Vec::new();
        Format::Html
            .write(&mut out, selection, &ExportOptions::default())
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The JSON embedded in a page, read back.
    fn data(html: &str) -> serde_json::Value {
        let start = html.find("id=\"explorer-data\">").unwrap() + "id=\"explorer-data\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end]).unwrap()
    }

    #[test]
    fn template_slots_are_all_known() {
        let slots: Vec<_> = template(PAGE)
            .into_iter()
            .filter_map(|p| match p {
                Part::Slot(s) => Some(s),
                Part::Text(_) => None,
            })
            .collect();
        assert_eq!(slots, ["title", "style", "title", "data", "script"]);
        assert_eq!(
            template("a{{b}}c{{d"),
            [Part::Text("a"), Part::Slot("b"), Part::Text("c{{d")]
        );
    }

    #[test]
    fn script_and_style_cannot_end_their_elements() {
        for text in [SCRIPT, STYLE] {
            assert!(!text.to_ascii_lowercase().contains("</script"));
            assert!(!text.to_ascii_lowercase().contains("</style"));
            assert!(!text.contains("{{"));
        }
        // No data reaches the page as markup.
        assert!(!SCRIPT.contains("innerHTML"));
        assert!(!SCRIPT.contains("outerHTML"));
        assert!(!SCRIPT.contains("insertAdjacentHTML"));
        assert!(!SCRIPT.contains("document.write"));
    }

    #[test]
    fn hostile_names_stay_inside_the_json() {
        let mut g = partnership_core::Graph::new();
        let cite = Source {
            document: "d".into(),
            section: "</script><script>alert(1)</script>".into(),
        };
        let name = "</script><script>alert(\"x\")</script> & <!-- 'q'";
        g.add_node(Node::new("evil", Kind::State, name, cite))
            .unwrap();
        let html = page(&Selection::all(&g));
        assert_eq!(html.matches("<script").count(), 2);
        assert_eq!(html.to_ascii_lowercase().matches("</script").count(), 2);
        assert!(!html.contains("<!-- 'q'"));
        let d = data(&html);
        assert_eq!(d["nodes"][0]["name"], name);
        assert_eq!(d["sources"][0][1], "</script><script>alert(1)</script>");
    }

    #[test]
    fn the_whole_dataset_page_is_deterministic_and_within_budget() {
        let g = partnership_core::dataset();
        let a = page(&Selection::all(g));
        let b = page(&Selection::all(g));
        assert_eq!(a, b);
        assert!(a.len() <= 1_500_000, "page is {} bytes", a.len());
        let d = data(&a);
        assert_eq!(d["nodes"].as_array().unwrap().len(), g.node_count());
        assert_eq!(d["links"].as_array().unwrap().len(), g.link_count());
    }

    #[test]
    fn embeds_what_the_script_must_agree_on() {
        let g = partnership_core::dataset();
        let options = SelectionOptions::new().around(["C4 Trust Fund"], 1);
        let d = data(&page(&Selection::new(g, &options).unwrap()));
        let nodes = d["nodes"].as_array().unwrap();
        let c4 = nodes
            .iter()
            .find(|n| n["id"] == "c4-trust-fund")
            .expect("the focus node");
        assert_eq!(c4["noun"], "the C4 Trust Fund");
        assert!(
            c4["keys"]
                .as_array()
                .unwrap()
                .contains(&"c4trustfund".into())
        );
        let canada = nodes.iter().find(|n| n["id"] == "canada").unwrap();
        assert_eq!(canada["noun"], "Canada");
        // Canada leads the fund: the link sentence, and the adjacency.
        let links = d["links"].as_array().unwrap();
        let leads = links
            .iter()
            .position(|l| l["sentence"].as_str().unwrap().starts_with("Canada leads"))
            .unwrap();
        assert!(canada["out"].as_array().unwrap().contains(&leads.into()));
        assert!(c4["in"].as_array().unwrap().contains(&leads.into()));
        assert_eq!(d["focus"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn spans_are_day_numbers_of_the_as_of_rule() {
        // since 2014-09, no until -> [20140901, open]; an event dated
        // 2014-09-04 -> that day only (Node::span).
        let mut n = Node::new(
            "f",
            Kind::Fund,
            "F",
            Source {
                document: "d".into(),
                section: "s".into(),
            },
        );
        n.since = Some("2014-09".parse().unwrap());
        let (s, e) = n.span();
        assert_eq!(day_span(s, e), (Some(20_140_901), None));
        n.since = None;
        n.date = Some("2014-02".parse().unwrap());
        let (s, e) = n.span();
        assert_eq!(day_span(s, e), (Some(20_140_201), Some(20_140_228)));
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape_html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            escape_script_json("\"</script>\u{2028}\""),
            "\"\\u003c/script\\u003e\\u2028\""
        );
    }
}
