"""The secretariat's webhooks of a congress and their delivery log."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.views import forbidden, form_page, page_context, run_button
from daihoi.organizations.permissions import Access, access_congress

from . import webhooks
from .forms import WebhookForm
from .models import Webhook

LOG_PAGE = 50


def _managing(request: HttpRequest, congress_id: int) -> Access:
    return access_congress(request.user, congress_id)


@login_required
def webhook_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _managing(request, congress_id)
    if not access.can_manage:
        return forbidden(request, webhooks.ONLY_SECRETARIAT)
    form = WebhookForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: webhooks.webhook_create(
            access=access,
            name=form.cleaned_data["name"],
            url=form.cleaned_data["url"],
            events=form.cleaned_data["events"],
        ),
        success="Đã thêm webhook.",
        then=lambda hook: redirect("webhooks:webhook-detail", congress_id, hook.pk),
        template="api/webhook_list.html",
        context=page_context(
            access, form=form, webhooks=Webhook.objects.filter(congress=access.congress)
        ),
    )


@login_required
def webhook_detail(request: HttpRequest, congress_id: int, webhook_id: int) -> HttpResponse:
    access = _managing(request, congress_id)
    webhook = webhooks.access_webhook(access, webhook_id)
    if not access.can_manage:
        return forbidden(request, webhooks.ONLY_SECRETARIAT)
    initial = {
        "name": webhook.name,
        "url": webhook.url,
        "events": webhook.events,
        "active": webhook.active,
    }
    form = WebhookForm(request.POST or None, initial=initial)
    deliveries = webhook.deliveries.all()
    page = Paginator(deliveries, LOG_PAGE).get_page(request.GET.get("page"))
    return form_page(
        request,
        form,
        lambda: webhooks.webhook_update(access=access, webhook=webhook, **form.cleaned_data),
        success="Đã lưu webhook.",
        then=lambda hook: redirect("webhooks:webhook-detail", congress_id, hook.pk),
        template="api/webhook_detail.html",
        context=page_context(
            access, form=form, webhook=webhook, page=page, history=history_of(webhook)[:20]
        ),
    )


@login_required
@require_POST
def webhook_delete(request: HttpRequest, congress_id: int, webhook_id: int) -> HttpResponse:
    access = _managing(request, congress_id)
    webhook = webhooks.access_webhook(access, webhook_id)
    return run_button(
        request,
        lambda: webhooks.webhook_delete(access=access, webhook=webhook),
        success="Đã xóa webhook.",
        then=redirect("webhooks:webhook-list", congress_id),
    )
