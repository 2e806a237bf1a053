"""Reports up: the parent asks congresses below for a report; each answers in its own congress.

The parent follows the answers, returns them and compiles them on the request's own page in
`reporting` (the request is its congress's like any other)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from daihoi.core.dates import today as local_today
from daihoi.core.views import forbidden, form_page, page_context
from daihoi.organizations.permissions import access_congress
from daihoi.reporting import permissions as reporting_permissions
from daihoi.reporting.views.requests import submission_page

from .. import permissions, selectors, services
from ..forms import CongressReportForm


@login_required
def report_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_manage_schedule(access):
        return forbidden(request, permissions.MANAGERS_ONLY)
    form = CongressReportForm(request.POST or None, parent=access.congress)

    def send() -> object:
        data = form.cleaned_data
        ids = [c.pk for c in data["congresses"]] or services.targets(access, level=data["level"])
        return services.report_request_send(
            access=access,
            title=data["title"],
            deadline=data["deadline"],
            congress_ids=ids,
            instructions=data["instructions"],
            columns=data["columns"],
        )

    return form_page(
        request,
        form,
        send,
        success="Đã gửi yêu cầu báo cáo tới các Đại hội cấp dưới.",
        then=lambda r: redirect(
            "reporting:request-detail", congress_id=congress_id, request_id=r.pk
        ),
        template="levels/form.html",
        context=page_context(
            access,
            form=form,
            title="Yêu cầu Đại hội cấp dưới báo cáo",
            back=reverse("reporting:request-list", args=[congress_id]),
        ),
    )


@login_required
def reports_received(request: HttpRequest, congress_id: int) -> HttpResponse:
    """What the congresses above asked this congress to report, and where each answer stands."""
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return forbidden(request, permissions.READERS_ONLY)
    today = local_today()
    rows = [(r, r.submission.state(today)) for r in selectors.reports_received(access)]
    return render(
        request,
        "levels/reports_received.html",
        page_context(access, rows=rows, can_oversee=permissions.can_oversee(access)),
    )


@login_required
def report_received(
    request: HttpRequest, congress_id: int, report_recipient_id: int
) -> HttpResponse:
    """One request from above: what it asks, this congress's answer, and (for its secretariat,
    while not sent or after a return) the form that sends it — the agencies' submission form."""
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return forbidden(request, permissions.READERS_ONLY)
    recipient = permissions.access_report_received(access, report_recipient_id)
    submission = recipient.submission
    may_answer = permissions.can_answer_report(access) and reporting_permissions.can_submit(
        access, submission
    )
    if request.method == "POST" and not may_answer:
        return forbidden(request, permissions.ANSWER_ONLY)
    return submission_page(
        request,
        access,
        submission,
        recipient.request,
        success=f"Đã gửi báo cáo lên {recipient.request.congress.name}.",
        then=lambda: redirect(request.path),
        template="levels/report_received.html",
        context=lambda form: page_context(
            access,
            recipient=recipient,
            report_request=recipient.request,
            submission=submission,
            state=submission.state(local_today()),
            files=list(submission.files.all()),
            form=form if may_answer else None,
        ),
    )
