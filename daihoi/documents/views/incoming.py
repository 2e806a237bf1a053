"""The register of documents received (sổ văn bản đến) and committee founding decisions."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.views import (
    forbidden,
    form_page,
    page_context,
    run_button,
)
from daihoi.organizations.models import Committee
from daihoi.organizations.permissions import (
    Access,
    access_committee,
    access_congress,
    can_manage_committees,
)

from .. import permissions, selectors, services
from ..downloads import document_file, incoming_workbook
from ..forms import (
    FoundingDecisionForm,
    IncomingFilterForm,
    IncomingForm,
)
from ..models import IncomingDocument
from ..permissions import access_incoming
from .registry import _list_page

# The register of documents received (sổ văn bản đến) ---------------------------------------------


def _to_incoming(congress_id: int, document: IncomingDocument) -> HttpResponse:
    return redirect("documents:incoming-detail", congress_id=congress_id, incoming_id=document.pk)


def _incoming_filters(form: IncomingFilterForm) -> selectors.IncomingFilters:
    data = form.cleaned_data if form.is_valid() else {}
    agency = data.get("agency")
    return selectors.IncomingFilters(
        q=data.get("q") or "",
        confidentiality=data.get("confidentiality") or "",
        urgency=data.get("urgency") or "",
        agency_id=agency.pk if agency else None,
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )


@login_required
def incoming_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    form = IncomingFilterForm(request.GET or None, congress=access.congress)
    return _list_page(
        request,
        access,
        form,
        selectors.incoming_visible_to(access, _incoming_filters(form)),
        "documents/incoming_list.html",
        can_register=permissions.can_register_incoming(access),
    )


@login_required
def incoming_export(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The register as on screen (same filters, every page) in XLSX."""
    access = access_congress(request.user, congress_id)
    form = IncomingFilterForm(request.GET or None, congress=access.congress)
    documents = selectors.incoming_visible_to(access, _incoming_filters(form))
    return incoming_workbook(access.congress, documents)


@login_required
def incoming_detail(request: HttpRequest, congress_id: int, incoming_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_incoming(access, incoming_id)
    can_register = permissions.can_register_incoming(access)
    context = page_context(
        access,
        document=document,
        readers=document.readers.order_by("full_name", "username") if document.is_secret else [],
        handling_agencies=document.handling_agencies.order_by("name"),
        tasks=_tasks_from(access, document),
        history=history_of(document),
        can_register=can_register,
    )
    return render(request, "documents/incoming_detail.html", context)


def _tasks_from(access: Access, document: IncomingDocument) -> Any:
    """The tasks given from the document that the actor may open (planning's own rule,
    reached through the tasks' link to the document)."""
    return (
        document.tasks.visible_to(access).select_related("lead_agency").order_by("deadline", "id")
    )


def _incoming_form_page(
    request: HttpRequest,
    access: Access,
    form: IncomingForm,
    action: Any,
    document: IncomingDocument | None = None,
) -> HttpResponse:
    return form_page(
        request,
        form,
        action,
        success="Đã lưu văn bản đến." if document else "",
        then=lambda saved: _to_incoming(access.congress.pk, saved),
        template="documents/incoming_form.html",
        context=page_context(access, form=form, document=document),
    )


@login_required
def incoming_register(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_register_incoming(access):
        return forbidden(request, services.REGISTRAR_ONLY)
    form = IncomingForm(
        request.POST or None,
        request.FILES or None,
        initial={"received_on": local_today()},
        congress=access.congress,
    )

    def register() -> IncomingDocument:
        document = services.incoming_register(access=access, **form.edited())
        messages.success(request, f"Đã vào sổ văn bản đến số {document.arrival_number}.")
        return document

    return _incoming_form_page(request, access, form, register)


@login_required
def incoming_edit(request: HttpRequest, congress_id: int, incoming_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_incoming(access, incoming_id)
    if not permissions.can_register_incoming(access):
        return forbidden(request, services.REGISTRAR_ONLY)
    initial: dict[str, Any] = {name: getattr(document, name) for name in services.INCOMING_FIELDS}
    initial["readers"] = list(document.readers.all())
    initial["version"] = document.version
    form = IncomingForm(
        request.POST or None, request.FILES or None, initial=initial, congress=access.congress
    )
    return _incoming_form_page(
        request,
        access,
        form,
        lambda: services.incoming_update(
            access=access,
            document=document,
            expected_version=form.expected_version(),
            **form.edited(),
        ),
        document,
    )


@login_required
def incoming_file(request: HttpRequest, congress_id: int, incoming_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    document = access_incoming(access, incoming_id)
    return document_file(document.file, document.file_name, document.is_secret)


@login_required
@require_POST
def incoming_delete(request: HttpRequest, congress_id: int, incoming_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_incoming(access, incoming_id)
    return run_button(
        request,
        lambda: services.incoming_delete(access=access, document=document),
        success=f"Đã chuyển {document} vào thùng rác.",
        then=redirect("documents:incoming-list", congress_id=congress_id),
    )


@login_required
def committee_founding(request: HttpRequest, congress_id: int, committee_id: int) -> HttpResponse:
    """Choose the committee's founding decision in the registry, or enter it there now."""
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id)
    if not can_manage_committees(access):
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được gắn quyết định thành lập.")
    form = FoundingDecisionForm(
        request.POST or None,
        congress=access.congress,
        initial={
            "document": committee.founding_document,
            "subject": f"Về việc thành lập {committee.name}",
        },
    )

    def save() -> Committee:
        chosen = form.cleaned_data["document"]
        if chosen is not None:
            return services.committee_set_founding_decision(
                access=access, committee=committee, document=chosen
            )
        return services.committee_register_founding_decision(
            access=access, committee=committee, **form.new_decision()
        )

    return form_page(
        request,
        form,
        save,
        success="Đã gắn quyết định thành lập.",
        then=lambda _: redirect(
            "organizations:committee-detail", congress_id=congress_id, committee_id=committee.pk
        ),
        template="documents/committee_founding.html",
        context=page_context(access, form=form, committee=committee),
    )
