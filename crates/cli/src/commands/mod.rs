//! One module per subcommand, each with a single `run`.

pub mod centrality;
pub mod export;
pub mod led_by;
mod leadership;
pub mod path;
pub mod search;
pub mod show;
pub mod stats;
pub mod timeline;
pub mod validate;
pub mod who_leads;
