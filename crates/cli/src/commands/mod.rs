//! One module per subcommand, each with a single `run`.

pub(crate) mod centrality;
pub(crate) mod changes;
pub(crate) mod completions;
pub(crate) mod export;
mod leadership;
pub(crate) mod led_by;
pub(crate) mod links;
pub(crate) mod list;
pub(crate) mod path;
pub(crate) mod search;
pub(crate) mod show;
pub(crate) mod stats;
pub(crate) mod timeline;
pub(crate) mod validate;
pub(crate) mod who_leads;
