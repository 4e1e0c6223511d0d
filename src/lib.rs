//! The NATO-Ukraine relationship as a typed graph: one dependency for the
//! model ([`core`]), its analysis ([`analysis`]) and its diagrams
//! ([`export`]).
//!
//! ```
//! use partnership::analysis::{shortest_path, Reading};
//!
//! let g = partnership::core::dataset();
//! let fund = g.resolve("C4 Trust Fund")?;
//! for link in g.leaders(fund).leads {
//!     println!("{} leads {}", g.node(link.source).name, g.node(fund).name);
//! }
//! let (canada, ukraine) = (g.resolve("Canada")?, g.resolve("Ukraine")?);
//! let path = shortest_path(g.petgraph(), canada, ukraine, Reading::Undirected)?;
//! assert!(path.len() >= 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use partnership_analysis as analysis;
pub use partnership_core as core;
pub use partnership_export as export;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
