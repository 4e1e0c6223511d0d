//! Graphviz DOT, written by hand.
//!
//! petgraph's `Dot` writes one label per node and edge through `Debug` or
//! `Display` and a free-form attribute string; it has no clusters, no legend
//! and no escaping of attribute text beyond the label, so this writer builds
//! the statements itself.
//!
//! Escaping follows Graphviz's own lexer (`lib/cgraph/scan.l`): inside a
//! quoted string only `\"` is an escape, and `\\` is kept as two characters.
//! Attributes of type *escString* (labels, tooltips) then read `\\` as one
//! backslash and `\n` as a line break, and labels decode HTML entities, so
//! text there escapes `\`, `"` and `&`. Identifiers are not escStrings: they
//! escape `\`, `"` and `&` (see [`Id`]), and spell control characters (which
//! Graphviz drops on output, or chokes on, as NUL) as `\u{..}`, which keeps
//! distinct ids distinct. Graphviz takes a name that starts with `%` for one
//! of its internal object numbers (so `"%3"` and `"%5"` could become one
//! node, shown as `%7`), quoted or not; such ids get a zero-width space in
//! front ([`ID_GUARD`]).

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};
use std::io::{self, BufWriter, Write};

use partnership_core::{Kind, NodeIndex, Relation};

use crate::style::{Line, link_style, node_style};
use crate::text::{UniqueIds, link_label, link_tooltip, node_label, node_tooltip};
use crate::{ExportOptions, Selection};

const FONT: &str = "Helvetica,Arial,sans-serif";

/// Writes `selection` as a Graphviz digraph.
pub(crate) fn write<W: Write>(
    writer: W,
    selection: &Selection<'_>,
    options: &ExportOptions,
) -> io::Result<()> {
    let mut w = BufWriter::new(writer);
    let graph = selection.graph();
    let title = options.title.as_deref().or(graph.meta().name.as_deref());

    writeln!(w, "digraph {} {{", Id(title.unwrap_or("partnership")))?;
    write!(
        w,
        // newrank: Graphviz's older ranking fails ("trouble in init_rank")
        // on large graphs with clusters.
        "  graph [newrank=true, rankdir={}, fontname={}, fontsize=16, nodesep=0.3, ranksep=0.5",
        options.layout,
        Id(FONT)
    )?;
    if let Some(title) = title {
        write!(w, ", labelloc=t, label={}", Text(title))?;
    }
    writeln!(w, "];")?;
    writeln!(
        w,
        "  node [fontname={}, fontsize=10, style=filled, color=\"#333333\", penwidth=0.8, margin=\"0.12,0.06\"];",
        Id(FONT)
    )?;
    writeln!(
        w,
        "  edge [fontname={}, fontsize=8, arrowsize=0.7];",
        Id(FONT)
    )?;

    let mut ids = UniqueIds::default();
    for (_, node) in selection.nodes() {
        ids.reserve(&node.id);
    }
    let tree = if options.clusters {
        Containment::of(selection)
    } else {
        Containment::default()
    };
    for (index, _) in selection.nodes() {
        if tree.parent(index).is_some() {
            continue; // written inside its container's cluster
        }
        if tree.has_children(index) {
            write_cluster(&mut w, selection, options, &tree, &mut ids, index)?;
        } else {
            write_node(&mut w, selection, options, index, 1)?;
        }
    }
    for l in selection.links() {
        let style = link_style(l.relation);
        write!(
            w,
            "  {} -> {} [label={}, tooltip={}, color=\"{c}\", fontcolor=\"{c}\", style={}, arrowhead={}",
            Id(&graph.node(l.source).id),
            Id(&graph.node(l.target).id),
            Lines(&link_label(l.weight, options.wrap)),
            Text(&link_tooltip(graph, l.index)),
            line_name(style.line),
            style.arrowhead,
            c = style.colour,
        )?;
        if style.bold {
            write!(w, ", penwidth=2")?;
        }
        writeln!(w, "];")?;
    }
    if options.legend {
        write_legend(&mut w, selection, &mut ids)?;
    }
    writeln!(w, "}}")?;
    w.flush()
}

fn line_name(line: Line) -> &'static str {
    match line {
        Line::Solid => "solid",
        Line::Dashed => "dashed",
        Line::Dotted => "dotted",
    }
}

fn write_node<W: Write>(
    w: &mut W,
    selection: &Selection<'_>,
    options: &ExportOptions,
    index: NodeIndex,
    depth: usize,
) -> io::Result<()> {
    let node = selection.graph().node(index);
    let style = node_style(node.kind);
    writeln!(
        w,
        "{:indent$}{} [label={}, shape={}, style=\"{}\", fillcolor=\"{}\", tooltip={}];",
        "",
        Id(&node.id),
        Lines(&node_label(node, options.wrap)),
        style.dot_shape,
        FillStyle(style.dot_style),
        style.fill,
        Text(&node_tooltip(node)),
        indent = 2 * depth,
    )
}

