//! Provenance: which document and section a fact comes from.

use serde::{Deserialize, Serialize};

/// A citation: the document a fact comes from and the section heading it
/// sits under, spelled as in the document.
///
/// It serialises as `{"document": ..., "section": ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Source {
    /// The document's id, declared in the file's `graph.sources`.
    pub document: String,
    /// The nearest heading above the fact.
    pub section: String,
}

/// A source document declared in the file's `graph.sources`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The id citations use.
    pub id: String,
    /// The document's title.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published or last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<crate::PartialDate>,
    /// Where it can be read, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its section headings. When present, every citation of the document
    /// must name one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
}

/// The period a graph's data covers: facts after `until` are not recorded.
///
/// ```
/// use partnership::model::{Coverage, PartialDate};
/// let c = Coverage { from: None, until: "2017-07-11".parse().unwrap(), basis: None };
/// assert!(c.is_past("2018".parse().unwrap()));
/// assert!(!c.is_past("2017".parse().unwrap())); // 2017 overlaps the coverage
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The earliest date the data speaks about, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<crate::PartialDate>,
    /// The last date the data is current for: usually the date of the
    /// newest source document.
    pub until: crate::PartialDate,
    /// Why the coverage ends there, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

impl Coverage {
    /// Whether all of `date` lies after the coverage: its first day is later
    /// than the last day of `until`. A date that overlaps the coverage (the
    /// year 2017 for coverage until 2017-07-11) is not past it.
    pub fn is_past(&self, date: crate::PartialDate) -> bool {
        date.start() > self.until.end()
    }
}

/// The file's `graph` object: a name and the documents cited.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphMeta {
    /// A human name for the graph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What the graph covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The source documents. When the list is non-empty, every citation must
    /// name one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Document>,
    /// The period the data covers, when declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
}

impl GraphMeta {
    /// The declared document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.sources.iter().find(|d| d.id == id)
    }
}
