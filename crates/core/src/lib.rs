//! The typed model of the NATO–Ukraine relationship.
//!
//! Nodes are actors, bodies, funds, agreements, operations and context items
//! ([`Kind`]); links are typed statements between them ([`Relation`]), each
//! with partial dates ([`PartialDate`]) and citations ([`Source`]). A
//! [`Graph`] holds them on a petgraph graph and checks every insertion
//! against the model; [`Graph::from_json_str`] reads node-link JSON and
//! reports every problem at once; [`Graph::resolve`] finds a node from a
//! name, alias or id; [`View`] narrows the graph by date, relation or kind
//! without copying it.
//!
//! ```
//! let g = partnership::model::dataset();
//! let fund = g.resolve("Trust Fund on Cyber Defence")?;
//! for link in g.leaders(fund).leads {
//!     println!("{} leads {}", g.node(link.source).name, g.node(fund).name);
//! }
//! # Ok::<(), partnership::model::LookupError>(())
//! ```

pub mod changes;
mod dataset;
pub mod date;
mod error;
pub mod filter;
mod graph;
pub mod json;
mod kind;
mod lookup;
mod query;
mod record;
mod relation;
mod source;
mod view;
pub mod words;

pub use changes::Changes;
pub use dataset::{DATASET_JSON, dataset, try_dataset};
pub use date::{Day, PartialDate, Precision};
pub use error::{
    Candidate, DateError, End, LoadError, Location, LookupError, ParseNameError, Problem,
    ProblemKind, Rejected,
};
pub use filter::{EntityOrder, EntityQuery, LinkQuery, Listed, When};
pub use graph::{Graph, LinkRef};
pub use kind::{Family, Kind};
pub use lookup::normalize;
pub use query::Leadership;
pub use record::{AttrValue, Attributes, Link, NewLink, Node, Sources};
pub use relation::{KindSet, Relation, Rule, Schema, containers};
pub use source::{Coverage, Document, GraphMeta, Source};
pub use view::{
    View, ViewEdgeReferences, ViewEdges, ViewNeighbors, ViewNodeIdentifiers, ViewNodeReferences,
};

pub use petgraph;
pub use petgraph::graph::{EdgeIndex, NodeIndex};
