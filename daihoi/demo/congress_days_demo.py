"""Kon Tum's congress days as a delegate meets them: the documents of each session (draft
political report, review report, draft resolution, the personnel list marked Mật…) made here as
real files — PDFs drawn with reportlab, Word files written with python-docx that the worker turns
into PDFs as it does any upload — and the demo delegate `daibieu` registered to speak at the
working session with the full text attached. The presidium's floor is on the opening session's
contributions, so the board opens on its speakers. The texts are the demo's own short drafts.
Everything goes through the materials and speeches services."""

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from daihoi.core.uploads import DOCX_CONTENT_TYPE
from daihoi.delegates.models import Delegate
from daihoi.documents.models import Confidentiality
from daihoi.materials import services as materials
from daihoi.materials.models import Material
from daihoi.materials.watermark import stamp_font
from daihoi.programme.models import Session
from daihoi.speeches import services as speeches
from daihoi.speeches.models import Floor, Speech

if TYPE_CHECKING:
    from .loader import _CongressLoader

PDF = "application/pdf"
Section = tuple[str, list[str]]
DRAFT = "Dự thảo "


@dataclass(frozen=True)
class DemoDocument:
    session: str
    title: str
    kind: str
    sections: list[Section]
    word: bool = False  # a Word file, converted by the worker
    mark: str = Confidentiality.NORMAL
    withdrawn: str = ""  # the reason, for a document withdrawn after upload


REPORT = [
    (
        "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2015 – 2020",
        [
            "Năm năm qua, trong bối cảnh nhiều khó khăn do thiên tai, dịch bệnh và giá nông sản "
            "biến động, Đảng bộ và nhân dân các dân tộc tỉnh Kon Tum đoàn kết, chủ động, đạt và "
            "vượt phần lớn các chỉ tiêu Nghị quyết đề ra; kinh tế tăng trưởng khá, quy mô nền kinh "
            "tế năm 2020 gần gấp đôi năm 2015.",
            "Nông nghiệp chuyển dịch theo hướng ứng dụng công nghệ cao; vùng trồng sâm Ngọc Linh "
            "và cây dược liệu được mở rộng dưới tán rừng; tỷ lệ che phủ rừng giữ trên 62%. Hạ "
            "tầng giao thông, thủy lợi, điện lưới đến các xã vùng sâu được đầu tư đáng kể.",
            "Văn hóa, xã hội có tiến bộ: tỷ lệ hộ nghèo giảm bình quân hơn 3% mỗi năm; trường "
            "học, trạm y tế đạt chuẩn tăng; bản sắc văn hóa các dân tộc, không gian văn hóa cồng "
            "chiêng được bảo tồn. Quốc phòng, an ninh được giữ vững, khu vực biên giới ổn định.",
        ],
    ),
    (
        "II. HẠN CHẾ, YẾU KÉM VÀ NGUYÊN NHÂN",
        [
            "Tăng trưởng chưa bền vững, quy mô kinh tế còn nhỏ; thu hút đầu tư ngoài ngân sách "
            "còn hạn chế; chất lượng nguồn nhân lực, nhất là ở vùng đồng bào dân tộc thiểu số, "
            "chưa đáp ứng yêu cầu. Công tác quản lý, bảo vệ rừng có nơi còn buông lỏng.",
            "Nguyên nhân chủ quan là một số cấp ủy, người đứng đầu chưa quyết liệt; phối hợp giữa "
            "các ngành, các cấp có lúc chưa chặt chẽ; cải cách hành chính còn chậm.",
        ],
    ),
    (
        "III. MỤC TIÊU, CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020 – 2025",
        [
            "Mục tiêu tổng quát: xây dựng Đảng bộ trong sạch, vững mạnh; phát huy sức mạnh khối "
            "đại đoàn kết các dân tộc; khai thác hiệu quả tiềm năng, lợi thế về rừng, dược liệu "
            "và du lịch sinh thái; phấn đấu đưa Kon Tum phát triển nhanh, bền vững.",
            "Một số chỉ tiêu chủ yếu: tốc độ tăng trưởng kinh tế bình quân từ 9% trở lên mỗi "
            "năm; tỷ lệ che phủ rừng ổn định trên 62%; tỷ lệ hộ nghèo giảm bình quân 3 – 4% mỗi "
            "năm; 100% thôn, làng có tổ chức đảng và chi bộ có đảng viên.",
        ],
    ),
    (
        "IV. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
        [
            "Tập trung ba khâu đột phá: hoàn thiện hạ tầng giao thông kết nối vùng; phát triển "
            "nông nghiệp ứng dụng công nghệ cao gắn với chuỗi giá trị sâm Ngọc Linh; nâng cao "
            "chất lượng nguồn nhân lực và đẩy mạnh chuyển đổi số trong cơ quan nhà nước.",
            "Tăng cường xây dựng, chỉnh đốn Đảng; phát triển đảng viên là người dân tộc thiểu "
            "số, người có uy tín trong cộng đồng; giữ vững quốc phòng, an ninh vùng biên giới.",
        ],
    ),
]

