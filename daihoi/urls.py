from django.contrib import admin
from django.urls import include, path

from daihoi.api.api import api
from daihoi.core import errors

admin.site.site_header = "Quản trị hệ thống Đại hội"
admin.site.site_title = "Quản trị"

handler403 = errors.permission_denied
handler404 = errors.page_not_found

urlpatterns = [
    path("", include("daihoi.ops.urls")),
    path("favicon.ico", errors.favicon),
    path("quan-tri/", admin.site.urls),
    path("api/v1/", api.urls),
    path("tai-khoan/khoa-api/", include("daihoi.api.urls")),
    path("tai-khoan/", include("daihoi.accounts.urls")),
    path("lich/", include("daihoi.meetings.calendar_urls")),
    path("thong-bao/", include("daihoi.notifications.urls")),
    path("captcha/", include("captcha.urls")),
    path("", include("daihoi.portal.urls")),
    path("dai-hoi/<int:congress_id>/van-ban/", include("daihoi.documents.urls")),
    path("dai-hoi/<int:congress_id>/cuoc-hop/", include("daihoi.meetings.urls")),
    path("dai-hoi/<int:congress_id>/lay-y-kien/", include("daihoi.consultation.urls")),
    path("dai-hoi/<int:congress_id>/chuong-trinh/bieu-quyet/", include("daihoi.voting.urls")),
    path("dai-hoi/<int:congress_id>/chuong-trinh/kiem-phieu/", include("daihoi.ballots.urls")),
    path("dai-hoi/<int:congress_id>/chuong-trinh/tai-lieu/", include("daihoi.materials.urls")),
    path("dai-hoi/<int:congress_id>/chuong-trinh/", include("daihoi.programme.urls")),
    path("dai-hoi/<int:congress_id>/kinh-phi/", include("daihoi.budget.urls")),
    path("dai-hoi/<int:congress_id>/nhap-van-ban/", include("daihoi.intake.urls")),
    path("dai-hoi/<int:congress_id>/bao-cao/", include("daihoi.reporting.urls")),
    path("dai-hoi/<int:congress_id>/thung-rac/", include("daihoi.audit.urls")),
    path("dai-hoi/<int:congress_id>/dai-bieu/toi/", include("daihoi.delegate_area.urls")),
    path("dai-hoi/<int:congress_id>/dai-bieu/", include("daihoi.delegates.urls")),
    path("dai-hoi/<int:congress_id>/thao-luan-to/", include("daihoi.discussion.urls")),
    path("dai-hoi/<int:congress_id>/cac-cap/", include("daihoi.levels.urls")),
    path("dai-hoi/<int:congress_id>/tuyen-truyen/", include("daihoi.propaganda.urls")),
    path("dai-hoi/<int:congress_id>/hom-nay/", include("daihoi.workspace.urls")),
    path("dai-hoi/<int:congress_id>/webhook/", include("daihoi.api.webhook_urls")),
    path("dai-hoi/<int:congress_id>/hau-can/", include("daihoi.logistics.urls")),
    path("dai-hoi/<int:congress_id>/", include("daihoi.speeches.urls")),
    path("dai-hoi/<int:congress_id>/", include("daihoi.planning.urls")),
    path("", include("daihoi.organizations.urls")),
]
