"""The Content-Security-Policy holds in a real browser: scripts from our files only, and the
pages that ask before deleting or reload a fragment still work under it."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Task

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_delete_asks_first_through_the_page_script_not_an_inline_handler(
    page, live_server, world, secretariat_access
):
    task = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Treo băng rôn chào mừng",
            lead_agency=world.agencies["btg"],
            area=Area.CEREMONY,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 10, 1),
        ),
    )
    user = world.users["secretariat"]
    user.set_password("MatKhau!2020")
    user.save()
    login(page, live_server, user.username, "MatKhau!2020")
    response = page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    questions: list[str] = []

    def answer(dialog, accept: bool) -> None:
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    page.click("form[data-confirm] button")
    page.wait_for_timeout(300)
    assert questions == ["Chuyển nhiệm vụ này vào thùng rác?"]
    assert Task.objects.filter(pk=task.pk).exists()
    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    page.click("form[data-confirm] button")
    page.wait_for_load_state("networkidle")
    assert not Task.objects.filter(pk=task.pk).exists()


def test_every_post_form_gets_a_one_time_token_and_the_admin_runs_under_the_policy(
    page, live_server, world
):
    admin = get_user_model().objects.get(username="quantri")
    admin.set_password("MatKhau!2020")
    admin.save()
    login(page, live_server, "quantri", "MatKhau!2020")
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/nhiem-vu/them/")
    token = page.input_value("form[method=post] input[name=_once]")
    assert len(token) == 32
    page.goto(f"{live_server.url}/admin/planning/task/add/")
    page.wait_for_load_state("networkidle")
    assert page.locator("form").count() >= 1
