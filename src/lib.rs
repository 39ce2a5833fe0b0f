//! h100e: H100-equivalence and US export-control answers for AI accelerators.
//!
//! The crate is a pure function of its inputs and its checked data: no I/O, no clock, no browser.
//! A typed query goes in ([`query::Request`] → [`query::Query`]), a typed verdict with a cited
//! explanation comes out ([`eval::Verdict`]); [`wire`] turns it into the JSON that the CLI prints
//! and the page shows.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![warn(missing_docs)]

pub mod atlas;
pub mod chip;
pub mod claims;
pub mod compare;
pub mod contested;
pub mod convert;
pub mod country;
pub mod data;
pub mod date;
pub mod decimal;
pub mod error;
pub mod eval;
pub mod explain;
pub mod facts;
mod fold;
pub mod model;
pub mod place;
pub mod query;
pub mod reason;
pub mod regime;
pub mod rules;
pub mod scenario;
mod text;
pub mod timeline;
pub mod verdict;
pub mod vocab;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod wire;

pub use error::Error;
