"""The links of the delegate's own area ("Trang của đại biểu"): each app that gives delegates a
page (documents, registering to speak, voting…) adds its link here from its AppConfig.ready, and
the area's home page and header list them in order. A link's URL takes the congress's id only.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DelegateLink:
    url_name: str  # e.g. "speeches:delegate-list"; reversed with the congress's id
    label: str  # what the delegate reads: "Đăng ký phát biểu"
    description: str = ""
    order: int = 50


_LINKS: dict[str, DelegateLink] = {}


def register_delegate_link(link: DelegateLink) -> None:
    """Adds (or replaces, by URL name) a link of the delegate's area."""
    _LINKS[link.url_name] = link


def unregister_delegate_link(url_name: str) -> None:
    _LINKS.pop(url_name, None)


def delegate_links() -> list[DelegateLink]:
    return sorted(_LINKS.values(), key=lambda link: (link.order, link.label))
