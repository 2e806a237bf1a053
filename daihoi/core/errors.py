"""The app's own error pages, in Vietnamese, whether DEBUG is on or off.

Django answers a 404 with its technical page while DEBUG is on (`make demo` runs that way), so
the middleware below puts ours in its place; the handlers serve them when DEBUG is off.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static

# Set on the responses these views render, so the middleware knows a 404 is already ours.
OWN_PAGE = "daihoi_own_error_page"


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    response = render(request, "404.html", status=404)
    setattr(response, OWN_PAGE, True)
    return response


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else ""
    response = render(request, "403.html", {"message": message}, status=403)
    setattr(response, OWN_PAGE, True)
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid security token: most often a page left open past the session."""
    message = (
        "Biểu mẫu đã hết hiệu lực (trang mở quá lâu hoặc đã đăng xuất). "
        "Hãy tải lại trang và gửi lại."
    )
    response = render(request, "403.html", {"message": message}, status=403)
    setattr(response, OWN_PAGE, True)
    return response


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and bookmarks ask for /favicon.ico whatever the page links: send them our icon."""
    return HttpResponseRedirect(static("core/favicon.svg"), status=301)


class OwnErrorPagesMiddleware:
    """With DEBUG on, replaces Django's technical 404 page by ours (views' own 404s are kept)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and not getattr(response, OWN_PAGE, False)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return page_not_found(request)
        return response
