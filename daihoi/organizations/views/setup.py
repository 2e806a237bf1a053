"""The secretariat's set-up pages ("Thiết lập"): the congress, its issuing offices, its agencies
(create, edit, merge, import) and its agency groups. No step needs Django admin."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Prefetch
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core import once
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import (
    content_file,
    edit_page,
    forbidden,
    form_page,
    page_context,
    run_button,
)

from ..forms import (
    AgencyForm,
    AgencyGroupForm,
    AgencyImportForm,
    AgencyMergeForm,
    CongressCreateForm,
    CongressForm,
    IssuerForm,
)
from ..models import Agency, AgencyGroup, Congress
from ..permissions import Access, access_agency, access_agency_group, access_congress
from ..permissions import can_create_congress as may_create_congress
from ..services import agencies as agency_services
from ..services import congresses, groups, importing, merging

MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới được thiết lập Đại hội."


def _manager(request: HttpRequest, congress_id: int) -> Access | HttpResponse:
    access = access_congress(request.user, congress_id)
    return access if access.can_manage else forbidden(request, MANAGERS_ONLY)


# The congress ------------------------------------------------------------------------------------


@login_required
def congress_create(request: HttpRequest) -> HttpResponse:
    if not may_create_congress(request.user):
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được tạo Đại hội mới.")
    form = CongressCreateForm(request.POST or None)

    def create():
        data = form.cleaned_data
        details = congresses.CongressDetails(**{k: data[k] for k in congresses.DETAIL_FIELDS})
        return congresses.congress_create(
            user=request.user,  # type: ignore[arg-type]
            details=details,
            opening_date=data["opening_date"],
            closing_date=data["closing_date"],
        )

    return form_page(
        request,
        form,
        create,
        success="Đã tạo Đại hội; bạn là Thường trực / Văn phòng của Đại hội này.",
        then=lambda c: redirect("organizations:congress-setup", congress_id=c.pk),
        template="organizations/congress_form.html",
        context={"form": form, "creating": True},
    )


@login_required
def congress_setup(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    congress = access.congress
    counts = {
        "agencies": Agency.objects.filter(congress=congress).count(),
        "issuers": Agency.objects.filter(congress=congress, is_issuer=True).count(),
        "groups": AgencyGroup.objects.filter(congress=congress).count(),
    }
    return render(
        request,
        "organizations/congress_setup.html",
        page_context(access, counts=counts, history=history_of(congress)[:20]),
    )


@login_required
def congress_edit(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    # The form validates on its own copy: a refused value never reaches the page's header.
    congress = Congress.objects.get(pk=congress_id)
    form = CongressForm(
        request.POST or None, instance=congress, initial={"version": congress.version}
    )

    def update():
        data = form.cleaned_data
        details = congresses.CongressDetails(**{k: data[k] for k in congresses.DETAIL_FIELDS})
        return congresses.congress_update(
            access=access, details=details, expected_version=form.expected_version()
        )

    return form_page(
        request,
        form,
        update,
        success="Đã lưu thông tin Đại hội.",
        then=lambda c: redirect("organizations:congress-setup", congress_id=congress_id),
        template="organizations/congress_form.html",
        context=page_context(access, form=form, creating=False),
    )


# Issuing offices ---------------------------------------------------------------------------------


@login_required
def issuer_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    issuers = Agency.objects.filter(congress=access.congress, is_issuer=True).select_related(
        "parent", "committee"
    )
    return render(request, "organizations/issuer_list.html", page_context(access, issuers=issuers))


def _agency_page(
    request: HttpRequest,
    congress_id: int,
    agency_id: int | None,
    *,
    form_class: type[AgencyForm] | type[IssuerForm],
    names: list[str],
    save: Callable[[Access, Agency | None, dict[str, Any]], Agency],
    success: str,
    back: str,
    template: str,
) -> HttpResponse:
    """An agency's or an issuer's form page: new, or the agency's current values to edit; the
    agency itself is never offered as its own parent."""
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    agency = access_agency(access, agency_id) if agency_id else None
    initial = (
        model_to_dict(agency, fields=names) | {"version": agency.version}
        if agency
        else {"layout": access.congress.document_rules}
    )
    form = form_class(request.POST or None, initial=initial, congress=access.congress)
    parents = form.choice_field("parent")
    if agency is not None and parents.queryset is not None:
        parents.queryset = parents.queryset.exclude(pk=agency.pk)
    return form_page(
        request,
        form,
        lambda: save(access, agency, form.cleaned_data | {"version": form.expected_version()}),
        success=success,
        then=lambda a: redirect(back, congress_id=congress_id),
        template=template,
        context=page_context(
            access, form=form, agency=agency, history=history_of(agency)[:20] if agency else []
        ),
    )


def _save_issuer(access: Access, agency: Agency | None, data: dict[str, Any]) -> Agency:
    fields = agency_services.IssuerFields(**{k: data[k] for k in agency_services.ISSUER_FIELDS})
    return agency_services.issuer_save(
        access=access, fields=fields, agency=agency, expected_version=data["version"]
    )


def _save_agency(access: Access, agency: Agency | None, data: dict[str, Any]) -> Agency:
    fields = agency_services.AgencyFields(**{k: data[k] for k in agency_services.AGENCY_FIELDS})
    if agency is None:
        return agency_services.agency_create(access=access, fields=fields)
    return agency_services.agency_update(
        access=access, agency=agency, fields=fields, expected_version=data["version"]
    )


@login_required
def issuer_form(
    request: HttpRequest, congress_id: int, agency_id: int | None = None
) -> HttpResponse:
    return _agency_page(
        request,
        congress_id,
        agency_id,
        form_class=IssuerForm,
        names=agency_services.ISSUER_FIELDS,
        save=_save_issuer,
        success="Đã lưu cơ quan ban hành.",
        back="organizations:issuer-list",
        template="organizations/issuer_form.html",
    )


# Agencies ----------------------------------------------------------------------------------------


@login_required
def agency_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    agencies = (
        Agency.objects.filter(congress=access.congress)
        .select_related("parent")
        .prefetch_related(Prefetch("groups", queryset=AgencyGroup.objects.only("name")))
        .annotate(officer_count=Count("officers", distinct=True))
    )
    return render(
        request, "organizations/agency_setup_list.html", page_context(access, agencies=agencies)
    )


@login_required
def agency_form(
    request: HttpRequest, congress_id: int, agency_id: int | None = None
) -> HttpResponse:
    return _agency_page(
        request,
        congress_id,
        agency_id,
        form_class=AgencyForm,
        names=agency_services.AGENCY_FIELDS,
        save=_save_agency,
        success="Đã lưu cơ quan, đơn vị.",
        back="organizations:agency-setup",
        template="organizations/agency_form.html",
    )


@login_required
def agency_merge(request: HttpRequest, congress_id: int, agency_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    source = access_agency(access, agency_id)
    form = AgencyMergeForm(request.POST or None, congress=access.congress)
    return form_page(
        request,
        form,
        lambda: merging.agency_merge(
            access=access, source=source, target=form.cleaned_data["target"]
        ),
        success=f"Đã gộp “{source.name}” vào cơ quan đã chọn.",
        then=lambda a: redirect("organizations:agency-setup", congress_id=congress_id),
        template="organizations/agency_merge.html",
        context=page_context(access, form=form, source=source),
    )


@login_required
def agency_import(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Step 1 uploads and previews; step 2 (`confirm`) saves the signed rows, all or none."""
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    form = AgencyImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and "confirm" in request.POST:
        listing = reverse("organizations:agency-setup", args=[congress_id])
        try:
            rows = importing.unsign_rows(request.POST.get("rows", ""))
            with transaction.atomic():
                claimed = once.claim(request)
                created = importing.agencies_import(access=access, rows=rows)
        except importing.AgencyImportError as error:
            messages.error(request, error.message + " " + " ".join(error.errors))
        except BusinessError as error:
            messages.error(request, error.message)
        except once.AlreadySubmitted as earlier:
            return earlier.response(request, listing)
        else:
            messages.success(request, f"Đã thêm {len(created)} cơ quan, đơn vị.")
            return once.remember(claimed, redirect(listing))
        return redirect("organizations:agency-import", congress_id=congress_id)
    result, token = None, ""
    if request.method == "POST" and form.is_valid():
        result = importing.read_agencies(form.cleaned_data["file"], access.congress)
        token = importing.sign_rows(result.rows) if result.ok else ""
    return render(
        request,
        "organizations/agency_import.html",
        page_context(access, form=form, result=result, token=token),
    )


