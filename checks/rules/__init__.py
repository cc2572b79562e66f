"""Importing this package registers every built check with the catalogue (checks/catalog.py)."""

import checks.rules.account_password  # noqa: F401
import checks.rules.autologin  # noqa: F401
import checks.rules.disk_encryption  # noqa: F401
import checks.rules.screen_lock  # noqa: F401
