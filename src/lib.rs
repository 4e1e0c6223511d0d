//! The NATO-Ukraine relationship as a typed graph: one dependency for the
//! model ([`model`]), its analysis ([`analysis`]) and the formats and
//! pictures made from it ([`export`]).
//!
//! Each module is one of the workspace's crates, re-exported whole:
//! `partnership::model` is `partnership_core`, `partnership::analysis` is
//! `partnership_analysis` and `partnership::export` is
//! `partnership_export`. Use whichever paths you like; the items are the
//! same.
//!
//! ```
//! use partnership::analysis::{find_path, PathQuery};
//! use partnership::model::{dataset, words};
//!
//! let g = dataset();
//! let fund = g.resolve("C4 Trust Fund")?;
//! for link in g.leaders(fund).leads {
//!     println!("{}", words::link_sentence(g, link.index));
//! }
//! let path = find_path(g, "Canada", "Ukraine", &PathQuery::default())?;
//! println!("{}", words::explain(g, path.start(), path.walk()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

/// The typed model: kinds, relations, dates, loading, lookup, views and
/// how the model is said in words (the `partnership-core` crate).
#[doc(inline)]
pub use partnership_core as model;

/// Paths and centrality (the `partnership-analysis` crate).
#[doc(inline)]
pub use partnership_analysis as analysis;

/// Formats other tools read, and pictures (the `partnership-export` crate).
#[doc(inline)]
pub use partnership_export as export;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
