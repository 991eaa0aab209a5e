//! Skeleton: the Python module is being built (issue 19).
