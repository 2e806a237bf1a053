"""The JSON API at /api/v1/: one NinjaAPI, its routers per domain, the schema and the docs."""

from functools import cached_property
from typing import Any

from ninja import NinjaAPI, Swagger
from ninja.openapi.schema import OpenAPISchema

from . import errors
from .auth import SignedInSession, TokenAuth, TokenRateThrottle
from .routers import (
    accounts,
    agency_import,
    appraisal,
    ballots,
    budget,
    budget_norms,
    calendar,
    congresses,
    consultation,
    delegates,
    delegates_day,
    delegates_groups,
    detailed,
    discussion,
    discussion_synthesis,
    document_drafts,
    documents,
    explanations,
    history,
    incoming,
    intake,
    levels,
    levels_guidance,
    levels_rollup,
    levels_schedule,
    logistics,
    logistics_board,
    logistics_halls,
    logistics_lodging,
    materials,
    meeting_papers,
    meetings,
    organisation,
    planning,
    planning_views,
    portal,
    portal_drafting,
    portal_public,
    programme,
    programme_items,
    propaganda,
    propaganda_items,
    propaganda_media,
    reporting,
    reporting_files,
    speeches,
    speeches_mine,
    task_imports,
    trash,
    voting,
    webhooks,
    workspace,
)

DESCRIPTION = """API của hệ thống điều hành công tác chuẩn bị Đại hội.

Xác thực bằng khóa API cá nhân (menu tài khoản → "Khóa API"): gửi tiêu đề
`Authorization: Bearer dh_…`. Mỗi yêu cầu được thực hiện với đúng quyền của người sở hữu khóa
trong ứng dụng; đối tượng không được phép xem trả về 404. Khóa "Chỉ đọc" bị từ chối (403) mọi
thao tác ghi. Các trang của chính ứng dụng gọi API bằng phiên đăng nhập (cookie phiên), mọi
thao tác ghi kèm mã chống giả mạo `X-CSRFToken`. Danh sách phân trang bằng con trỏ (`cursor`,
`next`, `previous`). Lỗi nhập liệu
trả về 400 với `errors`: {trường: [thông báo]} bằng tiếng Việt như trên giao diện.
"""


class CongressAPI(NinjaAPI):
    """The API, its OpenAPI schema built once per process and prefix: it depends on the code
    alone, and building it for some 470 operations takes seconds. Callers read it, never change
    it."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        if path_prefix not in self._schemas:
            self._schemas[path_prefix] = super().get_openapi_schema(path_prefix=path_prefix)
        return self._schemas[path_prefix]

    @cached_property
    def _schemas(self) -> dict[str, OpenAPISchema]:
        return {}


api = CongressAPI(
    title="daihoi API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=[TokenAuth(), SignedInSession()],
    throttle=[TokenRateThrottle()],
    openapi_url="/schema/",
    docs_url="/docs/",
    docs=Swagger(settings={"persistAuthorization": True}),
)
errors.install(api)
api.add_router("/congresses", congresses.router)
api.add_router("/congresses", planning.router)
api.add_router("/congresses", planning_views.router)
api.add_router("/congresses", appraisal.router)
api.add_router("/congresses", detailed.router)
api.add_router("/congresses", organisation.router)
api.add_router("/congresses", meetings.router)
api.add_router("/congresses", meeting_papers.router)
api.add_router("/congresses", documents.router)
api.add_router("/congresses", document_drafts.router)
api.add_router("/congresses", incoming.router)
api.add_router("/congresses", reporting.router)
api.add_router("/congresses", reporting_files.router)
api.add_router("/congresses", task_imports.router)
api.add_router("/congresses", explanations.router)
api.add_router("/congresses", budget.router)
api.add_router("/congresses", budget_norms.router)
api.add_router("/congresses", levels.router)
api.add_router("/congresses", levels_schedule.router)
api.add_router("/congresses", levels_rollup.router)
api.add_router("/congresses", levels_guidance.router)
api.add_router("/congresses", workspace.router)
api.add_router("/congresses", accounts.router)
api.add_router("/congresses", agency_import.router)
api.add_router("/congresses", webhooks.router)
api.add_router("/congresses", history.router)
api.add_router("/tokens", webhooks.tokens_router)
api.add_router("/", intake.router)
api.add_router("/", calendar.router)

# Đại biểu (delegates, delegate_area)
api.add_router("/congresses", delegates.router)
api.add_router("/congresses", delegates_groups.router)
api.add_router("/congresses", delegates_day.router)

# Hậu cần (logistics)
api.add_router("/congresses", logistics.router)
api.add_router("/congresses", logistics_lodging.router)
api.add_router("/congresses", logistics_board.router)
api.add_router("/congresses", logistics_halls.router)

# Chương trình, phát biểu (programme, speeches)
api.add_router("/congresses", programme.router)
api.add_router("/congresses", programme_items.router)
api.add_router("/congresses", speeches.router)
api.add_router("/congresses", speeches_mine.router)

# Biểu quyết, bầu cử, thảo luận (voting, ballots, discussion)
api.add_router("/congresses", voting.router)
api.add_router("/congresses", ballots.router)
api.add_router("/congresses", discussion.router)
api.add_router("/congresses", discussion_synthesis.router)

# Tài liệu, lấy ý kiến, vận hành (materials, consultation, ops, audit)
api.add_router("/congresses", materials.router)
api.add_router("/congresses", consultation.router)
api.add_router("/congresses", trash.router)

# Tuyên truyền (propaganda)
api.add_router("/congresses", propaganda_items.router)
api.add_router("/congresses", propaganda.router)
api.add_router("/congresses", propaganda_media.router)

# Cổng thông tin (portal)
api.add_router("/congresses", portal.router)
api.add_router("/congresses", portal_drafting.router)
api.add_router("/portal", portal_public.router)