REVIEW = [
    (
        "I. ƯU ĐIỂM",
        [
            "Ban Chấp hành Đảng bộ tỉnh khóa XIV giữ vững nguyên tắc tập trung dân chủ, ban hành "
            "kịp thời các nghị quyết chuyên đề; chỉ đạo quyết liệt các nhiệm vụ trọng tâm, nhất "
            "là phát triển kinh tế nông nghiệp, giảm nghèo và bảo vệ rừng.",
            "Tập thể Ban Thường vụ đoàn kết, thống nhất; việc kiểm tra, giám sát được tăng "
            "cường, xử lý nghiêm các tổ chức đảng và đảng viên vi phạm.",
        ],
    ),
    (
        "II. HẠN CHẾ, KHUYẾT ĐIỂM",
        [
            "Việc cụ thể hóa một số nghị quyết còn chậm; sơ kết, tổng kết có lúc chưa kịp thời; "
            "công tác cán bộ ở một số địa phương còn lúng túng, chưa mạnh dạn bố trí cán bộ trẻ.",
        ],
    ),
    (
        "III. BÀI HỌC KINH NGHIỆM VÀ PHƯƠNG HƯỚNG KHẮC PHỤC",
        [
            "Phải bám sát thực tiễn, lắng nghe ý kiến của nhân dân; phân công rõ người, rõ việc, "
            "rõ thời hạn; người đứng đầu nêu gương và chịu trách nhiệm đến cùng về kết quả.",
        ],
    ),
]

RESOLUTION = [
    (
        "QUYẾT NGHỊ",
        [
            "1. Tán thành những nội dung cơ bản về đánh giá kết quả nhiệm kỳ 2015 – 2020 và "
            "phương hướng, mục tiêu, nhiệm vụ nhiệm kỳ 2020 – 2025 nêu trong Báo cáo chính trị.",
            "2. Thông qua Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành Đảng bộ tỉnh "
            "khóa XIV.",
            "3. Giao Ban Chấp hành Đảng bộ tỉnh khóa XV căn cứ Nghị quyết này xây dựng chương "
            "trình hành động, lãnh đạo tổ chức thực hiện thắng lợi Nghị quyết Đại hội.",
        ],
    ),
]

RULES = [
    (
        "Chương I. QUY ĐỊNH CHUNG",
        [
            "Điều 1. Đại hội làm việc theo nguyên tắc tập trung dân chủ, dưới sự điều hành của "
            "Đoàn Chủ tịch; các quyết định của Đại hội được biểu quyết theo đa số.",
            "Điều 2. Đại hội được tiến hành khi có ít nhất hai phần ba tổng số đại biểu được triệu "
            "tập có mặt.",
        ],
    ),
    (
        "Chương II. NHIỆM VỤ CỦA ĐẠI BIỂU",
        [
            "Điều 3. Đại biểu dự đầy đủ các phiên họp, điểm danh tại cửa hội trường, giữ gìn tài "
            "liệu Đại hội; tài liệu mật không được sao chụp hay mang ra khỏi nơi họp.",
            "Điều 4. Đại biểu muốn phát biểu đăng ký với Đoàn Thư ký, nêu chủ đề và tóm tắt nội "
            "dung; thời gian mỗi lượt phát biểu không quá 10 phút.",
        ],
    ),
]

AGENDA = [
    (
        "Ngày thứ nhất",
        [
            "Buổi sáng: phiên trù bị — bầu Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách đại "
            "biểu; thông qua chương trình và quy chế làm việc.",
            "Buổi chiều: phiên khai mạc — diễn văn khai mạc, Báo cáo chính trị, Báo cáo kiểm "
            "điểm, tham luận của các đoàn đại biểu.",
        ],
    ),
    (
        "Ngày thứ hai và thứ ba",
        [
            "Thảo luận tại tổ và tại hội trường các dự thảo văn kiện; bầu cử Ban Chấp hành Đảng "
            "bộ tỉnh khóa XV và đại biểu đi dự Đại hội toàn quốc; thông qua Nghị quyết; bế mạc.",
        ],
    ),
]

BALLOT_GUIDE = [
    (
        "Cách ghi phiếu bầu",
        [
            "Phiếu bầu in sẵn họ tên các đồng chí trong danh sách bầu cử theo thứ tự chữ cái. "
            "Muốn loại tên ai, đại biểu gạch ngang cả họ và tên người đó; không viết thêm tên.",
            "Phiếu gạch hết tên, phiếu bầu thừa số lượng Đại hội đã quyết định, phiếu không có "
            "dấu của Đại hội hoặc có ký hiệu riêng là phiếu không hợp lệ.",
        ],
    ),
]

