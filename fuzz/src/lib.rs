//! What the fuzz targets check, shared by all three: a loaded graph writes
//! JSON that loads back to the same graph, and every export format of a
//! valid graph parses.
//!
//! A failed check panics, which libFuzzer reports as a crash with the input
//! that caused it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership_core::Graph;
use partnership_core::json::LinksKey;
use partnership_export::{ExportOptions, Format, Layout, Selection};

/// Loads `text`; when it loads, checks the round trip. Error messages are
/// formatted too, so their `Display` code runs.
pub fn load_and_round_trip(text: &str) {
    match Graph::from_json_str(text) {
        Ok(graph) => round_trip(&graph),
        Err(e) => {
            let message = e.to_string();
            assert!(!message.is_empty());
        }
    }
}

/// As [`load_and_round_trip`] on raw bytes, through the loader's byte entry
/// point (which names the offset of the first byte that is not UTF-8).
pub fn load_bytes_and_round_trip(bytes: &[u8]) {
    match Graph::from_json_slice(bytes) {
        Ok(graph) => round_trip(&graph),
        Err(e) => {
            let message = e.to_string();
            assert!(!message.is_empty());
        }
    }
}

/// The graph's JSON loads back with the same nodes and links, and writing
/// it again gives the same text.
pub fn round_trip(graph: &Graph) {
    let text = graph
        .to_json_string()
        .unwrap_or_else(|e| panic!("the graph does not write: {e}"));
    let again = Graph::from_json_str(&text)
        .unwrap_or_else(|e| panic!("the written JSON does not load: {e}\n{text}"));
    assert_eq!(again.node_count(), graph.node_count(), "{text}");
    assert_eq!(again.link_count(), graph.link_count(), "{text}");
    assert_eq!(
        again.to_json_string().ok().as_ref(),
        Some(&text),
        "a second round trip differs"
    );
}

/// Export options from a few fuzz bytes and a title.
pub fn export_options(bits: u8, wrap: u8, title: Option<String>) -> ExportOptions {
    ExportOptions {
        layout: if bits & 1 == 0 {
            Layout::LeftToRight
        } else {
            Layout::TopToBottom
        },
        legend: bits & 2 != 0,
        clusters: bits & 4 != 0,
        title,
        wrap: usize::from(wrap % 64),
        links_key: if bits & 8 == 0 {
            LinksKey::Edges
        } else {
            LinksKey::Links
        },
        pretty: bits & 16 != 0,
    }
}

/// Writes the whole graph in every format and checks that each output
/// parses: the explorer page's embedded data with `serde_json`, JSON and then the loader (same node and link
/// counts), GraphML with `roxmltree` (one `<node>` per node, one `<edge>`
/// per link), DOT and Mermaid with the lexical checks below.
pub fn check_exports(graph: &Graph, options: &ExportOptions) {
    let selection = Selection::all(graph);
    for format in Format::ALL {
        let mut out = Vec::new();
        format
            .write(&mut out, &selection, options)
            .unwrap_or_else(|e| panic!("{format} export failed: {e}"));
        let text = String::from_utf8(out).unwrap_or_else(|e| panic!("{format} is not UTF-8: {e}"));
        match format {
            Format::Json => {
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|e| panic!("JSON export does not parse: {e}\n{text}"));
                let again = Graph::from_json_str(&text)
                    .unwrap_or_else(|e| panic!("JSON export does not load: {e}\n{text}"));
                assert_eq!(again.node_count(), graph.node_count());
                assert_eq!(again.link_count(), graph.link_count());
            }
            Format::GraphMl => {
                let doc = roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("GraphML does not parse: {e}\n{text}"));
                let count = |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
                assert_eq!(count("node"), graph.node_count(), "{text}");
                assert_eq!(count("edge"), graph.link_count(), "{text}");
            }
            Format::Gexf => {
                let doc = roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("GEXF does not parse: {e}\n{text}"));
                let count = |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
                assert_eq!(count("node"), graph.node_count(), "{text}");
                assert_eq!(count("edge"), graph.link_count(), "{text}");
            }
            Format::Ftm => {
                // One JSON object per line: an entity per node and per link.
                let mut entities = 0;
                for line in text.split('\n').filter(|l| !l.is_empty()) {
                    let value: serde_json::Value = serde_json::from_str(line)
                        .unwrap_or_else(|e| panic!("FtM line does not parse: {e}\n{line}"));
                    assert!(value.get("schema").is_some(), "{line}");
                    entities += 1;
                }
                assert_eq!(entities, graph.node_count() + graph.link_count(), "{text}");
            }
            Format::Dot => check_dot(&text),
            Format::Mermaid => check_mermaid(&text),
            Format::Html => check_html(&text),
        }
    }
}