struct FillStyle(&'static str);

impl fmt::Display for FillStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("filled")?;
        if !self.0.is_empty() {
            write!(f, ",{}", self.0)?;
        }
        Ok(())
    }
}

/// Writes `root`'s cluster: the root, then its parts, nested parts in their
/// own clusters. Iterative, so a deep `part_of` chain cannot overflow the
/// stack.
fn write_cluster<W: Write>(
    w: &mut W,
    selection: &Selection<'_>,
    options: &ExportOptions,
    tree: &Containment,
    ids: &mut UniqueIds,
    root: NodeIndex,
) -> io::Result<()> {
    enum Step {
        Open(NodeIndex),
        Node(NodeIndex),
        Close,
    }
    let mut stack = vec![Step::Open(root)];
    let mut depth = 1;
    while let Some(step) = stack.pop() {
        match step {
            Step::Open(index) => {
                let node = selection.graph().node(index);
                let label = node.aliases.first().unwrap_or(&node.name);
                writeln!(
                    w,
                    "{:indent$}subgraph {} {{",
                    "",
                    Id(&ids.fresh(&format!("cluster_{}", node.id))),
                    indent = 2 * depth
                )?;
                depth += 1;
                writeln!(
                    w,
                    "{:indent$}graph [label={}, tooltip={}, style=\"rounded\", color=\"#888888\", fontsize=10, labeljust=l];",
                    "",
                    Text(label),
                    Text(&format!("{} and its parts", node.name)),
                    indent = 2 * depth
                )?;
                write_node(w, selection, options, index, depth)?;
                stack.push(Step::Close);
                for &child in tree.children(index).iter().rev() {
                    stack.push(if tree.has_children(child) {
                        Step::Open(child)
                    } else {
                        Step::Node(child)
                    });
                }
            }
            Step::Node(index) => write_node(w, selection, options, index, depth)?,
            Step::Close => {
                depth -= 1;
                writeln!(w, "{:indent$}}}", "", indent = 2 * depth)?;
            }
        }
    }
    Ok(())
}

/// Writes a legend cluster with one sample node per kind and a table with
/// one sample line per relation, for the kinds and relations the selection
/// contains.
fn write_legend<W: Write>(
    w: &mut W,
    selection: &Selection<'_>,
    ids: &mut UniqueIds,
) -> io::Result<()> {
    let kinds: BTreeSet<Kind> = selection.nodes().map(|(_, n)| n.kind).collect();
    let relations: BTreeSet<Relation> = selection.links().map(|l| l.relation).collect();
    if kinds.is_empty() {
        return Ok(());
    }
    writeln!(w, "  subgraph {} {{", Id(&ids.fresh("cluster_legend")))?;
    writeln!(
        w,
        "    graph [label=\"Legend\", style=\"rounded\", color=\"#888888\", fontsize=12, labeljust=l];"
    )?;
    let mut first_kind = None;
    for kind in kinds {
        let style = node_style(kind);
        let id = ids.fresh(&format!("legend_{kind}"));
        writeln!(
            w,
            "    {} [label={}, shape={}, style=\"{}\", fillcolor=\"{}\", tooltip={}];",
            Id(&id),
            Text(kind.as_str()),
            style.dot_shape,
            FillStyle(style.dot_style),
            style.fill,
            Text(&format!("{kind} ({} family)", kind.family())),
        )?;
        first_kind.get_or_insert(id);
    }
    if !relations.is_empty() {
        let table = ids.fresh("legend_relations");
        // One table for the relations: sample lines drawn as nodes and edges
        // get pulled about by the layout, a table stays in one piece.
        write!(
            w,
            "    {} [shape=plaintext, style=\"\", tooltip=\"relations\", label=<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">",
            Id(&table)
        )?;
        for relation in relations {
            let style = link_style(relation);
            let sample = match style.line {
                Line::Solid => "\u{2014}\u{2014}\u{2014}\u{2192}",
                Line::Dashed => "\u{2013} \u{2013} \u{2192}",
                Line::Dotted => "\u{b7} \u{b7} \u{b7} \u{2192}",
            };
            let (open, close) = if style.bold {
                ("<b>", "</b>")
            } else {
                ("", "")
            };
            write!(
                w,
                "<tr><td align=\"left\"><font color=\"{}\">{open}{sample}{close}</font></td><td align=\"left\">{}</td></tr>",
                style.colour,
                Html(relation.phrase()),
            )?;
        }
        writeln!(w, "</table>>];")?;
        if let Some(kind) = &first_kind {
            // Puts the table beside the kinds rather than under them.
            writeln!(w, "    {} -> {} [style=invis];", Id(kind), Id(&table))?;
        }
    }
    writeln!(w, "  }}")
}

/// Which selected node each node is drawn inside: a forest built from the
/// selected `part_of` links, first link wins, cycles broken.
#[derive(Debug, Default)]
struct Containment {
    parent: Vec<Option<NodeIndex>>,
    children: Vec<Vec<NodeIndex>>,
}

