"""What the built-book browser tests share."""

from __future__ import annotations

from typing import Any

SECTION_PAGE = "notebooks/01_why_every_voice_counts.html"


def assert_stays_home(tab: Any, site: str, only_our_errors: bool = False) -> None:
    """No request left the site, and no script (or, optionally, only ours) logged an error."""
    outside = [u for u in tab.requests if not u.startswith((site, "data:", "blob:"))]
    assert outside == [], f"requests to other hosts: {outside}"
    errors = [e for e in tab.errors if not only_our_errors or "valued-contributors" in e]
    assert errors == [], f"console errors: {errors}"
