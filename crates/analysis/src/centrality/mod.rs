//! Centrality measures, each following NetworkX's definition and
//! normalisation (stated on each function).

pub(crate) mod betweenness;
pub(crate) mod closeness;
mod degree;
mod eigenvector;
pub(crate) mod harmonic;
mod pagerank;

pub use betweenness::{
    BetweennessOptions, EdgeBetweennessOptions, betweenness_centrality, edge_betweenness_centrality,
};
pub use closeness::{ClosenessOptions, closeness_centrality};
pub use degree::{Degree, degree_centrality};
pub use eigenvector::{EigenvectorOptions, eigenvector_centrality};
pub use harmonic::{HarmonicOptions, harmonic_centrality};
pub use pagerank::{PageRankOptions, pagerank};

/// Rejects a convergence tolerance that is not a positive finite number.
fn check_tolerance(tol: f64) -> crate::Result<()> {
    if tol.is_finite() && tol > 0.0 {
        Ok(())
    } else {
        Err(crate::Error::InvalidOption {
            option: "tol",
            value: tol.to_string(),
            expected: "a positive tolerance",
        })
    }
}
