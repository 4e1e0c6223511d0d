//! `partnership search TEXT`: entities whose names, aliases or descriptions
//! match, best first.

use std::io::Write;

use partnership_core::{Graph, Node, NodeIndex, normalize};
use serde::Serialize;

use crate::args::{OutputFormat, SearchArgs};
use crate::error::Error;
use crate::output::{self, EntityJson, Table};

/// How well an entity matches, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
enum Match {
    /// The text is the entity's id, name or an alias.
    Exact,
    /// A name or alias starts with the text.
    Prefix,
    /// A name or alias contains the text.
    Contains,
    /// Every word of the text is in the names and aliases.
    Words,
    /// Every word of the text is in the description.
    Description,
}

impl Match {
    fn label(self) -> &'static str {
        match self {
            Match::Exact => "exact",
            Match::Prefix => "prefix",
            Match::Contains => "name",
            Match::Words => "words",
            Match::Description => "description",
        }
    }
}

#[derive(Serialize)]
struct Hit<'g> {
    #[serde(flatten)]
    entity: EntityJson<'g>,
    #[serde(rename = "match")]
    how: Match,
}

/// Prints the matching entities, best match first, then by name and id.
///
/// # Errors
/// [`Error::NothingFound`] when nothing matches (after the empty JSON or
/// CSV answer); any error writing to `out`.
pub(crate) fn run(args: &SearchArgs, graph: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let text = args.text.join(" ");
    let hits = search(graph, &text);
    let mut table = Table::new(&["ID", "NAME", "KIND", "MATCH"]);
    for &(index, how) in &hits {
        let node = graph.node(index);
        table.row([
            node.id.as_str(),
            node.name.as_str(),
            node.kind.as_str(),
            how.label(),
        ]);
    }
    match args.output.format {
        OutputFormat::Json => {
            let hits: Vec<_> = hits
                .iter()
                .map(|&(index, how)| Hit {
                    entity: EntityJson::new(graph, index),
                    how,
                })
                .collect();
            output::json(out, &hits)?;
        }
        OutputFormat::Csv => table.write_csv(out)?,
        OutputFormat::Text if !table.is_empty() => table.write(out)?,
        OutputFormat::Text => {}
    }
    if hits.is_empty() {
        let mut message = format!("no entity matches {text:?}");
        if let Err(partnership_core::LookupError::NotFound { suggestions, .. }) =
            graph.resolve(&text)
            && !suggestions.is_empty()
        {
            let names: Vec<_> = suggestions.iter().map(ToString::to_string).collect();
            message.push_str(&format!("; did you mean {}?", names.join(" or ")));
        }
        return Err(Error::NothingFound(message));
    }
    Ok(())
}

/// The entities matching `text`, ranked.
fn search(graph: &Graph, text: &str) -> Vec<(NodeIndex, Match)> {
    let key = normalize(text);
    let words: Vec<String> = text
        .split_whitespace()
        .map(normalize)
        .filter(|w| !w.is_empty())
        .collect();
    if key.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(NodeIndex, Match)> = graph
        .nodes()
        .filter_map(|(index, node)| rank(node, &key, &words).map(|m| (index, m)))
        .collect();
    hits.sort_by(|(a, ma), (b, mb)| {
        let (a, b) = (graph.node(*a), graph.node(*b));
        ma.cmp(mb)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    hits
}

fn rank(node: &Node, key: &str, words: &[String]) -> Option<Match> {
    let names: Vec<String> = std::iter::once(&node.id)
        .chain(std::iter::once(&node.name))
        .chain(&node.aliases)
        .map(|n| normalize(n))
        .collect();
    if names.iter().any(|n| n == key) {
        return Some(Match::Exact);
    }
    if names.iter().any(|n| n.starts_with(key)) {
        return Some(Match::Prefix);
    }
    if names.iter().any(|n| n.contains(key)) {
        return Some(Match::Contains);
    }
    let all_in = |haystack: &[String]| {
        words
            .iter()
            .all(|w| haystack.iter().any(|h| h.contains(w.as_str())))
    };
    if all_in(&names) {
        return Some(Match::Words);
    }
    let description = node.description.as_deref().map(|d| [normalize(d)]);
    if description.is_some_and(|d| all_in(&d)) {
        return Some(Match::Description);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(graph: &Graph, text: &str) -> Vec<String> {
        search(graph, text)
            .into_iter()
            .map(|(i, _)| graph.node(i).id.clone())
            .collect()
    }

    fn sample() -> Graph {
        Graph::from_json_str(include_str!("../../../core/tests/fixtures/sample.json")).unwrap()
    }

    #[test]
    fn exact_alias_ranks_first() {
        let g = sample();
        let found = ids(&g, "nuc");
        assert_eq!(
            found.first().map(String::as_str),
            Some("nato-ukraine-commission")
        );
    }

    #[test]
    fn words_match_in_any_order() {
        let g = sample();
        let found = ids(&g, "fund trust cyber");
        assert_eq!(found, ["cyber-defence-trust-fund"]);
    }

    #[test]
    fn blank_text_matches_nothing() {
        assert!(ids(&sample(), " - ").is_empty());
    }
}