WORKING = "Phiên làm việc thứ nhất"
DOCUMENTS = [
    DemoDocument("Phiên trù bị", "Chương trình làm việc của Đại hội", "rules", AGENDA),
    DemoDocument("Phiên trù bị", "Dự thảo Quy chế làm việc của Đại hội", "rules", RULES, True),
    DemoDocument(
        "Phiên khai mạc",
        "Dự thảo Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh khóa XIV trình Đại hội "
        "lần thứ XV",
        "political_report",
        REPORT,
    ),
    DemoDocument(
        "Phiên khai mạc",
        "Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành Đảng bộ tỉnh khóa XIV",
        "review_report",
        REVIEW,
    ),
    DemoDocument(
        WORKING,
        "Dự thảo Nghị quyết Đại hội (bản trình lần thứ nhất)",
        "resolution",
        RESOLUTION,
        withdrawn="Thay bằng bản đã tiếp thu ý kiến thảo luận tổ.",
    ),
    DemoDocument(
        WORKING,
        "Dự thảo Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV",
        "resolution",
        RESOLUTION,
        True,
    ),
    DemoDocument("Phiên bầu cử", "Hướng dẫn ghi phiếu bầu cử", "other", BALLOT_GUIDE),
]
PERSONNEL_TITLE = "Danh sách nhân sự đề cử Ban Chấp hành Đảng bộ tỉnh khóa XV"

SPEECH_TOPIC = "Giữ vững tỷ lệ che phủ rừng gắn với sinh kế của đồng bào"
SPEECH_TEXT = [
    "Kính thưa Đoàn Chủ tịch, thưa các đồng chí đại biểu,",
    "Tôi đồng tình với chỉ tiêu giữ tỷ lệ che phủ rừng trên 62% trong dự thảo Báo cáo chính "
    "trị và xin góp ba ý kiến.",
    "Thứ nhất, tăng mức khoán bảo vệ rừng cho cộng đồng thôn, làng; thứ hai, gắn trồng dược "
    "liệu dưới tán rừng với hợp tác xã để người dân có thu nhập ổn định; thứ ba, đầu tư chòi "
    "canh và đường băng cản lửa trước mùa khô.",
    "Xin trân trọng cảm ơn.",
]


def _pdf(
    title: str, sections: list[Section], *, mark: str = "", table: list | None = None
) -> bytes:
    """An A4 page in the Party layout's shape: the issuer and the Party's name at the head,
    the mark, the title, then the sections (and a table, for a list of people)."""
    font = stamp_font()
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=12.5,
        leading=17,
        alignment=TA_JUSTIFY,
        firstLineIndent=10 * mm,
        spaceAfter=5,
    )
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    big = ParagraphStyle("big", parent=centre, fontSize=14, leading=19, spaceBefore=8)
    head = ParagraphStyle("head", parent=body, firstLineIndent=0, spaceBefore=8)
    header = Table(
        [
            [
                Paragraph("ĐẢNG BỘ TỈNH KON TUM<br/>BAN CHẤP HÀNH", centre),
                Paragraph("ĐẢNG CỘNG SẢN VIỆT NAM<br/><i>Kon Tum, tháng 10 năm 2020</i>", centre),
            ]
        ],
        colWidths=[70 * mm, 95 * mm],
    )
    story: list = [header, Spacer(1, 6 * mm)]
    if title.startswith(DRAFT):
        mark, title = mark or "DỰ THẢO", title.removeprefix(DRAFT)
    if mark:
        story.append(Paragraph(mark, centre))
    story.append(Paragraph(title.upper(), big))
    for heading, paragraphs in sections:
        story.append(Paragraph(heading, head))
        story.extend(Paragraph(text, body) for text in paragraphs)
    if table:
        cell = ParagraphStyle("cell", parent=head, fontSize=10.5, leading=13, spaceBefore=0)
        cells = [[Paragraph(text, cell) for text in row] for row in table]
        grid = Table(cells, colWidths=[12 * mm, 55 * mm, 98 * mm], repeatRows=1)
        grid.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 10.5),
                ("GRID", (0, 0), (-1, -1), 0.4, (0.3, 0.3, 0.3)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
        story.append(grid)
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=30 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=title,
    ).build(story)
    return buffer.getvalue()


