"""Per-OS and per-desktop probes. Each turns what the System returns into facts (checks/facts.py).
Parsing is a pure function of recorded output, tested on real samples in tests/fixtures/."""
