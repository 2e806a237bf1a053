"""Demo of Kon Tum's public portal, built through the portal's services.

News of the preparations (the service subcommittee at work, flags and panels going up on the main
streets, an exhibition scheduled to open), the congress programme, a public document, the results
page kept as a draft until the congress votes; reader comments approved and waiting. And the draft
political report opened to the people section by section until a closing day, with citizens',
a delegate's and the Front's comments, one group already answered. Our own words throughout.
Idempotent: articles looked up by (congress, title), the public consultation by its draft's title.
"""

import datetime as dt
import io
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from daihoi.accounts.models import Role, User
from daihoi.consultation import services as consultation_services
from daihoi.consultation.models import Consultation
from daihoi.organizations.permissions import Access
from daihoi.portal import services
from daihoi.portal.models import (
    Article,
    Category,
    Kind,
    ReaderComment,
    Sender,
    Submission,
)

if TYPE_CHECKING:
    from .loader import _CongressLoader

CATEGORIES = ["Hoạt động chuẩn bị", "Tuyên truyền", "Văn kiện"]

# (kind, category, title, summary, body, hours from now to publish or None for a draft, colour)
ARTICLES = [
    (
        Kind.NEWS,
        "Hoạt động chuẩn bị",
        "Tiểu ban Tổ chức phục vụ phân công nhiệm vụ chuẩn bị Đại hội",
        "Các thành viên Tiểu ban nhận phần việc cụ thể và góp ý vào kế hoạch phục vụ Đại hội.",
        "Tiểu ban Tổ chức phục vụ Đại hội đã họp để giao việc cho từng thành viên: quy chế làm "
        "việc, kế hoạch phục vụ, phương án tuyên truyền, kinh phí và bảo đảm an ninh trật tự.\n"
        "Trưởng Tiểu ban đề nghị các thành viên tiếp tục nghiên cứu, gửi ý kiến về Văn phòng "
        "Tỉnh ủy để hoàn thiện kế hoạch trước phiên họp tới.",
        -50,
        (183, 28, 28),
    ),
    (
        Kind.NEWS,
        "Tuyên truyền",
        "Cờ Tổ quốc, cờ Đảng và pano chào mừng Đại hội trên các tuyến phố chính",
        "Thành phố Kon Tum hoàn thành treo cờ, pano tại các trục đường trung tâm.",
        "Các tuyến phố chính của thành phố đã được trang trí cờ Tổ quốc, cờ Đảng và pano cổ "
        "động, bảo đảm trang nghiêm, đúng vị trí.\n"
        "Sở Văn hóa, Thể thao và Du lịch kiểm tra từng cụm pano, đề nghị thay ngay những tấm "
        "bị bạc màu hoặc sai nội dung khẩu hiệu.",
        -20,
        (198, 40, 40),
    ),
    (
        Kind.NEWS,
        "Tuyên truyền",
        "Triển lãm ảnh về thành tựu của tỉnh nhiệm kỳ 2015–2020",
        "Triển lãm mở cửa tại Bảo tàng tỉnh trong những ngày diễn ra Đại hội.",
        "Gần 200 bức ảnh ghi lại những đổi thay của tỉnh được trưng bày tại Bảo tàng tỉnh.\n"
        "Triển lãm mở cửa miễn phí cho nhân dân và đại biểu dự Đại hội.",
        48,
        (21, 101, 192),
    ),
    (
        Kind.PROGRAMME,
        None,
        "Chương trình Đại hội đại biểu Đảng bộ tỉnh lần thứ XV",
        "Đại hội làm việc trong ba ngày, gồm phiên trù bị và phiên chính thức.",
        "Ngày thứ nhất: phiên trù bị, bầu Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách đại "
        "biểu; thông qua chương trình, quy chế làm việc.\n"
        "Ngày thứ hai: khai mạc phiên chính thức, trình bày Báo cáo chính trị, thảo luận tại tổ "
        "và hội trường.\n"
        "Ngày thứ ba: bầu Ban Chấp hành khóa mới, bầu đoàn đại biểu đi dự Đại hội cấp trên, "
        "thông qua Nghị quyết Đại hội, bế mạc.",
        -10,
        None,
    ),
    (
        Kind.DOCUMENT,
        "Văn kiện",
        "Tóm tắt dự thảo Báo cáo chính trị trình Đại hội",
        "Bản tóm tắt để cán bộ, đảng viên và nhân dân tìm hiểu trước khi góp ý.",
        "Dự thảo đánh giá kết quả nhiệm kỳ qua, nêu phương hướng, mục tiêu và các giải pháp chủ "
        "yếu cho nhiệm kỳ 2020–2025.\n"
        "Toàn văn dự thảo được công bố để lấy ý kiến nhân dân trên chuyên trang góp ý.",
        -5,
        None,
    ),
    (
        Kind.RESULT,
        None,
        "Kết quả bầu cử Ban Chấp hành Đảng bộ tỉnh khóa XV",
        "Sẽ đăng ngay khi Ban Kiểm phiếu công bố kết quả.",
        "Danh sách Ban Chấp hành khóa mới sẽ được cập nhật sau phiên bầu cử.",
        None,
        None,
    ),
]