/// DOT as Graphviz's lexer reads it: every quoted string ends (only `\"`
/// escapes a quote), HTML-like `<...>` strings nest and end, braces and
/// brackets balance outside strings, no control character but white space
/// appears, and no quoted name starts with `%` (a Graphviz-internal name).
pub fn check_dot(text: &str) {
    let mut chars = text.chars().peekable();
    let (mut braces, mut brackets) = (0i64, 0i64);
    // The last character outside strings that is not white space: a string
    // after `=` is an attribute value, anywhere else a name.
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        assert!(
            !c.is_control() || matches!(c, '\n' | '\t' | '\r'),
            "raw control {c:?} in DOT\n{text}"
        );
        match c {
            '"' => {
                if prev != '=' {
                    assert_ne!(
                        chars.peek(),
                        Some(&'%'),
                        "a quoted DOT name starts with %\n{text}"
                    );
                }
                loop {
                    match chars.next() {
                        Some('\\') => {
                            chars.next();
                        }
                        Some('"') => break,
                        Some(c) if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => {
                            panic!("raw control {c:?} in a DOT string\n{text}")
                        }
                        Some(_) => {}
                        None => panic!("unterminated DOT string\n{text}"),
                    }
                }
            }
            '<' => {
                let mut depth = 1;
                while depth > 0 {
                    match chars.next() {
                        Some('<') => depth += 1,
                        Some('>') => depth -= 1,
                        Some(_) => {}
                        None => panic!("unterminated HTML string\n{text}"),
                    }
                }
            }
            '{' => braces += 1,
            '}' => braces -= 1,
            '[' => brackets += 1,
            ']' => brackets -= 1,
            _ => {}
        }
        if !c.is_whitespace() {
            prev = c;
        }
        assert!(braces >= 0 && brackets >= 0, "unbalanced DOT\n{text}");
    }
    assert_eq!((braces, brackets), (0, 0), "unbalanced DOT\n{text}");
}

/// Mermaid as its flowchart grammar needs it: one statement per line, no
/// control characters, labels that open and close on their line, no `$`
/// (KaTeX), and no `<` but the `<br/>` line breaks.
pub fn check_mermaid(text: &str) {
    for line in text.lines() {
        assert!(
            !line.chars().any(char::is_control),
            "raw control in Mermaid: {line:?}"
        );
        if line.trim_start().starts_with("%%") {
            continue;
        }
        assert_eq!(
            line.matches('"').count() % 2,
            0,
            "unbalanced label: {line:?}"
        );
        assert!(!line.contains('$'), "a $ reaches Mermaid: {line:?}");
        assert!(
            !line.replace("<br/>", "").contains('<'),
            "markup in a label: {line:?}"
        );
    }
}

/// The explorer page: exactly the template's two scripts (no name can open
/// or close one), its embedded data parses as JSON, and the title holds no
/// markup.
pub fn check_html(text: &str) {
    let lower = text.to_ascii_lowercase();
    assert_eq!(
        lower.matches("<script").count(),
        2,
        "a script opens in the data"
    );
    assert_eq!(
        lower.matches("</script").count(),
        2,
        "a script closes in the data"
    );
    let marker = "id=\"explorer-data\">";
    let start = text.find(marker).expect("the data script") + marker.len();
    let end = start + text[start..].find("</script>").expect("the data ends");
    let data = &text[start..end];
    assert!(!data.contains("<!--"), "a comment opens in the data");
    serde_json::from_str::<serde_json::Value>(data)
        .unwrap_or_else(|e| panic!("the page's data does not parse: {e}\n{data}"));
    let title_start = text.find("<title>").expect("a title") + "<title>".len();
    let title_end = title_start
        + text[title_start..]
            .find("</title>")
            .expect("the title ends");
    assert!(
        !text[title_start..title_end].contains('<'),
        "markup in the title"
    );
}
