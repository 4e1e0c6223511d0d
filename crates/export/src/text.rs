//! Text helpers shared by the writers: label wrapping, descriptions of
//! nodes and links for tooltips, and unique identifiers.

use std::collections::HashSet;

use partnership_core::{EdgeIndex, Graph, Link, Node, words};

/// Splits `text` into lines of at most `width` characters, breaking at white
/// space; a word longer than `width` keeps a line to itself. Line breaks in
/// the text are kept. `width == 0` only splits at line breaks.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.replace("\r\n", "\n").split(['\n', '\r']) {
        if width == 0 {
            lines.push(paragraph.to_owned());
            continue;
        }
        let mut line = String::new();
        let mut len = 0;
        for word in paragraph.split_whitespace() {
            let n = word.chars().count();
            if len > 0 && len + 1 + n > width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.push_str(word);
            len += n;
        }
        lines.push(line);
    }
    lines
}

/// The lines a diagram shows for a node: its name, wrapped, and its first
/// alias in brackets when there is one.
pub(crate) fn node_label(node: &Node, width: usize) -> Vec<String> {
    let mut lines = wrap(&node.name, width);
    if let Some(alias) = node.aliases.first().filter(|a| **a != node.name) {
        lines.extend(wrap(&format!("({alias})"), width));
    }
    lines
}

/// The lines a diagram shows on a link: the relation in words, and the role
/// when there is one.
pub(crate) fn link_label(link: &Link, width: usize) -> Vec<String> {
    let mut lines = vec![link.relation.phrase().to_owned()];
    if let Some(role) = &link.role {
        lines.extend(wrap(&format!("({role})"), width));
    }
    lines
}

/// A node described for a tooltip: name and kind, aliases, dates,
/// description, one per line.
pub(crate) fn node_tooltip(node: &Node) -> String {
    let mut lines = vec![words::label(node)];
    if !node.aliases.is_empty() {
        lines.push(format!("also: {}", node.aliases.join(", ")));
    }
    lines.extend(words::node_span(node));
    lines.extend(node.description.clone());
    lines.join("\n")
}

/// A link described for a tooltip: the sentence it states with its role,
/// its dates, its description.
pub(crate) fn link_tooltip(graph: &Graph, link: EdgeIndex) -> String {
    let mut lines = vec![words::link_sentence(graph, link)];
    let l = graph.link(link);
    lines.extend(words::span(l.since, l.until));
    lines.extend(l.description.clone());
    lines.join("\n")
}

/// Hands out identifiers that are unique among themselves: the first request
/// for a base gets it as is, later ones get `base_2`, `base_3`, ...
#[derive(Debug, Default)]
pub(crate) struct UniqueIds {
    taken: HashSet<String>,
}

impl UniqueIds {
    /// Marks `id` as used without handing it out.
    pub(crate) fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_owned());
    }

    /// `base`, or `base` with the first free numeric suffix.
    pub(crate) fn fresh(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        let mut n = 2usize;
        loop {
            let candidate = format!("{base}_{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_white_space() {
        assert_eq!(
            wrap("Trust Fund on Cyber Defence", 12),
            ["Trust Fund", "on Cyber", "Defence"]
        );
        assert_eq!(
            wrap("Supercalifragilistic x", 5),
            ["Supercalifragilistic", "x"]
        );
        assert_eq!(wrap("a\nb c", 0), ["a", "b c"]);
        assert_eq!(wrap("a\r\nb", 4), ["a", "b"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn unique_ids_get_suffixes() {
        let mut ids = UniqueIds::default();
        ids.reserve("a_2");
        assert_eq!(ids.fresh("a"), "a");
        assert_eq!(ids.fresh("a"), "a_3");
        assert_eq!(ids.fresh("a"), "a_4");
    }
}