COMMENTS = [
    # (article title, name, email, title, content, approved)
    (
        "Cờ Tổ quốc, cờ Đảng và pano chào mừng Đại hội trên các tuyến phố chính",
        "Y Nhung",
        "ynhung@example.vn",
        "Đường phố rực rỡ",
        "Khu vực đường Trần Hưng Đạo rất đẹp, mong giữ gìn đến hết Đại hội.",
        True,
    ),
    (
        "Cờ Tổ quốc, cờ Đảng và pano chào mừng Đại hội trên các tuyến phố chính",
        "Lê Văn Hùng",
        "hung.le@example.vn",
        "Một tấm pano bị rách",
        "Tấm pano ở ngã ba gần chợ bị gió làm rách góc, đề nghị kiểm tra.",
        False,
    ),
    (
        "Tiểu ban Tổ chức phục vụ phân công nhiệm vụ chuẩn bị Đại hội",
        "Nguyễn Thị Hoa",
        "hoa.nt@example.vn",
        "Mong đưa tin thường xuyên",
        "Đề nghị chuyên trang cập nhật tiến độ chuẩn bị hằng tuần.",
        True,
    ),
]

REPORT_TITLE = "Dự thảo Báo cáo chính trị trình Đại hội đại biểu Đảng bộ tỉnh lần thứ XV"
REPORT_BODY = "\n".join(
    [
        "Báo cáo đánh giá việc thực hiện Nghị quyết Đại hội nhiệm kỳ trước và đề ra phương hướng "
        "nhiệm kỳ 2020–2025.",
        "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2015–2020",
        "1. Kinh tế tăng trưởng khá, cơ cấu chuyển dịch đúng hướng; thu ngân sách vượt kế hoạch.",
        "2. Văn hóa, xã hội có tiến bộ; đời sống đồng bào dân tộc thiểu số được cải thiện.",
        "II. PHƯƠNG HƯỚNG, MỤC TIÊU NHIỆM KỲ 2020–2025",
        "1. Phát triển nông nghiệp ứng dụng công nghệ cao và dược liệu gắn với thương hiệu.",
        "2. Xây dựng đô thị Kon Tum xanh, sạch, đẹp; phát triển du lịch sinh thái.",
        "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
        "1. Nâng cao năng lực lãnh đạo của tổ chức đảng và chất lượng đội ngũ cán bộ.",
        "2. Cải cách hành chính, cải thiện môi trường đầu tư kinh doanh.",
    ]
)
# (section label or None, sender, name, email, text, approved)
PUBLIC_COMMENTS = [
    (
        "II.1",
        Sender.CITIZEN,
        "A Tâm",
        "atam@example.vn",
        "Nên nêu rõ vùng trồng sâm Ngọc Linh cần được bảo vệ và hỗ trợ giống cho người dân.",
        True,
    ),
    (
        "II.1",
        Sender.DELEGATE,
        "Phạm Minh Đức",
        "duc.pm@example.vn",
        "Bổ sung chỉ tiêu diện tích dược liệu đến năm 2025.",
        True,
    ),
    (
        "III.2",
        Sender.AGENCY,
        "Hội Doanh nghiệp tỉnh",
        "hoidn@example.vn",
        "Đề nghị nêu cụ thể thời gian giải quyết thủ tục đầu tư.",
        True,
    ),
    (
        None,
        Sender.CITIZEN,
        "Trần Văn Lực",
        "luc.tv@example.vn",
        "Dự thảo cần ngắn gọn hơn ở phần đánh giá kết quả.",
        False,
    ),
]


