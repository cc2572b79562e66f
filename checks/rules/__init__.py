"""Importing this package registers every built check with the catalogue (checks/catalog.py)."""

import checks.rules.browser_passwords  # noqa: F401
import checks.rules.credentials  # noqa: F401
import checks.rules.password_files  # noqa: F401
import checks.rules.password_manager  # noqa: F401
import checks.rules.social  # noqa: F401
