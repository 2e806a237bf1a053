"""Errors as JSON: the same Vietnamese messages as the pages, field → messages."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from daihoi.core.exceptions import BusinessError, ConflictError, PermissionDenied

NOT_FOUND = "Không tìm thấy."
UNAUTHORISED = "Thiếu khóa API, hoặc khóa sai, đã hết hạn hay đã bị thu hồi."
TOO_MANY = "Quá nhiều yêu cầu từ khóa API này; hãy thử lại sau."
INVALID = "Dữ liệu gửi lên không hợp lệ."
WHOLE = "__all__"


class FieldErrors(Exception):
    """Input refused field by field: `{field: [messages]}` (`__all__` for the whole)."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors

    @classmethod
    def of_form(cls, form: forms.BaseForm) -> "FieldErrors":
        return cls({name: [str(m) for m in messages] for name, messages in form.errors.items()})

    @classmethod
    def of_business(cls, error: BusinessError) -> "FieldErrors":
        return cls({error.field or WHOLE: [error.message]})


# pydantic's error types, said in Vietnamese.
PYDANTIC_MESSAGES = {
    "missing": "Trường này là bắt buộc.",
    "int_parsing": "Hãy nhập một số nguyên.",
    "int_type": "Hãy nhập một số nguyên.",
    "bool_parsing": "Hãy chọn đúng hoặc sai (true/false).",
    "bool_type": "Hãy chọn đúng hoặc sai (true/false).",
    "string_type": "Hãy nhập chuỗi ký tự.",
    "date_from_datetime_parsing": "Ngày không hợp lệ, hãy nhập dạng yyyy-mm-dd.",
    "date_parsing": "Ngày không hợp lệ, hãy nhập dạng yyyy-mm-dd.",
    "date_type": "Ngày không hợp lệ, hãy nhập dạng yyyy-mm-dd.",
    "list_type": "Hãy gửi một danh sách.",
    "literal_error": "Giá trị không nằm trong các lựa chọn.",
    "enum": "Giá trị không nằm trong các lựa chọn.",
    "json_invalid": "Nội dung JSON không hợp lệ.",
    "model_attributes_type": "Nội dung gửi lên phải là một đối tượng JSON.",
    "dict_type": "Nội dung gửi lên phải là một đối tượng JSON.",
}


def _field_name(location: tuple[Any, ...]) -> str:
    # ("body", "payload", "title") → "title"; ("query", "status") → "status"
    parts = [str(p) for p in location if p not in ("body", "query", "path", "form", "file")]
    if parts and parts[0] in ("payload", "data", "filters"):
        parts = parts[1:]
    return ".".join(parts) or WHOLE


def _validation_errors(exc: ValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        message = PYDANTIC_MESSAGES.get(str(error.get("type")), "Giá trị không hợp lệ.")
        errors.setdefault(_field_name(tuple(error.get("loc", ()))), []).append(message)
    return errors


def install(api: NinjaAPI) -> None:
    def handler(
        status: int, body: Callable[[Any], dict[str, Any]]
    ) -> Callable[[HttpRequest, Any], HttpResponse]:
        def respond(request: HttpRequest, exc: Any) -> HttpResponse:
            return api.create_response(request, body(exc), status=status)

        return respond

    api.add_exception_handler(Http404, handler(404, lambda e: {"detail": NOT_FOUND}))
    api.add_exception_handler(
        FieldErrors, handler(400, lambda e: {"detail": INVALID, "errors": e.errors})
    )
    api.add_exception_handler(
        ValidationError,
        handler(400, lambda e: {"detail": INVALID, "errors": _validation_errors(e)}),
    )
    api.add_exception_handler(PermissionDenied, handler(403, lambda e: {"detail": e.message}))
    api.add_exception_handler(
        ConflictError,
        handler(409, lambda e: {"detail": e.message, "errors": {e.field or WHOLE: [e.message]}}),
    )
    api.add_exception_handler(
        BusinessError,
        handler(400, lambda e: {"detail": e.message, "errors": {e.field or WHOLE: [e.message]}}),
    )
    api.add_exception_handler(AuthenticationError, handler(401, lambda e: {"detail": UNAUTHORISED}))
    api.add_exception_handler(Throttled, handler(429, lambda e: {"detail": TOO_MANY}))

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, {"detail": exc.message}, status=exc.status_code)

    api.add_exception_handler(HttpError, http_error)
