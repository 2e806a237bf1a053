"""The public portal: no login. Pages without a form are served from the shared cache (no
query on a hit); the comment forms carry a captcha and are never cached."""

from typing import Any

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.feedgenerator import Rss201rev2Feed
from django.views.decorators.http import require_http_methods

from daihoi.core.dates import format_date
from daihoi.core.exceptions import BusinessError
from daihoi.core.views import apply_error, is_htmx
from daihoi.organizations.models import Congress

from .. import cache, selectors, services
from ..forms import PublicCommentForm, ReaderCommentForm, id_or_none
from ..limits import TOO_MANY, client_address, over_limit
from ..models import Category, Kind, PublicConsultation

PAGE_SIZE = 12
KIND_SLUGS = {
    "chuong-trinh": Kind.PROGRAMME,
    "tai-lieu": Kind.DOCUMENT,
    "ket-qua": Kind.RESULT,
}


def _congress(congress_id: int) -> Congress:
    congress = Congress.objects.filter(pk=congress_id).first()
    if congress is None:
        raise Http404
    return congress


def _page(template: str, congress: Congress, **context: Any) -> HttpResponse:
    """Renders a public page without the request: nothing of the reader (session, user, CSRF
    token) gets into what the cache keeps and serves to everyone."""
    context = {
        "congress": congress,
        "categories": selectors.categories(congress.pk),
        **context,
    }
    return HttpResponse(render_to_string(template, context))


def home(request: HttpRequest, congress_id: int) -> HttpResponse:
    def build() -> HttpResponse:
        congress = _congress(congress_id)
        return _page(
            "portal/public_home.html",
            congress,
            news=list(selectors.public_articles(congress_id, Kind.NEWS)[:9]),
            programme=list(selectors.public_articles(congress_id, Kind.PROGRAMME)[:3]),
            results=list(selectors.public_articles(congress_id, Kind.RESULT)[:3]),
            consultations=list(selectors.open_public_consultations(congress_id)[:3]),
        )

    return cache.cached_page(request, congress_id, build)


def _listing(request: HttpRequest, congress: Congress, articles: Any, heading: str) -> HttpResponse:
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("trang"))
    return _page("portal/public_list.html", congress, page=page, heading=heading)


def category(request: HttpRequest, congress_id: int, category_id: int) -> HttpResponse:
    def build() -> HttpResponse:
        congress = _congress(congress_id)
        found = Category.objects.filter(pk=category_id, congress=congress).first()
        if found is None:
            raise Http404
        articles = selectors.public_articles(congress_id, Kind.NEWS).filter(category=found)
        return _listing(request, congress, articles, found.name)

    return cache.cached_page(request, congress_id, build)


def kind_list(request: HttpRequest, congress_id: int, slug: str) -> HttpResponse:
    kind = KIND_SLUGS.get(slug)
    if kind is None:
        raise Http404

    def build() -> HttpResponse:
        congress = _congress(congress_id)
        articles = selectors.public_articles(congress_id, kind)
        return _listing(request, congress, articles, str(kind.label))

    return cache.cached_page(request, congress_id, build)


def article(request: HttpRequest, congress_id: int, article_id: int) -> HttpResponse:
    def build() -> HttpResponse:
        found = selectors.public_article(congress_id, article_id)
        if found is None:
            raise Http404
        return _page(
            "portal/public_article.html",
            found.congress,
            article=found,
            comments=list(selectors.approved_comments(found)),
        )

    return cache.cached_page(request, congress_id, build)


def _file(congress_id: int, article_id: int, which: str) -> FileResponse:
    found = selectors.public_article(congress_id, article_id)
    stored = getattr(found, which, None) if found is not None else None
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=which == "attachment")
    if which == "attachment" and found is not None:
        response["Content-Disposition"] = f'attachment; filename="{found.attachment_name}"'
    response["Cache-Control"] = f"public, max-age={cache.PUBLIC_MAX_AGE * 10}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def article_image(request: HttpRequest, congress_id: int, article_id: int) -> FileResponse:
    return _file(congress_id, article_id, "image")


def article_attachment(request: HttpRequest, congress_id: int, article_id: int) -> FileResponse:
    return _file(congress_id, article_id, "attachment")


def rss(request: HttpRequest, congress_id: int) -> HttpResponse:
    def build() -> HttpResponse:
        congress = _congress(congress_id)
        home_url = request.build_absolute_uri(f"/cong-thong-tin/{congress_id}/")
        feed = Rss201rev2Feed(
            title=f"{congress.name} lần thứ {congress.ordinal_roman}",
            link=home_url,
            description="Tin tức, chương trình, tài liệu và kết quả Đại hội",
            language="vi",
        )
        for item in selectors.public_articles(congress_id)[:30]:
            link = request.build_absolute_uri(f"/cong-thong-tin/{congress_id}/bai-viet/{item.pk}/")
            feed.add_item(
                title=item.title,
                link=link,
                description=item.summary,
                pubdate=item.published_at,
                unique_id=link,
                categories=[item.category.name] if item.category else (),
            )
        return HttpResponse(feed.writeString("utf-8"), content_type="application/rss+xml")

    return cache.cached_page(request, congress_id, build)


