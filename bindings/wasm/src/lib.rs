//! Skeleton: the WebAssembly module is being built (issue 19).
