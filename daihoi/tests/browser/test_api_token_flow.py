"""A user makes an API token in the app, on a phone, copies it once, and a system reads the
tasks with it; the interactive documentation works under the strict CSP from our own files."""

import pytest
from django.test import Client

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_officer_makes_a_token_on_a_phone_and_it_reads_only_their_tasks(
    phone_page, live_server, world
):
    page = phone_page
    user = world.users["officer"]
    user.set_password("MatKhau!2020")
    user.save()
    login(page, live_server, user.username, "MatKhau!2020")
    page.click("text=Khóa API")
    page.fill("input[name=name]", "Hệ thống văn bản của Ban")
    page.check("input[name=scope][value=read]")
    page.click("button:has-text('Tạo khóa')")
    page.wait_for_load_state("networkidle")
    raw = page.input_value("#new-token")
    assert raw.startswith("dh_")
    # The page fits a phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.reload()
    assert page.locator("#new-token").count() == 0

    api = Client()
    response = api.get(
        f"/api/v1/congresses/{world.congress.pk}/", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 200
    assert response.json()["agency_id"] == world.agencies["btg"].pk

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("form[data-confirm] button")
    page.wait_for_load_state("networkidle")
    assert "Đã thu hồi" in page.content()
    refused = api.get("/api/v1/congresses/", headers={"Authorization": f"Bearer {raw}"})
    assert refused.status_code == 401


def test_the_interactive_documentation_draws_every_operation_from_our_files(page, live_server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/api/v1/docs/")
    # The first schema of the process is built then (some 470 operations: seconds on a busy
    # machine), and the page draws every operation.
    page.wait_for_selector(".opblock", timeout=90_000)
    assert page.locator(".opblock").count() >= 30
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in requested)
