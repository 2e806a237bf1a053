"""The helpers every app's services and views share."""

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.db import transaction
from django.dispatch import Signal
from django.http import Http404
from django.test import RequestFactory

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.services import require, require_same_congress, send_on_commit
from daihoi.core.views import apply_error, content_file, forbidden, stored_file


def test_require_refuses_with_the_message():
    require(True)
    with pytest.raises(PermissionDenied, match="Không được"):
        require(False, "Không được")


@pytest.mark.django_db
def test_objects_of_another_congress_are_refused(world):
    require_same_congress(world.congress, world.agencies["stc"], None)
    foreign = world.other
    with pytest.raises(BusinessError, match="không thuộc Đại hội"):
        require_same_congress(foreign, world.agencies["stc"])


@pytest.mark.django_db(transaction=True)
def test_events_are_sent_after_commit_and_never_after_rollback():
    signal = Signal()
    received = []
    signal.connect(lambda sender, **kw: received.append(kw["n"]), weak=False)
    with pytest.raises(RuntimeError), transaction.atomic():
        send_on_commit(signal, object, n=1)
        raise RuntimeError
    with transaction.atomic():
        send_on_commit(signal, object, n=2)
        assert received == []
    assert received == [2]


class _Form(forms.Form):
    title = forms.CharField()


def test_a_refusal_lands_on_its_field_or_above_the_form():
    form = _Form({"title": "x"})
    assert form.is_valid()
    apply_error(form, BusinessError("Sai tiêu đề", field="title"))
    apply_error(form, BusinessError("Sai chung", field="not_a_field"))
    assert form.errors["title"] == ["Sai tiêu đề"]
    assert form.non_field_errors() == ["Sai chung"]


def test_forbidden_answers_403_with_the_reason():
    response = forbidden(RequestFactory().get("/"), "Không có quyền xem")
    assert response.status_code == 403
    assert "Không có quyền xem" in response.content.decode()


def test_a_missing_stored_file_answers_404(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(Http404):
        stored_file(None)


def test_content_file_is_an_attachment():
    response = content_file(b"abc", "text/plain", "a.txt")
    assert response["Content-Disposition"] == 'attachment; filename="a.txt"'
    assert ContentFile(response.content).read() == b"abc"
