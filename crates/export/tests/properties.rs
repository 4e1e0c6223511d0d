//! Property tests on random valid graphs whose names, aliases, descriptions,
//! ids, roles, citations and attributes are arbitrary strings:
//!
//! - JSON export then core import gives the same graph back;
//! - GraphML is well-formed XML (parsed back with `roxmltree`) and carries
//!   the text unchanged where XML can;
//! - Mermaid keeps to the flowchart grammar the writer promises;
//! - DOT lexes the way Graphviz's lexer reads it, and a sample of cases
//!   renders with `dot` without a warning (when Graphviz is installed; under
//!   `CI=true` it must be).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashSet;

use common::graphs::{export_options, graph};
use partnership_core::json::LinksKey;
use partnership_core::{Graph, Kind, Node};
use partnership_export::{ExportOptions, Format, Selection, SelectionOptions};
use proptest::prelude::*;

fn render(g: &Graph, format: Format, options: &ExportOptions) -> String {
    common::render(&Selection::all(g), format, options)
}

proptest! {
    #[test]
    fn json_export_then_import_is_the_identity(g in graph(), links in any::<bool>(), pretty in any::<bool>()) {
        let options = ExportOptions {
            links_key: if links { LinksKey::Links } else { LinksKey::Edges },
            pretty,
            ..ExportOptions::default()
        };
        let text = render(&g, Format::Json, &options);
        let back = Graph::from_json_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(&back, &g);
        // And once more: export of the import is byte-identical.
        prop_assert_eq!(render(&back, Format::Json, &options), text);
    }

    #[test]
    fn json_of_a_selection_loads_as_exactly_that_selection(g in graph(), depth in 0usize..3) {
        let Some((_, first)) = g.nodes().next() else { return Ok(()) };
        let selection = Selection::new(&g, &SelectionOptions::new().around([first.id.clone()], depth));
        // An id that is also another node's name may resolve elsewhere or be
        // ambiguous; either way it is a typed error or a selection, no panic.
        let Ok(selection) = selection else { return Ok(()) };
        let text = common::render(&selection, Format::Json, &ExportOptions::default());
        let back = Graph::from_json_str(&text).unwrap();
        let want: Vec<&Node> = selection.nodes().map(|(_, n)| n).collect();
        let got: Vec<&Node> = back.nodes().map(|(_, n)| n).collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(back.link_count(), selection.link_count());
    }

    #[test]
    fn graphml_is_well_formed_and_keeps_the_text(g in graph()) {
        let text = render(&g, Format::GraphMl, &ExportOptions::default());
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let keys: HashSet<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("key"))
            .map(|n| n.attribute("id").unwrap())
            .collect();
        let nodes: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("node")).collect();
        prop_assert_eq!(nodes.len(), g.node_count());
        let ids: HashSet<&str> = nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
        prop_assert_eq!(ids.len(), nodes.len(), "node ids are not unique");
        let edges: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("edge")).collect();
        prop_assert_eq!(edges.len(), g.link_count());
        for e in &edges {
            prop_assert!(ids.contains(e.attribute("source").unwrap()));
            prop_assert!(ids.contains(e.attribute("target").unwrap()));
        }
        for d in doc.descendants().filter(|n| n.has_tag_name("data")) {
            prop_assert!(keys.contains(d.attribute("key").unwrap()), "undeclared key");
        }
        for (xml, (_, node)) in nodes.iter().zip(g.nodes()) {
            let name = xml
                .children()
                .find(|c| c.attribute("key") == Some("n_name"))
                .and_then(|c| c.text())
                .unwrap_or("");
            if node.name.chars().all(xml_char) {
                prop_assert_eq!(name, node.name.as_str());
            }
        }
        // Ids XML can carry are kept exactly.
        if g.nodes().all(|(_, n)| n.id.chars().all(xml_char)) {
            for (xml, (_, node)) in nodes.iter().zip(g.nodes()) {
                prop_assert_eq!(xml.attribute("id").unwrap(), node.id.as_str());
            }
        }
    }

    #[test]
    fn mermaid_keeps_to_its_grammar(g in graph(), options in export_options()) {
        let text = render(&g, Format::Mermaid, &options);
        if let Err(e) = check_mermaid(&text, g.node_count(), g.link_count()) {
            panic!("{e}\n{text}");
        }
    }

    #[test]
    fn dot_lexes_as_graphviz_reads_it(g in graph(), options in export_options()) {
        let text = render(&g, Format::Dot, &options);
        if let Err(e) = check_dot_lexing(&text) {
            panic!("{e}\n{text}");
        }
    }

    #[test]
    fn every_format_is_deterministic(g in graph(), options in export_options()) {
        for format in Format::ALL {
            prop_assert_eq!(render(&g, format, &options), render(&g, format, &options));
        }
    }
}

