"""Thin views: parse, fetch-and-authorise, call a service or selector, render.

By subdomain, one module each (`committees`, ...); the URLconf reads them from here.
"""

from .committees import committee_detail, committee_list, home

__all__ = ["committee_detail", "committee_list", "home"]
