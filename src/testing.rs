//! Support for the fuzz targets, tests and benches, not part of the library's API (hidden
//! from its documentation): synthetic debates of any size (`generate`, also behind the hidden
//! `debate generate`) and the properties every input must keep (`invariants`). They stay in
//! the library because the fuzz crate, the integration tests and the benches can only share
//! code through it.

pub mod generate;
pub mod invariants;