proptest! {
    // Each case runs Graphviz, so fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn dot_renders_with_graphviz(g in graph(), options in export_options()) {
        let Some(dot) = common::graphviz() else { return Ok(()) };
        let text = render(&g, Format::Dot, &options);
        let svg = common::dot_to_svg(&dot, &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        common::parse_svg(&svg).unwrap_or_else(|e| panic!("malformed SVG: {e}\n{text}"));
    }
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Tokenises DOT the way Graphviz's lexer (`scan.l`) does and checks that
/// every quoted string closes, holds no control character, and that braces
/// and brackets balance.
fn check_dot_lexing(text: &str) -> Result<(), String> {
    let mut chars = text.chars().peekable();
    let mut stack = Vec::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => loop {
                match chars.next() {
                    None => return Err("unterminated string".into()),
                    Some('"') => break,
                    Some('\\') => {
                        if matches!(chars.peek(), Some('"' | '\\')) {
                            chars.next();
                        }
                    }
                    Some(c) if c.is_control() => {
                        return Err(format!("control character {c:?} inside a string"));
                    }
                    Some(_) => {}
                }
            },
            '<' => {
                // An HTML-like label: balanced angle brackets.
                let mut depth = 1;
                while depth > 0 {
                    match chars.next() {
                        None => return Err("unterminated HTML label".into()),
                        Some('<') => depth += 1,
                        Some('>') => depth -= 1,
                        Some(c) if c.is_control() => {
                            return Err(format!("control character {c:?} in HTML label"));
                        }
                        Some(_) => {}
                    }
                }
            }
            '{' | '[' => stack.push(c),
            '}' => {
                if stack.pop() != Some('{') {
                    return Err("unbalanced }".into());
                }
            }
            ']' => {
                if stack.pop() != Some('[') {
                    return Err("unbalanced ]".into());
                }
            }
            '\n' | ' ' => {}
            c if c.is_ascii_alphanumeric() || "=;,-.>_#".contains(c) => {}
            c => return Err(format!("unexpected {c:?} outside a string")),
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err("unclosed brace".into())
    }
}

const SHAPES: &[(&str, &str)] = &[
    ("[", "]"),
    ("[[", "]]"),
    ("[/", "\\]"),
    ("([", "])"),
    (">", "]"),
    ("(", ")"),
    ("[(", ")]"),
    ("[/", "/]"),
    ("{{", "}}"),
];

