"""Django admin stays for the system administrator and reads Vietnamese throughout: every
page of every registered model (index, list, add, change) is scanned for English words."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse

from daihoi.accounts.tasks import send_password_reset_email
from daihoi.testing.factories import build_world

# Words of Django's and third-party admin chrome, field names and model names that would show
# if a label was left in English. Matched as whole words, case-sensitively for the capitalised
# ones (Vietnamese never uses them) and as lower-case words of field labels.
ENGLISH = re.compile(
    r"\b(Add|Change|Delete|Save|History|Filter|Search|Name|Status|Date|Time|Select|Action|"
    r"Users?|Groups?|Password|Username|Yes|No|All|Today|View|Home|Log out|Tasks?|Results?|"
    r"Backend|Database|Permissions?|Staff|Active|Superuser|Email|Important|Personal|"
    r"created|updated|deleted|priority|queue|enqueued|started|finished|traceback|version|"
    r"by|at|name|path|kwargs|args|worker|run after|return value|exception|search text)\b"
)
# Proper names and codes that are not English prose.
ALLOWED = {"ID", "IP", "HTTP", "Accept", "URL", "JSON", "UUID", "ICS", "PDF", "DOCX", "XLSX"}


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Text(HTMLParser):
    """The words of the interface a reader sees: no scripts or styles, and no stored data (a
    list's cells `.field-*`, a read-only value `.readonly`), which is whatever people wrote;
    titles, placeholders and button labels count."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._open: list[str] = []
        self._skip_below: int | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "input" and values.get("type") == "submit":
            self.parts.append(values.get("value") or "")
        for name in ("title", "placeholder", "aria-label"):
            if values.get(name) and self._skip_below is None:
                self.parts.append(values[name] or "")
        if tag in VOID:
            return
        self._open.append(tag)
        data_cell = "readonly" in classes or any(c.startswith("field-") for c in classes)
        if self._skip_below is None and (tag in ("script", "style") or data_cell):
            self._skip_below = len(self._open)

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self._open:
            return
        while self._open and self._open.pop() != tag:
            pass
        if self._skip_below is not None and len(self._open) < self._skip_below:
            self._skip_below = None

    def handle_data(self, data):
        if self._skip_below is None:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_in(text: str) -> list[str]:
    return sorted({m.group(0) for m in ENGLISH.finditer(text)} - ALLOWED)


def admin_pages() -> list[str]:
    pages = [reverse("admin:index")]
    for model in admin.site._registry:
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        pages.append(reverse("admin:app_list", args=[opts.app_label]))
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
            pages.append(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
            )
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    return sorted(set(pages))


@pytest.mark.django_db
def test_every_admin_page_reads_vietnamese(client):
    world = build_world()
    # A queued job, so that the job queue's pages show a row of each kind of field.
    send_password_reset_email.enqueue(world.users["member"].pk)
    client.force_login(world.admin)
    found = {}
    for url in admin_pages():
        response = client.get(url)
        if response.status_code != 200:
            continue  # an add page the model refuses (read-only admins)
        words = english_in(visible_text(response.content.decode()))
        if words:
            found[url] = words
    assert found == {}
