//! Mermaid flowcharts, which GitHub and most Markdown viewers render.
//!
//! Node ids are the model's ids cut down to ASCII letters, digits and `_`
//! behind an `n_` prefix (so no id is a Mermaid keyword such as `end`, or
//! starts with the `o`/`x` that turn `-->` into another arrow), with a `_2`
//! style suffix where two would clash.
//!
//! Every label is double-quoted, and everything in it but letters, digits,
//! spaces and plain punctuation is written as a Mermaid entity code:
//! `#quot;` for `"`, `#35;` for `#`, `#60;` for `<` and so on. Mermaid turns
//! those back into the characters after parsing, so no text can end the
//! string, start markup or a comment, or be taken for an entity itself.
//! Line breaks are `<br/>`; control characters become U+FFFD. `$` is
//! `#36;` too: Mermaid 11 renders text between `$$` as KaTeX maths.
//!
//! Mermaid's defaults draw at most 500 links and 50,000 characters, and a
//! chart cannot raise them for itself: the whole dataset is past both, so
//! Mermaid suits selections. A chart with more links says so in a comment.

use std::fmt::{self, Write as _};
use std::io::{self, BufWriter, Write};

use partnership_core::Kind;

use crate::style::{Line, link_style, node_style};
use crate::text::{UniqueIds, link_label, node_label};
use crate::{ExportOptions, Selection};

/// The most links Mermaid draws with its default settings (`maxEdges`, which
/// a chart cannot raise for itself). A selection with more links makes a
/// chart that Mermaid refuses to render; narrow it first.
pub const MERMAID_MAX_EDGES: usize = 500;
const MAX_EDGES: usize = MERMAID_MAX_EDGES;

/// Writes `selection` as a Mermaid flowchart.
pub(crate) fn write<W: Write>(
    writer: W,
    selection: &Selection<'_>,
    options: &ExportOptions,
) -> io::Result<()> {
    let mut w = BufWriter::new(writer);
    let graph = selection.graph();
    writeln!(w, "flowchart {}", options.layout)?;
    let links = selection.link_count();
    if links > MAX_EDGES {
        // Mermaid refuses such a chart with a bare "Edge limit exceeded";
        // say why where the reader of the file will look.
        writeln!(
            w,
            "%% This chart has {links} links, more than the {MAX_EDGES} Mermaid draws unless its \
             maxEdges setting is raised: choose a smaller selection to show it with the defaults."
        )?;
    }

    let mut ids = UniqueIds::default();
    let mut mermaid_ids: Vec<Option<String>> = vec![None; graph.node_count()];
    let mut by_kind: Vec<(Kind, Vec<usize>)> = Vec::new();
    for (index, node) in selection.nodes() {
        let id = ids.fresh(&node_id(&node.id));
        let (open, close) = node_style(node.kind).mermaid;
        writeln!(
            w,
            "  {id}{open}{}{close}",
            Label(&node_label(node, options.wrap))
        )?;
        mermaid_ids[index.index()] = Some(id);
        match by_kind.iter_mut().find(|(k, _)| *k == node.kind) {
            Some((_, list)) => list.push(index.index()),
            None => by_kind.push((node.kind, vec![index.index()])),
        }
    }

    // Links drawn alike share one linkStyle line, in order of first use.
    let mut by_look: Vec<((&str, bool), Vec<usize>)> = Vec::new();
    let mut count = 0;
    for l in selection.links() {
        let (Some(source), Some(target)) = (
            mermaid_ids.get(l.source.index()).and_then(Option::as_ref),
            mermaid_ids.get(l.target.index()).and_then(Option::as_ref),
        ) else {
            continue; // a selection never shows a link without its ends
        };
        let style = link_style(l.relation);
        let arrow = match (style.line, style.bold) {
            (Line::Solid, false) => "-->",
            (Line::Solid, true) => "==>",
            (Line::Dashed | Line::Dotted, _) => "-.->",
        };
        writeln!(
            w,
            "  {source} {arrow}|{}| {target}",
            Label(&link_label(l.weight, options.wrap))
        )?;
        let look = (style.colour, style.bold);
        match by_look.iter_mut().find(|(k, _)| *k == look) {
            Some((_, list)) => list.push(count),
            None => by_look.push((look, vec![count])),
        }
        count += 1;
    }

    by_kind.sort_by_key(|(k, _)| *k);
    for (kind, members) in &by_kind {
        let style = node_style(*kind);
        writeln!(
            w,
            "  classDef kind_{kind} fill:{},stroke:#333333,color:#000000",
            style.fill
        )?;
        write!(w, "  class ")?;
        for (i, index) in members.iter().enumerate() {
            let id = mermaid_ids
                .get(*index)
                .and_then(Option::as_deref)
                .unwrap_or("");
            write!(w, "{}{id}", if i == 0 { "" } else { "," })?;
        }
        writeln!(w, " kind_{kind}")?;
    }
    for ((colour, bold), members) in &by_look {
        write!(w, "  linkStyle ")?;
        for (i, n) in members.iter().enumerate() {
            write!(w, "{}{n}", if i == 0 { "" } else { "," })?;
        }
        writeln!(
            w,
            " stroke:{colour},stroke-width:{}px",
            if *bold { 2 } else { 1 }
        )?;
    }
    w.flush()
}

/// A Mermaid node id for a model id: `n_` and the id's ASCII letters and
/// digits, anything else as `_`.
fn node_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 2);
    out.push_str("n_");
    out.extend(
        id.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }),
    );
    out
}

/// Lines as one double-quoted Mermaid label.
struct Label<'a>(&'a [String]);

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for (i, line) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("<br/>")?;
            }
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    c if c.is_alphanumeric() => f.write_char(c)?,
                    ' ' | '.' | ',' | '-' | '_' | '\'' | '(' | ')' | '/' | '!' | '?' | '+'
                    | '*' | '=' | '@' | '~' | '^' => f.write_char(c)?,
                    '"' => f.write_str("#quot;")?,
                    '\t' => f.write_char(' ')?,
                    '\r' if chars.peek() == Some(&'\n') => {}
                    '\r' | '\n' => f.write_str("<br/>")?,
                    c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                        f.write_char('\u{FFFD}')?
                    }
                    c => write!(f, "#{};", u32::from(c))?,
                }
            }
        }
        f.write_char('"')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_ascii() {
        assert_eq!(node_id("c4-trust-fund"), "n_c4_trust_fund");
        assert_eq!(node_id("end"), "n_end");
        assert_eq!(node_id("Київ"), "n_____");
    }

    #[test]
    fn labels_use_entity_codes() {
        let l = |s: &str| Label(&[s.to_owned()]).to_string();
        assert_eq!(l("say \"hi\""), "\"say #quot;hi#quot;\"");
        assert_eq!(l("#quot; <b>"), "\"#35;quot#59; #60;b#62;\"");
        assert_eq!(l("a\nb"), "\"a<br/>b\"");
        assert_eq!(l("Київ 🙂"), "\"Київ #128578;\"");
        assert_eq!(Label(&["a".into(), "b".into()]).to_string(), "\"a<br/>b\"");
    }

    /// Issue 11, #15: Mermaid 11 renders `$$…$$` as KaTeX maths.
    #[test]
    fn dollar_signs_never_reach_katex() {
        let l = |s: &str| Label(&[s.to_owned()]).to_string();
        assert_eq!(l("$$x^2$$ $5"), "\"#36;#36;x^2#36;#36; #36;5\"");
        assert!(!l("$$\\frac{a}{b}$$").contains('$'));
    }
}
