"""The editors' side of a congress's portal: articles, columns, moderation."""

from collections.abc import Mapping

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.views import form_page, page_context, run_button, run_form_button

from .. import selectors, services
from ..forms import ArticleForm, CategoryForm, ModerationForm, PublishForm, posted_ids
from ..models import Article, Kind, Moderation, Posted, ReaderComment, Submission
from ..permissions import access_article, access_portal

STAFF_PAGE = 30


def _to_article(congress_id: int, article: Article) -> HttpResponse:
    return redirect("portal:staff-article-edit", congress_id=congress_id, article_id=article.pk)


@login_required
def article_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_portal(request.user, congress_id)
    kind = request.GET.get("loai", "")
    page = Paginator(selectors.staff_articles(access, kind), STAFF_PAGE).get_page(
        request.GET.get("page")
    )
    pending = selectors.moderation_queue(access, Moderation.PENDING).count()
    return render(
        request,
        "portal/staff_article_list.html",
        page_context(
            access,
            page=page,
            kinds=Kind.choices,
            kind=kind,
            pending=pending,
            query=f"loai={kind}" if kind else "",
        ),
    )


@login_required
def article_edit(request: HttpRequest, congress_id: int, article_id: int = 0) -> HttpResponse:
    access = access_portal(request.user, congress_id)
    article = access_article(access, article_id) if article_id else None
    form = ArticleForm(
        request.POST or None,
        request.FILES or None,
        congress_id=congress_id,
        initial=ArticleForm.initial_for(article),
    )
    return form_page(
        request,
        form,
        lambda: services.article_save(
            access=access,
            article=article,
            fields=form.fields_value(),
            image=form.cleaned_data.get("image") or None,
            attachment=form.cleaned_data.get("attachment") or None,
            expected_version=form.expected_version(),
        ),
        success="Đã lưu bài viết.",
        then=lambda saved: _to_article(congress_id, saved),
        template="portal/staff_article_form.html",
        context=page_context(
            access,
            form=form,
            article=article,
            publish_form=PublishForm(),
            history=history_of(article) if article else None,
        ),
    )


@login_required
@require_POST
def article_publish(request: HttpRequest, congress_id: int, article_id: int) -> HttpResponse:
    access = access_portal(request.user, congress_id)
    article = access_article(access, article_id)

    def publish(data: dict) -> Article:
        at = data.get("at")
        if at is not None and timezone.is_naive(at):
            at = timezone.make_aware(at)
        return services.article_publish(access=access, article=article, at=at)

    return run_form_button(
        request,
        PublishForm(request.POST),
        publish,
        success=lambda a: f"Bài viết: {a.state_label.lower()}.",
        then=_to_article(congress_id, article),
    )


@login_required
@require_POST
def article_unpublish(request: HttpRequest, congress_id: int, article_id: int) -> HttpResponse:
    access = access_portal(request.user, congress_id)
    article = access_article(access, article_id)
    return run_button(
        request,
        lambda: services.article_unpublish(access=access, article=article),
        success="Đã gỡ bài khỏi cổng thông tin.",
        then=_to_article(congress_id, article),
    )


@login_required
def category_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_portal(request.user, congress_id)
    form = CategoryForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.category_save(access=access, **form.cleaned_data),
        success="Đã thêm chuyên mục.",
        then=lambda _: redirect("portal:staff-categories", congress_id=congress_id),
        template="portal/staff_categories.html",
        context=page_context(access, form=form, categories=selectors.categories(congress_id)),
    )


QUEUES: dict[str, type[Posted]] = {"binh-luan": ReaderComment, "gop-y": Submission}
STATES = {
    "cho-duyet": Moderation.PENDING,
    "da-duyet": Moderation.APPROVED,
    "tu-choi": Moderation.REJECTED,
}


def _choice(value: str | None, allowed: Mapping[str, object], default: str) -> str:
    return value if value is not None and value in allowed else default


@login_required
def moderation(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The queue of reader comments or public-consultation comments, by state."""
    access = access_portal(request.user, congress_id)
    queue = _choice(request.GET.get("loai"), QUEUES, "binh-luan")
    state = _choice(request.GET.get("trang-thai"), STATES, "cho-duyet")
    rows = (
        selectors.moderation_queue(access, STATES[state])
        if queue == "binh-luan"
        else selectors.submission_queue(access, STATES[state])
    )
    page = Paginator(rows, STAFF_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/staff_moderation.html",
        page_context(
            access,
            page=page,
            queue=queue,
            state=state,
            states=STATES,
            query=f"loai={queue}&trang-thai={state}",
        ),
    )


@login_required
@require_POST
def moderation_apply(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_portal(request.user, congress_id)
    queue = _choice(request.POST.get("loai"), QUEUES, "binh-luan")
    model = QUEUES[queue]
    ids = posted_ids(request.POST.getlist("ids"))
    form = ModerationForm(request.POST, ids=ids)
    back = reverse("portal:staff-moderation", kwargs={"congress_id": congress_id})
    then = redirect(f"{back}?loai={queue}")
    return run_form_button(
        request,
        form,
        lambda data: services.moderate(
            access=access,
            model=model,
            ids=data["ids"],
            decision=data["decision"],
            reason=data.get("reason", ""),
        ),
        success=lambda n: f"Đã xử lý {n} ý kiến.",
        then=then,
        invalid="Hãy chọn ý kiến và cách xử lý.",
    )