def _picture(colour: tuple[int, int, int]) -> SimpleUploadedFile:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 360), colour)
    draw = ImageDraw.Draw(image)
    draw.polygon(
        [
            (320, 80),
            (350, 170),
            (440, 170),
            (365, 220),
            (395, 300),
            (320, 250),
            (245, 300),
            (275, 220),
            (200, 170),
            (290, 170),
        ],
        fill=(249, 168, 37),
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile("anh-dai-hoi.png", buffer.getvalue(), "image/png")


def _editor(loader: "_CongressLoader") -> Access:
    return Access(loader.users["bientap"], loader.congress, Role.EDITOR)


def load_portal(loader: "_CongressLoader") -> int:
    """Kon Tum's portal; the other demo congresses keep theirs empty."""
    if loader.spec["key"] != "kontum":
        return 0
    User.objects.filter(username="bientap", is_active=False).update(is_active=True)
    created = _articles(loader)
    created += _public_consultation(loader)
    return created


def _articles(loader: "_CongressLoader") -> int:
    access = _editor(loader)
    existing = set(Article.objects.filter(congress=loader.congress).values_list("title", flat=True))
    if all(a[2] in existing for a in ARTICLES):
        return 0
    categories = {c.name: c for c in Category.objects.filter(congress=loader.congress)}
    for position, name in enumerate(CATEGORIES, start=1):
        if name not in categories:
            categories[name] = services.category_save(access=access, name=name, position=position)
    created = 0
    for kind, category, title, summary, body, hours, colour in ARTICLES:
        if title in existing:
            continue
        article = services.article_save(
            access=access,
            fields=services.ArticleFields(
                kind=kind,
                title=title,
                summary=summary,
                body=body,
                category=categories[category] if category else None,
                image_alt="Ngôi sao vàng trên nền đỏ, biểu trưng của Đại hội" if colour else "",
            ),
            image=_picture(colour) if colour else None,
        )
        created += 1
        if hours is None:
            continue
        at = timezone.now() + dt.timedelta(hours=hours)
        if hours > 0:
            services.article_publish(access=access, article=article, at=at)
        else:
            # Published earlier in the story: the time is the story's.
            services.article_publish(access=access, article=article)
            Article.objects.filter(pk=article.pk).update(published_at=at)
    for title, name, email, subject, content, approved in COMMENTS:
        article = Article.objects.get(congress=loader.congress, title=title)
        comment = services.comment_post(
            article=article, sent=services.Sent(name, email), title=subject, content=content
        )
        if approved:
            services.moderate(
                access=access, model=ReaderComment, ids=[comment.pk], decision="approve"
            )
    Article.objects.filter(congress=loader.congress, is_published=True).update(view_count=137)
    return created


def _public_consultation(loader: "_CongressLoader") -> int:
    if Consultation.objects.filter(congress=loader.congress, title=REPORT_TITLE).exists():
        return 0
    drafter = loader.secretariat
    consultation = consultation_services.consultation_send(
        access=drafter,
        title=REPORT_TITLE,
        kind="BC",
        drafting_agency=loader.agencies["BTGTU"],
        deadline=loader.today + dt.timedelta(days=20),
        body=REPORT_BODY,
        send_to=consultation_services.SendTo(
            agencies=[loader.agencies["MTTQ tỉnh"], loader.agencies["BTCTU"]]
        ),
    )
    draft = consultation_services.current_draft(consultation)
    public = services.public_consultation_open(
        access=drafter,
        draft=draft,
        title="Lấy ý kiến nhân dân vào dự thảo Báo cáo chính trị",
        intro="Mời cán bộ, đảng viên, nhân dân, đại biểu và các cơ quan, tổ chức góp ý vào từng "
        "phần của dự thảo.",
        closes_on=loader.today + dt.timedelta(days=20),
    )
    sections = {s.label: s for s in draft.sections.all()}
    approved = []
    for label, sender, name, email, text, ok in PUBLIC_COMMENTS:
        submission = services.public_comment_post(
            public=public,
            section=sections[label] if label else None,
            sent=services.Sent(name, email),
            sender=sender,
            text=text,
        )
        if ok:
            approved.append(submission.pk)
    editor = _editor(loader)
    services.moderate(access=editor, model=Submission, ids=approved, decision="approve")
    services.front_submission_enter(
        access=drafter,
        public=public,
        name="Ủy ban MTTQ Việt Nam tỉnh Kon Tum",
        email="mttq@kontum.example.vn",
        organisation="Tổng hợp ý kiến nhân dân qua các hội nghị ở cơ sở",
        entries=[
            services.FrontEntry(None, "Nhân dân đồng tình với bố cục và các mục tiêu của dự thảo."),
            services.FrontEntry(
                sections["III.1"].pk, "Cần chú trọng đào tạo cán bộ người dân tộc thiểu số."
            ),
        ],
    )
    medicinal = Submission.objects.filter(consultation=public, comments__section=sections["II.1"])
    theme = services.theme_create(
        access=drafter,
        public=public,
        title="Phát triển dược liệu, sâm Ngọc Linh",
        comment_ids=[c.pk for s in medicinal for c in s.comments.all()],
    )
    services.theme_resolve(
        access=drafter,
        public=public,
        theme=theme,
        resolution="accepted",
        reason="Bổ sung chỉ tiêu diện tích dược liệu và vùng bảo tồn sâm Ngọc Linh vào mục II.1.",
    )
    return 1
