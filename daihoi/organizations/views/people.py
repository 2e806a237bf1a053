from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.audit import history_of
from daihoi.core.versioning import edit_initial
from daihoi.core.views import forbidden, form_page, page_context

from ..forms import PersonForm
from ..models import Person
from ..permissions import access_congress, access_person, can_manage_people
from ..services import people as services

ONLY_MANAGERS = "Chỉ Thường trực / Văn phòng mới được thêm, sửa cán bộ."


@login_required
def person_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    people = Person.objects.filter(congress=access.congress).select_related("agency")
    return render(
        request,
        "organizations/person_list.html",
        page_context(access, people=people, can_edit=can_manage_people(access)),
    )


def _to_list(person: Person) -> HttpResponse:
    return redirect("organizations:person-list", congress_id=person.congress_id)


@login_required
def person_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not can_manage_people(access):
        return forbidden(request, ONLY_MANAGERS)
    form = PersonForm(request.POST or None, congress=access.congress)
    return form_page(
        request,
        form,
        lambda: services.person_create(access=access, **form.edited()),
        success="Đã thêm cán bộ.",
        then=_to_list,
        template="organizations/person_form.html",
        context=page_context(access, form=form, person=None),
    )


@login_required
def person_edit(request: HttpRequest, congress_id: int, person_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    person = access_person(access, person_id)
    if not can_manage_people(access):
        return forbidden(request, ONLY_MANAGERS)
    form = PersonForm(
        request.POST or None, congress=access.congress, initial=edit_initial(person, PersonForm)
    )
    return form_page(
        request,
        form,
        lambda: services.person_update(
            access=access,
            person=person,
            expected_version=form.expected_version(),
            **form.edited(),
        ),
        success="Đã lưu thông tin cán bộ.",
        then=_to_list,
        template="organizations/person_form.html",
        context=page_context(access, form=form, person=person, history=history_of(person)[:20]),
    )
