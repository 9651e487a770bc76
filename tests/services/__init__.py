"""Real servers from Debian's packages, started by the tests on loopback (free ports, temporary folders)."""
