"""Guidance down: the parent writes and sends it; the lower level reads what it received."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.paging import PAGE_SIZE
from daihoi.core.views import forbidden, form_page, page_context, run_form_button
from daihoi.organizations.permissions import access_congress

from .. import permissions, selectors, services
from ..forms import GuidanceForm, ItemForm, SendForm


def _to_guidance(congress_id: int, guidance_id: int) -> HttpResponse:
    return redirect("levels:guidance-detail", congress_id=congress_id, guidance_id=guidance_id)


@login_required
def guidance_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    """What this congress sent down (its secretariat and leaders) and what it received."""
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return forbidden(request, permissions.READERS_ONLY)
    sent = list(selectors.guidances_of(access)) if permissions.can_oversee(access) else []
    return render(
        request,
        "levels/guidance_list.html",
        page_context(
            access,
            sent=sent,
            received=list(selectors.received_by(access)),
            can_manage=permissions.can_manage_schedule(access),
            can_oversee=permissions.can_oversee(access),
        ),
    )


@login_required
def guidance_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_manage_schedule(access):
        return forbidden(request, permissions.MANAGERS_ONLY)
    form = GuidanceForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.guidance_create(access=access, **form.cleaned_data),
        success="Đã soạn hướng dẫn; thêm các nhiệm vụ rồi gửi xuống cấp dưới.",
        then=lambda g: _to_guidance(congress_id, g.pk),
        template="levels/form.html",
        context=page_context(access, form=form, title="Soạn hướng dẫn gửi cấp dưới"),
    )


@login_required
def guidance_detail(request: HttpRequest, congress_id: int, guidance_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    guidance = permissions.access_guidance(access, guidance_id)
    recipients = Paginator(selectors.recipient_progress(guidance), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "levels/guidance_detail.html",
        page_context(
            access,
            guidance=guidance,
            items=list(guidance.items.all()),
            sends=list(guidance.sends.all()[:10]),
            page=recipients,
            send_form=SendForm(parent=access.congress),
            can_manage=permissions.can_manage_schedule(access),
            history=history_of(guidance),
        ),
    )


@login_required
def item_add(request: HttpRequest, congress_id: int, guidance_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    guidance = permissions.access_guidance(access, guidance_id)
    if not permissions.can_manage_schedule(access):
        return forbidden(request, permissions.MANAGERS_ONLY)
    form = ItemForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.guidance_item_add(
            access=access, guidance=guidance, fields=form.fields_value()
        ),
        success="Đã thêm nhiệm vụ vào hướng dẫn.",
        then=lambda _: _to_guidance(congress_id, guidance.pk),
        template="levels/form.html",
        context=page_context(access, form=form, title=f"Thêm nhiệm vụ — {guidance.title}"),
    )


@login_required
def item_edit(
    request: HttpRequest, congress_id: int, guidance_id: int, guidance_item_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    guidance = permissions.access_guidance(access, guidance_id)
    item = permissions.access_item(access, guidance, guidance_item_id)
    if not permissions.can_manage_schedule(access):
        return forbidden(request, permissions.MANAGERS_ONLY)
    initial = {
        "title": item.title,
        "description": item.description,
        "area": item.area,
        "deadline": (item.deadline, item.offset_days),
        "version": item.version,
    }
    form = ItemForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.guidance_item_update(
            access=access,
            item=item,
            fields=form.fields_value(),
            expected_version=form.expected_version(),
        ),
        success="Đã sửa; các Đại hội cấp dưới đã nhận sẽ được báo và cập nhật.",
        then=lambda _: _to_guidance(congress_id, guidance.pk),
        template="levels/form.html",
        context=page_context(access, form=form, title=f"Sửa nhiệm vụ — {guidance.title}"),
    )


@require_POST
@login_required
def guidance_send(request: HttpRequest, congress_id: int, guidance_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    guidance = permissions.access_guidance(access, guidance_id)
    if not permissions.can_manage_schedule(access):
        return forbidden(request, permissions.MANAGERS_ONLY)
    form = SendForm(request.POST, parent=access.congress)

    def send(data: dict) -> object:
        ids = [c.pk for c in data["congresses"]] or services.targets(access, level=data["level"])
        return services.guidance_send(access=access, guidance=guidance, congress_ids=ids)

    return run_form_button(
        request,
        form,
        send,
        success=lambda s: f"Đang gửi cho {s.total} Đại hội cấp dưới; tiến độ hiện ở dưới.",
        then=_to_guidance(congress_id, guidance.pk),
    )


@login_required
def send_progress(
    request: HttpRequest, congress_id: int, guidance_id: int, send_id: int
) -> HttpResponse:
    """The sending's progress, polled by the page until it is done."""
    access = access_congress(request.user, congress_id)
    guidance = permissions.access_guidance(access, guidance_id)
    send = permissions.access_send(access, guidance, send_id)
    return render(
        request,
        "levels/_send_progress.html",
        page_context(access, guidance=guidance, send=send),
    )


@login_required
def received_detail(request: HttpRequest, congress_id: int, recipient_id: int) -> HttpResponse:
    """A guidance as this congress received it: its tasks here (each opens the congress's own
    task page, where progress is reported) and the notices of later changes."""
    access = access_congress(request.user, congress_id)
    recipient = permissions.access_received(access, recipient_id)
    links = selectors.received_tasks(recipient)
    if not access.sees_whole_congress:
        mine = {t.pk for t in links if t.task.lead_agency_id == access.agency_id}
        links = [t for t in links if t.pk in mine]
    return render(
        request,
        "levels/received_detail.html",
        page_context(
            access,
            recipient=recipient,
            guidance=recipient.guidance,
            links=links,
            notices=list(recipient.notices.select_related("item")[:50]),
        ),
    )
