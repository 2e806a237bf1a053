"""Portal objects built through the services, for this app's tests and the permission matrix."""

import datetime as dt

from captcha.models import CaptchaStore
from django.core.cache import cache

from daihoi.accounts.models import Role
from daihoi.consultation.tests.helpers import send_rule
from daihoi.core.dates import today as local_today
from daihoi.organizations.permissions import Access
from daihoi.testing.files import png_upload

from .. import services
from ..models import Article, Category, Kind, PublicConsultation


def editor(world) -> Access:
    return Access(world.users["editor"], world.congress, Role.EDITOR)


def drafter(world) -> Access:
    return Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)


def category(world, name: str = "Hoạt động chuẩn bị Đại hội") -> Category:
    return services.category_save(access=editor(world), name=name)


def published_article(
    world, title: str = "Tỉnh ủy họp bàn công tác chuẩn bị Đại hội", image=None
) -> Article:
    access = editor(world)
    article = services.article_save(
        image=image,
        access=access,
        fields=services.ArticleFields(
            kind=Kind.NEWS,
            title=title,
            summary="Ban Thường vụ nghe báo cáo tiến độ chuẩn bị.",
            body="Đoạn thứ nhất.\nĐoạn thứ hai.",
            category=category(world, f"Chuyên mục {title[:20]}"),
            image_alt="Quang cảnh hội nghị" if image else "",
        ),
    )
    return services.article_publish(access=access, article=article)


def open_public(world, *, days: int = 10) -> PublicConsultation:
    consultation = send_rule(world)
    draft = consultation.drafts.get()
    return services.public_consultation_open(
        access=drafter(world),
        draft=draft,
        title="Dự thảo Quy chế làm việc — lấy ý kiến nhân dân",
        closes_on=local_today() + dt.timedelta(days=days),
    )


def captcha_answer(client, url: str) -> dict[str, str]:
    """Opens the form page (which makes a new captcha) and reads its answer from the store, as
    a person reads the picture."""
    response = client.get(url)
    html = response.content.decode()
    key = html.split('name="captcha_0" value="', 1)[1].split('"', 1)[0]
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def portal_objects(world) -> dict:
    cache.clear()
    article = published_article(world, "Bài cho bảng quyền", image=png_upload())
    public = open_public(world)
    return {
        "article_id": article.pk,
        "category_id": article.category_id,
        "public_id": public.pk,
        "slug": "chuong-trinh",
        "theme_id": services.theme_create(
            access=drafter(world),
            public=public,
            title="Nhóm thử",
            comment_ids=[
                services.front_submission_enter(
                    access=drafter(world),
                    public=public,
                    name="Ủy ban MTTQ Việt Nam tỉnh",
                    email="mttq@example.vn",
                    entries=[services.FrontEntry(None, "Ý kiến tổng hợp")],
                )
                .comments.get()
                .pk
            ],
        ).pk,
    }
