"""The readiness checklist: the list by area, an item's page, its form and the agency's report."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.versioning import edit_initial
from daihoi.core.views import (
    edit_page,
    files_form_page,
    forbidden,
    page_context,
    stored_file,
)
from daihoi.organizations.permissions import access_congress

from .. import permissions, selectors, services
from ..forms import ReadinessFilterForm, ReadinessItemForm, ReadinessReportForm


@login_required
def readiness_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    form = ReadinessFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    mine = request.GET.get("mine") == "1" and access.agency_id
    items = selectors.readiness_items(
        access,
        area=filters.get("area", ""),
        state=filters.get("state", ""),
        agency_id=access.agency_id if mine else None,
        late_on=today if filters.get("late") else None,
    )
    context = page_context(
        access,
        form=form,
        items=list(items),
        today=today,
        summary=selectors.readiness_summary(access, today),
        staff=permissions.is_service_staff(access),
    )
    return render(request, "logistics/readiness_list.html", context)


@login_required
def readiness_block(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The dashboard's readiness block (loaded into "Tổng quan" by HTMX)."""
    access = access_congress(request.user, congress_id)
    summary = selectors.readiness_summary(access, local_today())
    return render(request, "logistics/_readiness_block.html", page_context(access, summary=summary))


@login_required
def readiness_detail(request: HttpRequest, congress_id: int, readiness_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item = permissions.access_readiness_item(access, readiness_id)
    context = page_context(
        access,
        item=item,
        photos=list(item.photos.all()),
        entries=history_of(item)[:50],
        today=local_today(),
        can_report=permissions.can_report_readiness(access, item),
        staff=permissions.is_service_staff(access),
    )
    return render(request, "logistics/readiness_detail.html", context)


@login_required
def readiness_form(
    request: HttpRequest, congress_id: int, readiness_id: int | None = None
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item = permissions.access_readiness_item(access, readiness_id) if readiness_id else None
    if not permissions.can_manage_logistics(access):
        return forbidden(request, permissions.STAFF_ONLY)
    form = ReadinessItemForm(
        request.POST or None,
        initial=edit_initial(item, ReadinessItemForm),
        congress=access.congress,
    )
    return edit_page(
        request,
        form,
        item,
        create=lambda: services.readiness_item_create(access=access, fields=form.fields_value()),
        update=lambda item, version: services.readiness_item_update(
            access=access, item=item, fields=form.fields_value(), expected_version=version
        ),
        success="Đã lưu hạng mục.",
        then=lambda saved: redirect("logistics:readiness-detail", congress_id, saved.pk),
        template="logistics/readiness_form.html",
        context=page_context(access, form=form, item=item),
    )


@login_required
def readiness_report(request: HttpRequest, congress_id: int, readiness_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item = permissions.access_readiness_item(access, readiness_id)
    if not permissions.can_report_readiness(access, item):
        return forbidden(request, permissions.REPORTER_ONLY)
    form = ReadinessReportForm(
        request.POST or None, request.FILES or None, initial={"state": item.state}
    )
    return files_form_page(
        request,
        form,
        "photos",
        lambda photos: services.readiness_item_report(
            access=access,
            item=item,
            state=form.cleaned_data["state"],
            note=form.cleaned_data["note"],
            photos=photos,
        ),
        success="Đã cập nhật tình trạng hạng mục.",
        then=lambda _: redirect("logistics:readiness-detail", congress_id, item.pk),
        template="logistics/readiness_report.html",
        context=page_context(access, form=form, item=item),
    )


@login_required
def readiness_photo(request: HttpRequest, congress_id: int, photo_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    photo = permissions.access_readiness_photo(access, photo_id)
    return stored_file(photo.file, photo.original_name)
