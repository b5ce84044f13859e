//! Command line and runtime options.
