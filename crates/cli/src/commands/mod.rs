//! One module per subcommand, each with a single `run`.

pub(crate) mod centrality;
pub(crate) mod export;
mod leadership;
pub(crate) mod led_by;
pub(crate) mod path;
pub(crate) mod search;
pub(crate) mod show;
pub(crate) mod stats;
pub(crate) mod timeline;
pub(crate) mod validate;
pub(crate) mod who_leads;
