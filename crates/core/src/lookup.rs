//! Finding a node from what a person types: an id, a name or an alias.

use std::collections::HashMap;

use petgraph::graph::NodeIndex;

use crate::error::{Candidate, LookupError};
use crate::{Graph, Node};

/// Folds text for lookup: lower case, letters and digits only.
///
/// ```
/// use partnership::model::normalize;
/// assert_eq!(normalize("NATO-Ukraine Commission (NUC)"), "natoukrainecommissionnuc");
/// ```
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Normalised id, name and aliases of every node.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    keys: HashMap<String, Vec<NodeIndex>>,
}

impl NameIndex {
    pub(crate) fn insert(&mut self, index: NodeIndex, node: &Node) {
        let names = std::iter::once(&node.id)
            .chain(std::iter::once(&node.name))
            .chain(&node.aliases);
        for name in names {
            let key = normalize(name);
            if key.is_empty() {
                continue;
            }
            let slot = self.keys.entry(key).or_default();
            if !slot.contains(&index) {
                slot.push(index);
            }
        }
    }
}

/// How many suggestions a [`LookupError::NotFound`] offers at most.
const MAX_SUGGESTIONS: usize = 5;

impl Graph {
    /// Finds the one node that `query` names: its id, its name or one of its
    /// aliases, ignoring case, spaces, punctuation and a leading article ("the
    /// Wales summit").
    ///
    /// ```
    /// let g = partnership::model::dataset();
    /// let a = g.resolve("nuc").unwrap();
    /// let b = g.resolve("NATO-Ukraine Commission").unwrap();
    /// assert_eq!(a, b);
    /// // A leading article is ignored when the name without it is known.
    /// assert_eq!(g.resolve("the Wales summit"), g.resolve("wales-summit-2014"));
    /// assert!(g.resolve("trust fund on cyber defense").is_err()); // did you mean…
    /// ```
    ///
    /// # Errors
    /// [`LookupError::Ambiguous`] with every candidate when several nodes
    /// share the name; [`LookupError::NotFound`] with the nearest names when
    /// none has it.
    pub fn resolve(&self, query: &str) -> Result<NodeIndex, LookupError> {
        if let Some(index) = self.index_of(query) {
            return Ok(index);
        }
        let mut key = normalize(query);
        if !self.names().keys.contains_key(&key)
            && let Some(rest) = without_article(query)
        {
            // "the Wales summit" names what "Wales summit" names.
            let shorter = normalize(rest);
            if self.names().keys.contains_key(&shorter) {
                key = shorter;
            }
        }
        match self.names().keys.get(&key).map(Vec::as_slice) {
            Some([one]) => Ok(*one),
            Some(many) if !many.is_empty() => {
                let mut candidates: Vec<_> = many.iter().map(|&i| self.candidate(i)).collect();
                candidates.sort_by(|a, b| a.id.cmp(&b.id));
                Err(LookupError::Ambiguous {
                    query: query.to_owned(),
                    candidates,
                })
            }
            _ => Err(LookupError::NotFound {
                query: query.to_owned(),
                suggestions: self.suggest(&key),
            }),
        }
    }

    fn candidate(&self, index: NodeIndex) -> Candidate {
        let node = self.node(index);
        Candidate {
            id: node.id.clone(),
            name: node.name.clone(),
        }
    }

    /// The nodes whose names are nearest to `key`: names containing it first,
    /// then by edit distance, ties by id.
    fn suggest(&self, key: &str) -> Vec<Candidate> {
        if key.is_empty() {
            return Vec::new();
        }
        let limit = (key.chars().count() / 3).max(2);
        let mut best: HashMap<NodeIndex, usize> = HashMap::new();
        for (name, nodes) in &self.names().keys {
            // A short acronym ("us", "mc") sits inside many longer words, so
            // only a name of four letters or more counts as contained.
            let score = if name.contains(key)
                || (key.len() >= 4 && name.len() >= 4 && key.contains(name.as_str()))
            {
                Some(0)
            } else {
                bounded_distance(key, name, limit)
            };
            if let Some(score) = score {
                for &n in nodes {
                    let entry = best.entry(n).or_insert(usize::MAX);
                    *entry = (*entry).min(score);
                }
            }
        }
        let mut ranked: Vec<_> = best
            .into_iter()
            .map(|(n, score)| (score, self.candidate(n)))
            .collect();
        ranked.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
        ranked
            .into_iter()
            .take(MAX_SUGGESTIONS)
            .map(|(_, c)| c)
            .collect()
    }
}

/// `text` without a leading English article ("the", "a", "an") and the
/// space after it, when it has one.
fn without_article(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let (first, rest) = text.split_once(char::is_whitespace)?;
    let article = ["the", "a", "an"]
        .iter()
        .any(|a| first.eq_ignore_ascii_case(a));
    let rest = rest.trim_start();
    (article && !rest.is_empty()).then_some(rest)
}

/// Levenshtein distance between `a` and `b` when it is at most `limit`.
/// Longest name, in characters, compared by edit distance. Names people
/// type are short; comparing long texts this way costs the product of
/// their lengths, so longer ones are matched by containment only.
const MAX_FUZZY_CHARS: usize = 64;

/// The Levenshtein distance between `a` and `b` (characters) when it is at
/// most `limit`. Strings whose lengths differ by more than `limit`, or
/// either longer than [`MAX_FUZZY_CHARS`], are not compared.
fn bounded_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > limit || la > MAX_FUZZY_CHARS || lb > MAX_FUZZY_CHARS {
        return None;
    }
    Some(strsim::levenshtein(a, b)).filter(|&d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_not_compared_by_edit_distance() {
        let long = "a".repeat(MAX_FUZZY_CHARS + 1);
        assert_eq!(bounded_distance(&long, &long, 100), None);
        assert_eq!(bounded_distance(&long[1..], &long[1..], 0), Some(0));
    }

    #[test]
    fn distance_matches_hand_counts() {
        assert_eq!(bounded_distance("kitten", "sitting", 5), Some(3));
        assert_eq!(bounded_distance("abc", "abc", 0), Some(0));
        assert_eq!(bounded_distance("abc", "xyz", 2), None);
        assert_eq!(bounded_distance("defense", "defence", 2), Some(1));
    }

    #[test]
    fn a_leading_article_comes_off() {
        assert_eq!(without_article("the Wales summit"), Some("Wales summit"));
        assert_eq!(without_article("  The  NUC"), Some("NUC"));
        assert_eq!(without_article("an agreement"), Some("agreement"));
        assert_eq!(without_article("theatre"), None);
        assert_eq!(without_article("the"), None);
        assert_eq!(without_article("Ukraine"), None);
    }

    #[test]
    fn normalize_drops_punctuation_and_case() {
        assert_eq!(normalize("C4 Trust-Fund"), "c4trustfund");
        assert_eq!(normalize("  "), "");
        assert_eq!(normalize("Київ"), "київ");
    }
}
