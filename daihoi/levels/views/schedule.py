"""The parent's schedule of its subordinate congresses and the tree's links."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.views import forbidden, form_page, page_context, run_button
from daihoi.organizations.permissions import access_congress

from .. import permissions, selectors, services
from ..forms import LevelDeadlineForm, ParentForm, ScheduleForm, SubordinateForm
from ..models import ScheduleEntry, ScheduleState


def _state_rows(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    return [(state.value, str(state.label), counts[state.value]) for state in ScheduleState]


def _to_schedule(congress_id: int) -> HttpResponse:
    return redirect("levels:schedule", congress_id=congress_id)


@login_required
def schedule(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_oversee(access):
        return forbidden(request, permissions.READERS_ONLY)
    behind_only = request.GET.get("cham") == "1"
    today = local_today()
    return render(
        request,
        "levels/schedule.html",
        page_context(
            access,
            rows=selectors.schedule_rows(access, today, behind_only=behind_only),
            deadlines=selectors.level_deadlines(access),
            counts=_state_rows(selectors.state_counts(access.congress)),
            ancestors=selectors.ancestors(access.congress),
            behind_only=behind_only,
            can_manage=permissions.can_manage_schedule(access),
            can_set_parent=permissions.can_set_parent(access),
        ),
    )


@login_required
def subordinate_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_manage_schedule(access):
        return forbidden(request, permissions.MANAGERS_ONLY)
    form = SubordinateForm(request.POST or None, parent=access.congress)
    return form_page(
        request,
        form,
        lambda: services.subordinate_create(access=access, fields=form.fields_value()),
        success="Đã thêm Đại hội cấp dưới vào lịch.",
        then=lambda _: _to_schedule(congress_id),
        template="levels/form.html",
        context=page_context(access, form=form, title="Thêm Đại hội cấp dưới"),
    )


@login_required
def schedule_edit(request: HttpRequest, congress_id: int, child_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    child = permissions.access_subordinate(access, child_id)
    if child.parent_id != access.congress.pk:
        # The schedule of a congress further down is its own parent's to keep.
        return forbidden(
            request, "Lịch của Đại hội này do Đại hội cấp trên trực tiếp của nó quản lý."
        )
    if not permissions.can_manage_schedule(access):
        return forbidden(request, permissions.MANAGERS_ONLY)
    entry, _ = ScheduleEntry.objects.get_or_create(congress=child)
    initial = {
        "planned_date": entry.planned_date,
        "is_pilot": entry.is_pilot,
        "state": entry.state,
        "held_date": entry.held_date,
        "note": entry.note,
        "version": entry.version,
    }
    form = ScheduleForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.schedule_update(
            access=access,
            entry=entry,
            fields=form.fields_value(),
            expected_version=form.expected_version(),
        ),
        success="Đã cập nhật lịch đại hội.",
        then=lambda _: _to_schedule(congress_id),
        template="levels/form.html",
        context=page_context(
            access,
            form=form,
            title=f"Lịch đại hội — {child.name}",
            history=history_of(entry),
        ),
    )


@login_required
def deadline_set(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_manage_schedule(access):
        return forbidden(request, permissions.MANAGERS_ONLY)
    form = LevelDeadlineForm(request.POST or None, parent=access.congress)
    return form_page(
        request,
        form,
        lambda: services.level_deadline_set(access=access, **form.cleaned_data),
        success="Đã đặt hạn tổ chức đại hội cấp dưới.",
        then=lambda _: _to_schedule(congress_id),
        template="levels/form.html",
        context=page_context(access, form=form, title="Hạn tổ chức đại hội cấp dưới"),
    )


@require_POST
@login_required
def deadline_remove(request: HttpRequest, congress_id: int, deadline_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    deadline = permissions.access_deadline(access, deadline_id)
    if not permissions.can_manage_schedule(access):
        return forbidden(request, permissions.MANAGERS_ONLY)
    return run_button(
        request,
        lambda: services.level_deadline_remove(access=access, deadline=deadline),
        success="Đã bỏ hạn.",
        then=_to_schedule(congress_id),
    )


@login_required
def parent_set(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_set_parent(access):
        return forbidden(request, permissions.ADMIN_ONLY)
    congress = access.congress
    form = ParentForm(request.POST or None, congress=congress, initial={"parent": congress.parent})
    return form_page(
        request,
        form,
        lambda: services.congress_set_parent(
            access=access, congress=congress, parent=form.cleaned_data["parent"]
        ),
        success="Đã đặt Đại hội cấp trên.",
        then=lambda _: _to_schedule(congress_id),
        template="levels/form.html",
        context=page_context(
            access, form=form, title="Đại hội cấp trên", history=history_of(congress)
        ),
    )