@require_http_methods(["GET", "POST"])
def article_comment(request: HttpRequest, congress_id: int, article_id: int) -> HttpResponse:
    """The comment form under an article (loaded into the cached page, or alone without
    scripts). Loading it counts the reader's view, once per address and window."""
    found = selectors.public_article(congress_id, article_id)
    if found is None:
        raise Http404
    form = ReaderCommentForm(request.POST or None)
    context: dict[str, Any] = {"congress": found.congress, "article": found, "form": form}
    if not is_htmx(request):  # the page alone has the portal's menu; the fragment has not
        context["categories"] = selectors.categories(congress_id)
    if request.method == "GET":
        services.article_seen(found.pk, client_address(request))
        context["sent"] = request.GET.get("gui") == "1"
        template = "portal/_comment_form.html" if is_htmx(request) else "portal/comment_page.html"
        return render(request, template, context)
    if over_limit(request, "portal.comment"):
        form.is_valid()
        form.add_error(None, TOO_MANY)
        return render(request, "portal/comment_page.html", context, status=429)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.comment_post(
                article=found,
                sent=services.Sent(
                    data["name"], data["email"], data.get("phone", ""), client_address(request)
                ),
                title=data["title"],
                content=data["content"],
            )
        except BusinessError as error:
            apply_error(form, error)
        else:
            return redirect(request.path + "?gui=1")
    return render(request, "portal/comment_page.html", context, status=400)


def consultations(request: HttpRequest, congress_id: int) -> HttpResponse:
    def build() -> HttpResponse:
        congress = _congress(congress_id)
        return _page(
            "portal/public_consultations.html",
            congress,
            consultations=list(selectors.open_public_consultations(congress_id)),
        )

    return cache.cached_page(request, congress_id, build)


def _public(congress_id: int, public_id: int) -> PublicConsultation:
    found = (
        PublicConsultation.objects.filter(pk=public_id, congress_id=congress_id)
        .select_related("congress", "draft__consultation")
        .first()
    )
    if found is None:
        raise Http404
    return found


def consultation(request: HttpRequest, congress_id: int, public_id: int) -> HttpResponse:
    def build() -> HttpResponse:
        public = _public(congress_id, public_id)
        return _page(
            "portal/public_consultation.html",
            public.congress,
            public=public,
            sections=selectors.sections_with_counts(public),
        )

    return cache.cached_page(request, congress_id, build)


@require_http_methods(["GET", "POST"])
def consultation_comment(request: HttpRequest, congress_id: int, public_id: int) -> HttpResponse:
    """A section's text, its approved comments, and the form to comment on it (`?muc=<id>`;
    without it, on the whole draft)."""
    public = _public(congress_id, public_id)
    raw = request.POST.get("section") or request.GET.get("muc") or ""
    section_id = id_or_none(raw)
    section = public.draft.sections.filter(pk=section_id).first() if section_id else None
    form = PublicCommentForm(
        request.POST or None,
        draft_id=public.draft_id,
        initial={"section": section.pk if section else None},
    )
    context = {
        "congress": public.congress,
        "categories": selectors.categories(congress_id),
        "public": public,
        "section": section,
        "form": form,
        "comments": selectors.approved_public_comments(public, section.pk if section else None),
        "sent": request.GET.get("gui") == "1",
    }
    if request.method == "GET":
        return render(request, "portal/consultation_comment.html", context)
    if not public.is_open:
        form.is_valid()
        form.add_error(None, services.CLOSED.format(day=format_date(public.closes_on)))
        return render(request, "portal/consultation_comment.html", context, status=400)
    if over_limit(request, "portal.consultation"):
        form.is_valid()
        form.add_error(None, TOO_MANY)
        return render(request, "portal/consultation_comment.html", context, status=429)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.public_comment_post(
                public=public,
                section=data.get("section"),
                sent=services.Sent(
                    data["name"], data["email"], data.get("phone", ""), client_address(request)
                ),
                sender=data["sender"],
                text=data["text"],
                title=data.get("title", ""),
                organisation=data.get("organisation", ""),
            )
        except BusinessError as error:
            apply_error(form, error)
        else:
            target = data["section"].pk if data.get("section") else ""
            return redirect(f"{request.path}?muc={target}&gui=1")
    return render(request, "portal/consultation_comment.html", context, status=400)
