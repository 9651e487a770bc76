"""Throw-away servers from Debian's packages (Redis, PostgreSQL) on loopback, in temporary folders: what the tests,
the benchmarks and `make cluster` start when no real ones are given."""
