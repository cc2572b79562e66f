"""Helpers that read one kind of thing (browser profiles and history, saved logins, file names,
social-app names, powercfg output), shared by the probes of every OS. Pure functions or reads through the door."""
