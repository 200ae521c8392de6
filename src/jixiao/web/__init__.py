"""The web app: a Chinese UI (Jinja2 + htmx) and a REST API under /api/v1 (FastAPI).

It calls :mod:`jixiao.services` and nothing deeper. See docs/web.md.
"""

from jixiao.web.app import app_from_environment, check_assets, create_app

__all__ = ["app_from_environment", "check_assets", "create_app"]
