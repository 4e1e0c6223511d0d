//! One module per subcommand, each with a single `run`.

pub mod centrality;
pub mod changes;
pub mod export;
mod leadership;
pub mod led_by;
pub mod path;
pub mod search;
pub mod show;
pub mod stats;
pub mod timeline;
pub mod validate;
pub mod who_leads;