/// Checks the Mermaid the writer promises: declared, unique, plain ids;
/// labels in double quotes with nothing inside that Mermaid would read as
/// syntax, markup or an entity other than the writer's own escapes.
fn check_mermaid(text: &str, nodes: usize, links: usize) -> Result<(), String> {
    let mut lines = text.lines();
    match lines.next() {
        Some("flowchart LR" | "flowchart TB") => {}
        other => return Err(format!("bad first line {other:?}")),
    }
    let mut ids = HashSet::new();
    let mut edges = 0;
    for line in lines {
        let line = line
            .strip_prefix("  ")
            .ok_or_else(|| format!("unindented line {line:?}"))?;
        if line.starts_with("%% ") {
            continue; // a comment
        } else if let Some(rest) = line.strip_prefix("classDef ") {
            let (kind, style) = rest.split_once(' ').ok_or("bad classDef")?;
            let kind = kind
                .strip_prefix("kind_")
                .ok_or("class without kind_ prefix")?;
            kind.parse::<Kind>().map_err(|e| e.to_string())?;
            if !style.starts_with("fill:#") || style.contains(';') {
                return Err(format!("bad classDef style {style:?}"));
            }
        } else if let Some(rest) = line.strip_prefix("class ") {
            let (members, kind) = rest.split_once(' ').ok_or("bad class")?;
            let kind = kind
                .strip_prefix("kind_")
                .ok_or("class without kind_ prefix")?;
            kind.parse::<Kind>().map_err(|e| e.to_string())?;
            for m in members.split(',') {
                if !ids.contains(m) {
                    return Err(format!("class names undeclared {m:?}"));
                }
            }
        } else if let Some(rest) = line.strip_prefix("linkStyle ") {
            let (indices, _) = rest.split_once(' ').ok_or("bad linkStyle")?;
            for i in indices.split(',') {
                let i: usize = i.parse().map_err(|_| format!("bad index {i:?}"))?;
                if i >= edges {
                    return Err(format!("linkStyle {i} past the last link"));
                }
            }
        } else {
            let end = line
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .ok_or_else(|| format!("bare id {line:?}"))?;
            let (id, rest) = line.split_at(end);
            if !id.starts_with("n_") {
                return Err(format!("id {id:?} lacks the n_ prefix"));
            }
            if let Some(rest) = rest.strip_prefix(' ') {
                // An edge: `a ARROW|"label"| b`.
                if !ids.contains(id) {
                    return Err(format!("edge from undeclared {id:?}"));
                }
                let (arrow, rest) = rest.split_once('|').ok_or("edge without label")?;
                if !["-->", "==>", "-.->"].contains(&arrow) {
                    return Err(format!("bad arrow {arrow:?}"));
                }
                let (label, target) = rest.rsplit_once("| ").ok_or("bad edge label")?;
                check_label(label)?;
                if !ids.contains(target) {
                    return Err(format!("edge to undeclared {target:?}"));
                }
                edges += 1;
            } else {
                let open = rest.find('"').ok_or("node without label")?;
                let close = rest.rfind('"').ok_or("node without label")?;
                let shape = (&rest[..open], &rest[close + 1..]);
                if !SHAPES.contains(&shape) {
                    return Err(format!("bad shape {shape:?}"));
                }
                check_label(&rest[open..=close])?;
                if !ids.insert(id) {
                    return Err(format!("duplicate id {id:?}"));
                }
            }
        }
    }
    if ids.len() != nodes || edges != links {
        return Err(format!("{} nodes and {edges} links written", ids.len()));
    }
    Ok(())
}

fn check_label(label: &str) -> Result<(), String> {
    let inner = label
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .ok_or_else(|| format!("label not quoted: {label:?}"))?;
    let inner = inner.replace("<br/>", "");
    if inner.contains(['"', '<', '>', '`', '|', '%', ':', '\\']) {
        return Err(format!("raw syntax character in label {label:?}"));
    }
    if inner.contains(|c: char| c.is_control()) {
        return Err(format!("control character in label {label:?}"));
    }
    // Every `#` starts one of the writer's escapes, `#quot;` or
    // `#<digits>;`, and every `;` ends one.
    let mut rest = inner.as_str();
    loop {
        let Some(i) = rest.find('#') else {
            if rest.contains(';') {
                return Err(format!("raw ; in label {label:?}"));
            }
            break;
        };
        if rest[..i].contains(';') {
            return Err(format!("raw ; in label {label:?}"));
        }
        rest = &rest[i + 1..];
        let end = rest
            .find(';')
            .ok_or_else(|| format!("unterminated escape in {label:?}"))?;
        let code = &rest[..end];
        if !(code == "quot" || (!code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()))) {
            return Err(format!("bad escape #{code}; in {label:?}"));
        }
        rest = &rest[end + 1..];
    }
    Ok(())
}
