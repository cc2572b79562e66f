"""The one place the version lives: pyproject.toml, the CLI, reports and installers read it from here."""

__version__ = "0.1.0"
