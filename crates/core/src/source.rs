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
}

impl GraphMeta {
    /// The declared document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.sources.iter().find(|d| d.id == id)
    }
}