def _docx(title: str, sections: list[Section], *, issuer: str = "ĐẢNG BỘ TỈNH KON TUM") -> bytes:
    document = WordDocument()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    draft = "DỰ THẢO" if title.startswith(DRAFT) else ""
    for text in (issuer, draft, title.removeprefix(DRAFT).upper()):
        if not text:
            continue
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = True
    for heading, paragraphs in sections:
        document.add_paragraph().add_run(heading).bold = True
        for text in paragraphs:
            document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _upload(loader: "_CongressLoader", session: Session, doc: DemoDocument) -> Material:
    if doc.word:
        upload = SimpleUploadedFile(
            "tai-lieu.docx", _docx(doc.title, doc.sections), DOCX_CONTENT_TYPE
        )
    else:
        mark = "MẬT" if doc.mark != Confidentiality.NORMAL else ""
        upload = SimpleUploadedFile("tai-lieu.pdf", _pdf(doc.title, doc.sections, mark=mark), PDF)
    material = materials.material_upload(
        access=loader.secretariat,
        session=session,
        title=doc.title,
        kind=doc.kind,
        confidentiality=doc.mark,
        upload=upload,
    )
    if doc.withdrawn:
        materials.material_withdraw(
            access=loader.secretariat, material=material, reason=doc.withdrawn
        )
    return material


def _personnel(loader: "_CongressLoader", session: Session) -> Material:
    """The nominees as a table, from the roster's official delegates, marked Mật."""
    people = Delegate.objects.filter(
        congress=loader.congress, is_active=True, kind=Delegate.Kind.OFFICIAL
    ).order_by("name_key", "pk")[:15]
    rows = [["TT", "Họ và tên", "Chức vụ, đơn vị công tác"]] + [
        [str(n), d.full_name, ", ".join(p for p in (d.position, d.workplace) if p)]
        for n, d in enumerate(people, start=1)
    ]
    intro = [
        (
            "",
            [
                "Danh sách do Tiểu ban Nhân sự trình, xếp theo thứ tự chữ cái của tên; "
                "tài liệu mật, chỉ dùng tại phiên bầu cử và nộp lại sau phiên họp."
            ],
        )
    ]
    content = _pdf(PERSONNEL_TITLE, intro, mark="MẬT", table=rows)
    return materials.material_upload(
        access=loader.secretariat,
        session=session,
        title=PERSONNEL_TITLE,
        kind="personnel",
        confidentiality=Confidentiality.SECRET,
        upload=SimpleUploadedFile("nhan-su.pdf", content, PDF),
    )


def _daibieu_speaks(loader: "_CongressLoader", sessions: dict[str, Session]) -> int:
    """The demo delegate registers at the working session from their phone, their full text
    attached as a Word file; the presidium approves it."""
    from daihoi.organizations.models import Participation
    from daihoi.organizations.permissions import access_delegate

    account = (
        Participation.objects.filter(
            congress=loader.congress, user__username="daibieu", delegate__isnull=False
        )
        .select_related("user", "delegate")
        .first()
    )
    session = sessions.get(WORKING)
    if account is None or session is None or account.delegate is None:
        return 0
    if Speech.objects.filter(session=session, delegate=account.delegate).exists():
        return 0
    own = access_delegate(account.user, loader.congress.pk)
    text = _docx(SPEECH_TOPIC, [("", SPEECH_TEXT)], issuer="")
    speech = speeches.speech_register(
        access=own,
        session=session,
        delegate=account.delegate,
        source=Speech.Source.DELEGATE,
        fields=speeches.SpeechFields(
            topic=SPEECH_TOPIC,
            summary="Ba kiến nghị về khoán bảo vệ rừng, dược liệu dưới tán rừng và phòng cháy.",
            item=session.items.filter(title__startswith="Thảo luận").first(),
            text_file=SimpleUploadedFile("tham-luan-giu-rung.docx", text, DOCX_CONTENT_TYPE),
        ),
    )
    speeches.speech_approve(access=loader.secretariat, speech=speech)
    return 1


def load_congress_days(loader: "_CongressLoader") -> int:
    """Kon Tum's documents for delegates, daibieu's registration and the floor, when the
    documents are not there yet; returns how many records were made."""
    congress = loader.congress
    if loader.spec["key"] != "kontum" or Material.objects.filter(congress=congress).exists():
        return 0
    sessions = {s.title: s for s in Session.objects.filter(congress=congress)}
    if not sessions:
        return 0
    made = 0
    for doc in DOCUMENTS:
        if doc.session in sessions:
            _upload(loader, sessions[doc.session], doc)
            made += 1
    if "Phiên bầu cử" in sessions:
        _personnel(loader, sessions["Phiên bầu cử"])
        made += 1
    made += _daibieu_speaks(loader, sessions)
    opening = sessions.get("Phiên khai mạc")
    contributions = opening and opening.items.filter(title__startswith="Tham luận").first()
    if contributions and not Floor.objects.filter(congress=congress).exists():
        speeches.floor_set_item(access=loader.secretariat, item=contributions)
        made += 1
    return made
