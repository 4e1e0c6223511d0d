//! Centrality measures, each following NetworkX's definition and
//! normalisation (stated on each function).

mod betweenness;
mod closeness;
mod degree;
mod eigenvector;
mod harmonic;
mod pagerank;

pub use betweenness::{
    BetweennessOptions, EdgeBetweennessOptions, betweenness_centrality, edge_betweenness_centrality,
};
pub use closeness::{ClosenessOptions, closeness_centrality};
pub use degree::{Degree, degree_centrality};
pub use eigenvector::{EigenvectorOptions, eigenvector_centrality};
pub use harmonic::{HarmonicOptions, harmonic_centrality};
pub use pagerank::{PageRankOptions, pagerank};
