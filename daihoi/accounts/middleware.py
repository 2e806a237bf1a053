"""Sends a user whose password someone else chose (a printed login slip) to "Đổi mật khẩu"
before anything else, until they have set their own."""

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse


class PasswordChangeRequired:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._open_paths: frozenset[str] | None = None

    def open_paths(self) -> frozenset[str]:
        """What such a user may still reach: the change form itself and signing out."""
        if self._open_paths is None:
            self._open_paths = frozenset(
                {reverse("accounts:password-change"), reverse("accounts:logout")}
            )
        return self._open_paths

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "password_change_required", False)
            and request.path not in self.open_paths()
        ):
            return self.to_change_form(request)
        return self.get_response(request)

    def to_change_form(self, request: HttpRequest) -> HttpResponse:
        target = reverse("accounts:password-change")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        if request.headers.get("HX-Request") == "true":
            # An HTMX fragment must not swap the form into a corner of the page: the browser is
            # sent to the form, unless it is already there (a fragment of the form's own page,
            # the header's badge, gets nothing, else it would reload the page for ever).
            response = HttpResponse(status=204)
            current = urlsplit(request.headers.get("HX-Current-URL", "")).path
            if current != reverse("accounts:password-change"):
                response["HX-Redirect"] = target
            return response
        return HttpResponseRedirect(target)