@login_required
def agency_import_template(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    return content_file(importing.template_xlsx(), XLSX_CONTENT_TYPE, "mau-co-quan-don-vi.xlsx")


# Agency groups -----------------------------------------------------------------------------------


@login_required
def group_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    agency_groups = AgencyGroup.objects.filter(congress=access.congress).prefetch_related(
        Prefetch("agencies", queryset=Agency.objects.only("name", "short_name"))
    )
    return render(
        request, "organizations/group_list.html", page_context(access, groups=agency_groups)
    )


@login_required
def group_form(request: HttpRequest, congress_id: int, group_id: int | None = None) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    group = access_agency_group(access, group_id) if group_id else None
    initial = (
        {
            "name": group.name,
            "agencies": [a.pk for a in group.agencies.all()],
            "version": group.version,
        }
        if group
        else {}
    )
    form = AgencyGroupForm(request.POST or None, initial=initial, congress=access.congress)

    def named() -> dict[str, Any]:
        return {"name": form.cleaned_data["name"], "agencies": list(form.cleaned_data["agencies"])}

    return edit_page(
        request,
        form,
        group,
        create=lambda: groups.group_create(access=access, **named()),
        update=lambda group, version: groups.group_update(
            access=access, group=group, expected_version=version, **named()
        ),
        success="Đã lưu nhóm cơ quan, đơn vị.",
        then=lambda g: redirect("organizations:group-list", congress_id=congress_id),
        template="organizations/group_form.html",
        context=page_context(
            access, form=form, group=group, history=history_of(group)[:20] if group else []
        ),
    )


@login_required
@require_POST
def group_delete(request: HttpRequest, congress_id: int, group_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    group = access_agency_group(access, group_id)
    return run_button(
        request,
        lambda: groups.group_delete(access=access, group=group),
        success=f"Đã xóa nhóm “{group.name}”; các nhiệm vụ, giấy mời đã giao theo nhóm vẫn giữ.",
        then=redirect(reverse("organizations:group-list", args=[congress_id])),
    )
