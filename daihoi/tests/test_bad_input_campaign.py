"""A generated bad-input campaign: every form endpoint, for a role allowed to use it, is posted
bad text (controls, NUL, very long, odd Unicode), bad dates and bad numbers, and every file input
a malformed file (truncated Word file, ZIP bomb, renamed executable, empty, corrupt picture or
PDF). No answer is a 5xx, and a refused post (an error page or a form shown again with errors)
writes nothing. Run with `-s` to read the campaign's numbers."""

import io
import random
import re
import zipfile
from collections import Counter

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from daihoi.testing.factories import build_world
from daihoi.testing.files import docx_bytes
from daihoi.tests.test_permission_matrix import MATRIX, ROLES, _kwargs_for, build_objects

pytestmark = pytest.mark.django_db

_FIELD = re.compile(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"')
BAD_TEXT = [
    "\x00",
    "a\x00b",
    "Dòng\u000bhai\u0001",
    "\x7f\x85\x9f\ufffe\uffff",
    "x" * 20_000,
    "e\u0301\u0323" * 50,
    "\u202e\u200b\ufeff",
    '=HYPERLINK("http://evil.example")',
    "😀" * 300,
    "",
    " ",
]
_FILE_INPUT = re.compile(r'<input[^>]*\btype="file"[^>]*>')
_NAME = re.compile(r'\bname="([^"]+)"')


def _zip_bomb() -> bytes:
    """A Word-looking archive whose one part unpacks to 5 MB of zeros (ratio ~1000)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 5_000_000)
    return out.getvalue()


BAD_FILES = [
    ("cat-ngang.docx", docx_bytes("Báo cáo")[:300]),
    ("bom-nen.docx", _zip_bomb()),
    ("bom-nen.xlsx", _zip_bomb()),
    ("chuong-trinh.exe.pdf", b"MZ\x90\x00" + b"\x00" * 200),
    ("rong.pdf", b""),
    ("cut.pdf", b"%PDF-1.4\n1 0 obj <<"),
    ("anh-hong.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 50),
    ("anh-hong.png", b"\x89PNG\r\n\x1a\n" + b"\xff" * 40),
    ("dong-dieu-khien.txt", "Dòng\u000bhai\x00".encode()),
    ("khong-duoi", b"abc"),
]
BAD_DATES = ["01/01/0001", "31/12/9999", "31/02/2020", "00/00/0000", "2020-13-45", "D-99999", "D+"]
BAD_NUMBERS = ["-1", "1e309", "NaN", "99999999999999999999999", "1,5", "0x10", "-0", "١٢"]


def bad_value(rng: random.Random) -> str:
    pool = rng.choice([BAD_TEXT, BAD_DATES, BAD_NUMBERS])
    value = rng.choice(pool)
    if rng.random() < 0.2:
        value += "".join(chr(rng.randrange(0, 0x110000)) for _ in range(5)).replace("\ud800", "")
    return "".join(c for c in value if not 0xD800 <= ord(c) <= 0xDFFF)


def bad_file(rng: random.Random) -> SimpleUploadedFile:
    name, content = rng.choice(BAD_FILES)
    return SimpleUploadedFile(name, content)


def row_counts() -> dict[str, int]:
    # Not the users' data: sessions, login attempts, queued jobs, and the captcha challenge that
    # showing a form again draws afresh.
    return {
        m._meta.label: m._base_manager.count()
        for m in apps.get_models()
        if m._meta.app_label
        not in {"sessions", "axes", "django_tasks_database", "admin", "captcha"}
        and not m._meta.label.startswith(("audit.", "notifications."))
    }


def test_generated_bad_input_to_every_form_endpoint_answers_no_5xx_and_writes_nothing_partial(
    db, client
):
    world = build_world(with_delegate=True)  # the delegate's own forms are posted to as well
    objects = build_objects(world)
    rng = random.Random(10)
    client.raise_request_exception = False
    tried = server_errors = partial = uploads = 0
    per_app: Counter[str] = Counter()
    failures: list[tuple] = []
    for name in sorted(MATRIX):
        method, expected = MATRIX[name]
        role = next((r for r in ROLES if r != "anonymous" and expected[r] in (200, 302)), None)
        if role is None or name.startswith(("ops:", "accounts:")):
            continue
        client.logout()
        client.force_login(world.admin if role == "admin" else world.users[role])
        url = reverse(name, kwargs=_kwargs_for(name, objects))
        fields = ["title", "text", "date", "deadline"]
        files: list[str] = []
        if method == "get":
            page = client.get(url)
            if page.status_code != 200 or page.streaming or b"<form" not in page.content:
                continue
            html = page.content.decode()
            tags = _FILE_INPUT.findall(html)
            files = sorted({n for tag in tags for n in _NAME.findall(tag)[:1]})
            fields = sorted(set(_FIELD.findall(html)) - {"csrfmiddlewaretoken", *files})
        for _ in range(8):
            data: dict = {f: bad_value(rng) for f in fields}
            data |= {f: bad_file(rng) for f in files}
            before = row_counts()
            response = client.post(url, data)
            tried += 1
            uploads += len(files)
            per_app[name.split(":")[0]] += 1
            if response.status_code >= 500:
                server_errors += 1
                failures.append(
                    (name, role, response.status_code, {k: v[:40] for k, v in data.items()})
                )
            body = b"" if response.streaming else response.content
            refused = response.status_code >= 400 or b"errorlist" in body
            if refused and row_counts() != before:
                partial += 1
                failures.append((name, role, "partial write"))
    print(
        f"campaign: {tried} inputs ({uploads} malformed files) to {len(per_app)} apps, "
        f"{server_errors} 5xx, {partial} partial writes"
    )
    print("inputs per app: " + ", ".join(f"{app} {n}" for app, n in sorted(per_app.items())))
    assert tried > 100 and uploads > 50
    newer = {"delegates", "logistics", "propaganda", "portal", "programme", "speeches"}
    assert newer | {"consultation", "levels"} <= set(per_app), set(per_app)
    assert not failures, failures[:10]