impl Containment {
    fn of(selection: &Selection<'_>) -> Self {
        let n = selection.graph().node_count();
        let mut tree = Containment {
            parent: vec![None; n],
            children: vec![Vec::new(); n],
        };
        for l in selection.links() {
            if l.relation != Relation::PartOf
                || l.source == l.target
                || tree.parent(l.source).is_some()
                || tree.is_within(l.target, l.source)
            {
                continue;
            }
            tree.parent[l.source.index()] = Some(l.target);
            tree.children[l.target.index()].push(l.source);
        }
        for list in &mut tree.children {
            list.sort();
        }
        tree
    }

    fn parent(&self, index: NodeIndex) -> Option<NodeIndex> {
        self.parent.get(index.index()).copied().flatten()
    }

    fn children(&self, index: NodeIndex) -> &[NodeIndex] {
        self.children.get(index.index()).map_or(&[], Vec::as_slice)
    }

    fn has_children(&self, index: NodeIndex) -> bool {
        !self.children(index).is_empty()
    }

    /// Whether `node` is `ancestor` or drawn somewhere inside it.
    fn is_within(&self, mut node: NodeIndex, ancestor: NodeIndex) -> bool {
        loop {
            if node == ancestor {
                return true;
            }
            match self.parent(node) {
                Some(p) => node = p,
                None => return false,
            }
        }
    }
}

/// Characters Graphviz cannot carry through to its output: control
/// characters (NUL ends its strings; the others it drops) and the two
/// non-characters XML forbids.
fn unprintable(c: char) -> bool {
    c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// Put before an id that starts with `%` (which Graphviz reads as one of
/// its internal object numbers) or with this character itself, so that
/// distinct ids stay distinct: U+200B ZERO WIDTH SPACE, which Graphviz
/// keeps in names and which shows as nothing.
pub(crate) const ID_GUARD: char = '\u{200B}';

/// A DOT identifier, always quoted.
///
/// An id starting with `%` or [`ID_GUARD`] gets [`ID_GUARD`] in front, so
/// Graphviz shows the real name (see the module notes).
///
/// `&` is written `&amp;`: Graphviz copies an id into its SVG (`<title>`)
/// leaving anything that looks like an entity (`&x;`, even `&;`) as it is,
/// which would make the SVG malformed. Ids are never decoded, so this keeps
/// distinct ids distinct, and the SVG shows the id as written.
struct Id<'a>(&'a str);

impl fmt::Display for Id<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        if self.0.starts_with(['%', ID_GUARD]) {
            f.write_char(ID_GUARD)?;
        }
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '&' => f.write_str("&amp;")?,
                c if unprintable(c) => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// Text inside an HTML-like label: XML escapes, unprintable characters
/// U+FFFD.
struct Html<'a>(&'a str);

impl fmt::Display for Html<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                c if unprintable(c) => f.write_char('\u{FFFD}')?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// Text for an escString attribute, quoted: line breaks become `\n`,
/// unprintable characters U+FFFD.
struct Text<'a>(&'a str);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        escape_text(f, self.0)?;
        f.write_char('"')
    }
}

/// Lines for an escString attribute, quoted and joined with `\n`.
struct Lines<'a>(&'a [String]);

impl fmt::Display for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for (i, line) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\\n")?;
            }
            escape_text(f, line)?;
        }
        f.write_char('"')
    }
}

fn escape_text(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '&' => f.write_str("&amp;")?,
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => f.write_str("\\n")?,
            '\t' => f.write_char(' ')?,
            c if unprintable(c) => f.write_char('\u{FFFD}')?,
            c => f.write_char(c)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_escape_quotes_backslashes_and_controls() {
        assert_eq!(Id("a\"b\\").to_string(), r#""a\"b\\""#);
        assert_eq!(Id("x\0y\n").to_string(), r#""x\u{0}y\u{a}""#);
        // Distinct ids stay distinct once Graphviz has read them.
        assert_ne!(Id("\\u{0}").to_string(), Id("\0").to_string());
        assert_eq!(Id("Київ 🙂").to_string(), "\"Київ 🙂\"");
        assert_eq!(Id("&;").to_string(), "\"&amp;;\"");
        assert_ne!(Id("&").to_string(), Id("&amp;").to_string());
        // Graphviz-internal names are guarded, injectively.
        assert_eq!(Id("%3").to_string(), "\"\u{200B}%3\"");
        assert_eq!(Id("a%3").to_string(), "\"a%3\"");
        assert_ne!(Id("\u{200B}%3").to_string(), Id("%3").to_string());
    }

    #[test]
    fn text_escapes_for_escstring() {
        assert_eq!(Text("a\\N & \"b\"").to_string(), r#""a\\N &amp; \"b\"""#);
        assert_eq!(Text("1\r\n2\r3\n4").to_string(), r#""1\n2\n3\n4""#);
        assert_eq!(Text("\u{1}\u{FFFF}\t").to_string(), "\"\u{FFFD}\u{FFFD} \"");
        assert_eq!(
            Lines(&["a".into(), "b\\".into()]).to_string(),
            r#""a\nb\\""#
        );
    }
}
