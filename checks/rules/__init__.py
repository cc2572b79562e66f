"""Importing this package registers every built check with the catalogue (checks/catalog.py)."""

import checks.rules.account_password  # noqa: F401
import checks.rules.autologin  # noqa: F401
import checks.rules.browser_passwords  # noqa: F401
import checks.rules.credentials  # noqa: F401
import checks.rules.disk_encryption  # noqa: F401
import checks.rules.password_files  # noqa: F401
import checks.rules.password_manager  # noqa: F401
import checks.rules.screen_lock  # noqa: F401
import checks.rules.social  # noqa: F401
