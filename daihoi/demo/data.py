"""The demo congresses as plain data: five preparations of a congress, written from public reports.

Dates are relative so the workspace feels live: `opens_in` counts days from today to the opening
day; a task's `due` counts days from today, its `d` counts days from the opening day (D−30 is -30);
a plan's `issued` and every story event's first number count days back from today.

The reports name only the leaders who chaired or spoke; everyone else is given an invented full
name with the post they hold in `titles`. A post is never used as a name: a notice signed by
"Lãnh đạo Sở Tài chính" is not an official document (`checks.py` refuses it).
"""

from collections.abc import Sequence
from typing import Any

PASSWORD = "daihoi2025"

# One record of the tables below: keys as the builders write them, values of mixed kinds.
Record = dict[str, Any]
# A story event: (kind, days ago, details).
Event = tuple[str, int, Record]


# Small builders, so each record reads as one line of a table ---------------------------------


def agency(
    key: str,
    name: str,
    code: str = "",
    parent: str | None = None,
    finance: bool = False,
    layout: str = "",
) -> Record:
    """`key` is the short name, unique in its congress; `parent` is another agency's key.

    An agency with a code issues documents; its layout is `layout`, else its parent's, else the
    congress's: the people's committees (UBND) and their departments write in the state layout
    even in a Party congress."""
    return {
        "key": key,
        "name": name,
        "code": code,
        "parent": parent,
        "finance": finance,
        "layout": layout,
    }


def person(full_name: str, titles: str, agency: str | None = None) -> Record:
    return {"full_name": full_name, "titles": titles, "agency": agency}


def committee(
    name: str,
    kind: str,
    functions: str,
    duties: list[str],
    members: list[tuple[str, str]],
    parent: str | None = None,
) -> Record:
    """`duties` is a list, one duty a line; `members` are (full_name, role) pairs."""
    return {
        "name": name,
        "kind": kind,
        "functions": functions,
        "duties": duties,
        "members": members,
        "parent": parent,
    }


def plan(
    key: str,
    number: int,
    issuer_code: str,
    issued: int,
    subject: str,
    issuer: str | None = None,
    committee: str | None = None,
    parent: str | None = None,
) -> Record:
    """`issued` is days before today; `parent` is the key of the plan this one concretises."""
    return {
        "key": key,
        "number": number,
        "issuer_code": issuer_code,
        "issued": issued,
        "subject": subject,
        "issuer": issuer,
        "committee": committee,
        "parent": parent,
    }


def task(
    title: str, lead: str, area: str, phase: str, *, story: Sequence[Event] = (), **fields: Any
) -> Record:
    """Optional: coord, appraise, leader, plan, committee, due, d, description, key (a key
    task, trọng tâm)."""
    return {"title": title, "lead": lead, "area": area, "phase": phase, "story": story, **fields}


# Story events: what happened to a task, oldest first; the first number is days ago.


def progress(
    days_ago: int, percent: int, text: str, obstacle: str = "", by: str | None = None
) -> Event:
    """A progress report; `by` is the reporting agency's key (the lead when omitted)."""
    return (
        "progress",
        days_ago,
        {"percent": percent, "text": text, "obstacle": obstacle, "by": by},
    )


def complete(days_ago: int, text: str) -> Event:
    """The lead agency reports the task complete (100%)."""
    return ("complete", days_ago, {"text": text})


def accept(days_ago: int, comment: str = "") -> Event:
    return ("accept", days_ago, {"comment": comment})


def appraisal_submit(days_ago: int, text: str) -> Event:
    """The lead agency sends its product to the appraising agency (thẩm định)."""
    return ("appraisal_submit", days_ago, {"text": text})


def appraisal_return(days_ago: int, opinion: str) -> Event:
    """The appraising agency returns the product with its opinion."""
    return ("appraisal_decide", days_ago, {"decision": "returned", "opinion": opinion})


def appraisal_approve(days_ago: int, opinion: str = "") -> Event:
    """The appraising agency approves the product; the lead may then report completion."""
    return ("appraisal_decide", days_ago, {"decision": "approved", "opinion": opinion})


def resolve(days_ago: int, note: str = "") -> Event:
    """The subcommittee settles the latest open obstacle of the task."""
    return ("resolve", days_ago, {"note": note})


def pause(days_ago: int, reason: str) -> Event:
    return ("paused", days_ago, {"reason": reason})


def cancel(days_ago: int, reason: str) -> Event:
    return ("cancelled", days_ago, {"reason": reason})


# Kon Tum XV ---------------------------------------------------------------------------------

_KT_SERVICE = "Tiểu ban Tổ chức phục vụ Đại hội"

KON_TUM: Record = {
    "key": "kontum",
    "organization": "Đảng bộ tỉnh Kon Tum",
    "name": "Đại hội đại biểu Đảng bộ tỉnh Kon Tum",
    "level": "province",
    "ordinal": 15,
    "term": (2020, 2025),
    "opens_in": 45,
    "lasts": 3,
    "venue": "",
    "place_name": "Kon Tum",
    "document_rules": "party",
    "secretariat": "VPTU",
    # Named sets the secretariat addresses as one (tasks, invitations, report requests).
    "groups": [
        (
            "Các sở, ngành tỉnh",
            ["Sở TC", "Sở VHTTDL", "Sở TTTT", "Sở XD", "Sở YT", "Sở GTVT"],
        ),
        ("Các cơ quan báo chí, phát thanh, truyền hình", ["Báo Kon Tum", "Đài PT-TH tỉnh"]),
    ],
    "agencies": [
        agency("Tỉnh ủy", "Tỉnh ủy Kon Tum", "TU"),
        agency("VPTU", "Văn phòng Tỉnh ủy", "VPTU", "Tỉnh ủy"),
        agency("BTGTU", "Ban Tuyên giáo Tỉnh ủy", "BTGTU", "Tỉnh ủy"),
        agency("BTCTU", "Ban Tổ chức Tỉnh ủy", "BTCTU", "Tỉnh ủy"),
        agency("Báo Kon Tum", "Báo Kon Tum", "BKT", "Tỉnh ủy"),
        agency("UBND tỉnh", "Ủy ban nhân dân tỉnh", "UBND", layout="state"),
        agency("VP UBND tỉnh", "Văn phòng UBND tỉnh", "VP", "UBND tỉnh"),
        agency("Sở TC", "Sở Tài chính", "STC", "UBND tỉnh", finance=True),
        agency("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "UBND tỉnh"),
        agency("Sở TTTT", "Sở Thông tin và Truyền thông", "STTTT", "UBND tỉnh"),
        agency("Sở XD", "Sở Xây dựng", "SXD", "UBND tỉnh"),
        agency("Sở YT", "Sở Y tế", "SYT", "UBND tỉnh"),
        agency("Sở GTVT", "Sở Giao thông vận tải", "SGTVT", "UBND tỉnh"),
        agency("Đài PT-TH tỉnh", "Đài Phát thanh - Truyền hình tỉnh", "PTTH", "UBND tỉnh"),
        agency("UBND TP Kon Tum", "UBND thành phố Kon Tum", "UBND-TP", "UBND tỉnh"),
        agency("CA tỉnh", "Công an tỉnh", "CAT"),
        agency("MTTQ tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "MTTQ"),
        agency("Điện lực Kon Tum", "Công ty Điện lực Kon Tum", "PCKT"),
    ],
    "people": [
        person(
            "Nguyễn Hữu Hải",
            "Phó Chủ tịch Thường trực UBND tỉnh, Trưởng Tiểu ban Tổ chức phục vụ Đại hội",
            "UBND tỉnh",
        ),
        person("Trần Văn Lộc", "Chánh Văn phòng Tỉnh ủy", "VPTU"),
        person("Lê Thị Hồng Nhung", "Trưởng Ban Tuyên giáo Tỉnh ủy", "BTGTU"),
        person("Phan Văn Thịnh", "Giám đốc Sở Tài chính", "Sở TC"),
        person(
            "Đinh Thị Thu Hà",
            "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
            "Sở VHTTDL",
        ),
        person(
            "Võ Minh Trí",
            "Giám đốc Sở Thông tin và Truyền thông",
            "Sở TTTT",
        ),
        person("Hồ Quang Vinh", "Giám đốc Công an tỉnh", "CA tỉnh"),
        person("Ngô Thị Bích Liên", "Giám đốc Sở Y tế", "Sở YT"),
        person("Huỳnh Tấn Phát", "Chủ tịch UBND thành phố Kon Tum", "UBND TP Kon Tum"),
        person("Đặng Văn Khoa", "Tổng Biên tập Báo Kon Tum", "Báo Kon Tum"),
        person(
            "Bùi Thị Kim Oanh",
            "Giám đốc Đài Phát thanh - Truyền hình tỉnh",
            "Đài PT-TH tỉnh",
        ),
        person("Nguyễn Thị Thanh Thủy", "Chuyên viên Phòng Tổng hợp, Văn phòng Tỉnh ủy", "VPTU"),
    ],
    "committees": [
        committee(
            _KT_SERVICE,
            "service",
            "Giúp Ban Thường vụ Tỉnh ủy chỉ đạo và tổ chức các mặt phục vụ Đại hội Đảng bộ tỉnh "
            "lần thứ XV: tuyên truyền, cơ sở vật chất, hậu cần, khánh tiết.",
            [
                "Theo dõi, đánh giá việc thực hiện Kế hoạch 06 về tuyên truyền Đại hội",
                "Theo dõi, đánh giá việc thực hiện Kế hoạch 09 về cơ sở vật chất phục vụ Đại hội",
                "Phân công nhiệm vụ cho từng thành viên và cơ quan của thành viên",
                "Tiếp nhận và tháo gỡ vướng mắc do các cơ quan, đơn vị báo cáo",
                "Chỉ đạo trang trí hội trường, pano, cờ trên các tuyến phố chính",
                "Chỉ đạo bố trí ăn, nghỉ, đi lại cho đại biểu và chương trình văn nghệ chào mừng",
            ],
            [
                ("Nguyễn Hữu Hải", "head"),
                ("Trần Văn Lộc", "standing_deputy"),
                ("Lê Thị Hồng Nhung", "deputy"),
                ("Phan Văn Thịnh", "member"),
                ("Đinh Thị Thu Hà", "member"),
                ("Võ Minh Trí", "member"),
                ("Hồ Quang Vinh", "member"),
                ("Ngô Thị Bích Liên", "member"),
                ("Huỳnh Tấn Phát", "member"),
                ("Đặng Văn Khoa", "member"),
                ("Bùi Thị Kim Oanh", "member"),
                ("Nguyễn Thị Thanh Thủy", "secretary"),
            ],
        ),
    ],
    "plans": [
        plan(
            "kh06",
            6,
            "TBPV",
            75,
            "Tuyên truyền Đại hội đại biểu Đảng bộ tỉnh lần thứ XV",
            issuer="Tỉnh ủy",
            committee=_KT_SERVICE,
        ),
        plan(
            "kh09",
            9,
            "TBPV",
            68,
            "Bảo đảm cơ sở vật chất phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XV",
            issuer="Tỉnh ủy",
            committee=_KT_SERVICE,
        ),
        plan(
            "tttt06",
            21,
            "STTTT",
            26,
            "Thực hiện Kế hoạch 06 của Tiểu ban về tuyên truyền Đại hội tại Sở Thông tin và "
            "Truyền thông",
            issuer="Sở TTTT",
            parent="kh06",
        ),
        plan(
            "bkt06",
            14,
            "BKT",
            33,
            "Tuyên truyền Đại hội Đảng bộ tỉnh lần thứ XV trên Báo Kon Tum",
            issuer="Báo Kon Tum",
            parent="kh06",
        ),
    ],
    "tasks": [
        # Kế hoạch 06 — tuyên truyền
        task(
            "Ban hành hướng dẫn nội dung tuyên truyền Đại hội Đảng bộ tỉnh lần thứ XV",
            "BTGTU",
            "propaganda",
            "before",
            coord=["Sở TTTT", "Báo Kon Tum", "Đài PT-TH tỉnh"],
            leader="Lê Thị Hồng Nhung",
            plan="kh06",
            due=-40,
            story=[
                progress(55, 50, "Đã dự thảo hướng dẫn, đang lấy ý kiến các cơ quan báo chí."),
                complete(43, "Hướng dẫn đã ban hành và gửi tới các cơ quan, đơn vị."),
                accept(41),
            ],
        ),
        task(
            "Biên soạn đề cương tuyên truyền về Đại hội cho báo cáo viên",
            "BTGTU",
            "propaganda",
            "before",
            leader="Lê Thị Hồng Nhung",
            plan="kh06",
            due=-20,
            story=[complete(25, "Đề cương đã in và phát cho báo cáo viên các cấp."), accept(22)],
        ),
        task(
            "Kiểm tra, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch 06",
            "BTGTU",
            "propaganda",
            "before",
            key=True,
            coord=["VPTU"],
            leader="Lê Thị Hồng Nhung",
            plan="kh06",
            due=-5,
            description="Nhiều nơi chưa có kế hoạch riêng và chưa tự kiểm tra; cần làm việc trực "
            "tiếp với từng đơn vị.",
            story=[
                progress(
                    12,
                    40,
                    "Đã làm việc với 9 trên 17 cơ quan; còn một số nơi chưa có kế hoạch riêng.",
                    obstacle="Một số cơ quan chưa cử đầu mối nên chưa thể bố trí lịch kiểm tra.",
                ),
            ],
        ),
        task(
            "Xây dựng kế hoạch cụ thể hóa Kế hoạch 06 tại Sở Thông tin và Truyền thông",
            "Sở TTTT",
            "propaganda",
            "before",
            appraise="BTGTU",
            plan="kh06",
            due=-30,
            story=[
                progress(34, 60, "Đã có dự thảo, đang chờ Ban Tuyên giáo góp ý."),
                appraisal_submit(
                    33,
                    "Dự thảo kế hoạch của Sở cụ thể hóa Kế hoạch 06: tuyên truyền trên Cổng "
                    "thông tin điện tử tỉnh, hệ thống thông tin cơ sở và mạng xã hội.",
                ),
                appraisal_return(
                    31,
                    "Bổ sung lịch đăng tải theo từng giai đoạn trước, trong và sau Đại hội; nêu "
                    "rõ bộ phận chịu trách nhiệm xử lý thông tin xấu, độc trên mạng.",
                ),
                appraisal_submit(29, "Đã bổ sung lịch đăng tải theo giai đoạn và phân công xử lý."),
                appraisal_approve(27, "Thống nhất nội dung kế hoạch; Sở ban hành theo thẩm quyền."),
                complete(26, "Kế hoạch của Sở đã ký ban hành."),
                accept(24),
            ],
        ),
        task(
            "Xây dựng kế hoạch cụ thể hóa Kế hoạch 06 tại Báo Kon Tum",
            "Báo Kon Tum",
            "propaganda",
            "before",
            appraise="BTGTU",
            plan="kh06",
            due=-30,
            story=[
                appraisal_submit(36, "Dự thảo kế hoạch mở chuyên mục chào mừng Đại hội trên Báo."),
                appraisal_approve(35),
                complete(33, "Kế hoạch của Báo đã ban hành."),
                accept(32),
            ],
        ),
        task(
            "Xây dựng kế hoạch cụ thể hóa Kế hoạch 06 tại Sở Văn hóa, Thể thao và Du lịch",
            "Sở VHTTDL",
            "propaganda",
            "before",
            appraise="BTGTU",
            plan="kh06",
            due=-10,
            story=[
                progress(15, 30, "Đang dự thảo; chưa thống nhất danh mục hoạt động nghệ thuật."),
                appraisal_submit(
                    2,
                    "Dự thảo kế hoạch tuyên truyền cổ động trực quan và chương trình nghệ thuật "
                    "chào mừng Đại hội; kèm danh mục địa điểm treo băng rôn, pa nô.",
                ),
            ],
        ),
        task(
            "Xây dựng kế hoạch cụ thể hóa Kế hoạch 06 tại UBND thành phố Kon Tum",
            "UBND TP Kon Tum",
            "propaganda",
            "before",
            appraise="BTGTU",
            plan="kh06",
            due=-3,
            story=[
                progress(10, 70, "Dự thảo đã qua Ban Tuyên giáo góp ý."),
                appraisal_submit(9, "Dự thảo kế hoạch của thành phố, đã tiếp thu góp ý."),
                appraisal_approve(6, "Đồng ý ban hành."),
                complete(4, "Kế hoạch của thành phố đã ký ban hành, gửi kèm bản chụp."),
            ],
        ),
        task(
            "Xây dựng phóng sự tuyên truyền về Đại hội Đảng bộ tỉnh lần thứ XV",
            "Đài PT-TH tỉnh",
            "propaganda",
            "before",
            coord=["Sở TTTT"],
            appraise="BTGTU",
            leader="Bùi Thị Kim Oanh",
            plan="kh06",
            due=5,
            story=[
                progress(
                    6,
                    60,
                    "Đã quay xong phần tư liệu về kết quả nhiệm kỳ; đang dựng hình.",
                    obstacle="Chưa có thiết bị ghi hình trên cao cho các cảnh toàn cảnh; đề nghị "
                    "hỗ trợ kinh phí thuê.",
                ),
            ],
        ),
        task(
            "Mở chuyên trang, chuyên mục chào mừng Đại hội trên Báo Kon Tum",
            "Báo Kon Tum",
            "press",
            "before",
            coord=["BTGTU"],
            plan="bkt06",
            d=-35,
            story=[progress(8, 50, "Chuyên mục đã đăng 12 bài, mỗi tuần thêm 3 bài.")],
        ),
        task(
            "Định hướng thông tin về Đại hội trên trang thông tin điện tử và mạng xã hội",
            "Sở TTTT",
            "press",
            "throughout",
            coord=["BTGTU", "CA tỉnh"],
            plan="tttt06",
            d=3,
            story=[progress(9, 30, "Đã gửi định hướng lần 1 cho các trang thông tin điện tử.")],
        ),
        task(
            "Cung cấp tư liệu ảnh về thành tựu nhiệm kỳ cho các cơ quan báo chí",
            "BTGTU",
            "propaganda",
            "before",
            coord=["Báo Kon Tum", "Đài PT-TH tỉnh"],
            plan="kh06",
            due=8,
            story=[complete(1, "Đã chuyển bộ 120 ảnh tư liệu cho Báo và Đài.")],
        ),
        task(
            "Tuyên truyền kết quả và Nghị quyết Đại hội sau khi bế mạc",
            "BTGTU",
            "propaganda",
            "after",
            coord=["Báo Kon Tum", "Đài PT-TH tỉnh", "Sở TTTT"],
            leader="Lê Thị Hồng Nhung",
            plan="kh06",
            d=30,
        ),
        task(
            "Tổ chức mít tinh chào mừng Đại hội tại quảng trường",
            "Sở VHTTDL",
            "culture",
            "before",
            coord=["BTGTU"],
            plan="kh06",
            d=-2,
            story=[cancel(15, "Không tổ chức; nội dung chào mừng gộp vào chương trình văn nghệ.")],
        ),
        # Kế hoạch 09 — cơ sở vật chất
        task(
            "Trang trí khánh tiết hội trường Đại hội",
            "VPTU",
            "ceremony",
            "before",
            key=True,
            coord=["Sở VHTTDL"],
            leader="Trần Văn Lộc",
            plan="kh09",
            d=-3,
            story=[progress(3, 20, "Đã thống nhất phương án trang trí sân khấu và tiền sảnh.")],
        ),
        task(
            "Treo pano, cờ Tổ quốc, cờ Đảng trên các tuyến phố chính của thành phố Kon Tum",
            "UBND TP Kon Tum",
            "ceremony",
            "before",
            coord=["Sở VHTTDL", "Điện lực Kon Tum"],
            leader="Huỳnh Tấn Phát",
            plan="kh09",
            due=6,
            description="Bảo đảm trang nghiêm, treo đúng vị trí đã được duyệt.",
            story=[
                progress(
                    4,
                    45,
                    "Đã treo cờ trên 6 trên 14 tuyến phố.",
                    obstacle="Một số vị trí pano trùng với công trình đang thi công; đề nghị Sở "
                    "Văn hóa, Thể thao và Du lịch xác định lại vị trí.",
                ),
            ],
        ),
        task(
            "Treo pano, cờ tuyên truyền tại trung tâm các huyện",
            "Sở VHTTDL",
            "ceremony",
            "before",
            plan="kh09",
            due=12,
        ),
        task(
            "Vệ sinh môi trường, chỉnh trang đô thị xanh, sạch, đẹp trước Đại hội",
            "UBND TP Kon Tum",
            "logistics",
            "before",
            coord=["Sở XD"],
            plan="kh09",
            d=-5,
        ),
        task(
            "Bố trí nơi ăn, nghỉ cho đại biểu dự Đại hội",
            "VPTU",
            "logistics",
            "before",
            key=True,
            coord=["Sở VHTTDL", "Sở TC"],
            leader="Trần Văn Lộc",
            plan="kh09",
            d=-10,
            story=[
                progress(
                    5,
                    40,
                    "Đã khảo sát 5 cơ sở lưu trú, đang thương thảo giá phòng.",
                    obstacle="Giá phòng cao hơn định mức chi hiện hành; đề nghị Sở Tài chính "
                    "hướng dẫn.",
                ),
            ],
        ),
        task(
            "Bố trí phương tiện đưa đón đại biểu",
            "VPTU",
            "logistics",
            "before",
            coord=["Sở GTVT"],
            plan="kh09",
            due=2,
        ),
        task(
            "Sửa chữa hệ thống âm thanh, ánh sáng, màn hình hội trường",
            "VPTU",
            "logistics",
            "before",
            coord=["Sở TTTT"],
            plan="kh09",
            due=-25,
            story=[
                progress(
                    35,
                    60,
                    "Đã thay loa hội trường; màn hình LED đang chờ linh kiện.",
                    obstacle="Nhà cung cấp giao linh kiện màn hình chậm.",
                ),
                resolve(28, "Đã đổi sang nhà cung cấp khác."),
                complete(20, "Hệ thống đã nghiệm thu, chạy thử ổn định."),
                accept(18),
            ],
        ),
        task(
            "Cải tạo, sơn sửa hội trường và khu vực đón tiếp đại biểu",
            "Sở XD",
            "logistics",
            "before",
            coord=["VPTU"],
            plan="kh09",
            due=-12,
            story=[
                complete(14, "Đã hoàn thành cải tạo và bàn giao cho Văn phòng Tỉnh ủy."),
                accept(13),
            ],
        ),
        task(
            "Bảo đảm cấp điện liên tục trong những ngày Đại hội",
            "Điện lực Kon Tum",
            "logistics",
            "during",
            coord=["CA tỉnh"],
            plan="kh09",
            d=0,
        ),
        task(
            "Chương trình văn hóa, văn nghệ chào mừng Đại hội",
            "Sở VHTTDL",
            "culture",
            "before",
            coord=["Đài PT-TH tỉnh"],
            appraise="BTGTU",
            leader="Đinh Thị Thu Hà",
            plan="kh09",
            d=-15,
            story=[progress(7, 35, "Kịch bản sơ bộ đã được duyệt; các đội đang tập luyện.")],
        ),
        task(
            "Tổ chức triển lãm ảnh ngoài trời về thành tựu của tỉnh",
            "Sở VHTTDL",
            "culture",
            "before",
            coord=["BTGTU"],
            plan="kh09",
            due=20,
            story=[pause(9, "Chờ Thường trực Tỉnh ủy cho ý kiến về địa điểm.")],
        ),
        # Kinh phí, an ninh, y tế, chỉ đạo chung
        task(
            "Thẩm định dự toán kinh phí phục vụ Đại hội",
            "Sở TC",
            "finance",
            "before",
            coord=["VPTU"],
            leader="Phan Văn Thịnh",
            due=-18,
            story=[complete(21, "Đã có văn bản thẩm định gửi Tiểu ban."), accept(20)],
        ),
        task(
            "Tổng hợp dự trù kinh phí của các cơ quan, đơn vị, báo cáo Tiểu ban",
            "Sở TC",
            "finance",
            "before",
            coord=["VPTU"],
            leader="Phan Văn Thịnh",
            due=-2,
            story=[
                progress(
                    6,
                    70,
                    "Đã nhận dự trù của 11 trên 15 đơn vị.",
                    obstacle="Còn 4 đơn vị chưa gửi dự trù; đề nghị Tiểu ban nhắc nhở.",
                ),
            ],
        ),
        task(
            "Hướng dẫn mức chi thuê chỗ ở cho đại biểu",
            "Sở TC",
            "finance",
            "before",
            coord=["VPTU"],
            due=4,
        ),
        task(
            "Phương án bảo đảm an ninh, trật tự trong thời gian diễn ra Đại hội",
            "CA tỉnh",
            "security",
            "throughout",
            coord=["VPTU"],
            leader="Hồ Quang Vinh",
            d=-20,
            story=[progress(10, 50, "Đã khảo sát địa điểm, đang hoàn thiện phương án.")],
        ),
        task(
            "Phương án y tế và phòng, chống dịch bệnh tại Đại hội",
            "Sở YT",
            "health",
            "during",
            coord=["VPTU"],
            leader="Ngô Thị Bích Liên",
            d=-5,
        ),
        task(
            "Tổng hợp khó khăn, vướng mắc của các thành viên, báo cáo Trưởng Tiểu ban",
            "VPTU",
            "general",
            "before",
            leader="Nguyễn Hữu Hải",
            committee=_KT_SERVICE,
            due=3,
        ),
    ],
}


# Hải Dương XVII -----------------------------------------------------------------------------

_HD_COMMITTEE = "Tiểu ban Tuyên truyền và Phục vụ Đại hội"

HAI_DUONG: Record = {
    "key": "haiduong",
    "organization": "Đảng bộ tỉnh Hải Dương",
    "name": "Đại hội đại biểu Đảng bộ tỉnh Hải Dương",
    "level": "province",
    "ordinal": 17,
    "term": (2020, 2025),
    "opens_in": 20,
    "lasts": 3,
    "venue": "",
    "place_name": "Hải Dương",
    "document_rules": "party",
    "secretariat": "VPTU",
    "agencies": [
        agency("Tỉnh ủy", "Tỉnh ủy Hải Dương", "TU"),
        agency("VPTU", "Văn phòng Tỉnh ủy", "VPTU", "Tỉnh ủy"),
        agency("BTGTU", "Ban Tuyên giáo Tỉnh ủy", "BTGTU", "Tỉnh ủy"),
        agency("Báo Hải Dương", "Báo Hải Dương", "BHD", "Tỉnh ủy"),
        agency("UBND tỉnh", "Ủy ban nhân dân tỉnh", "UBND", layout="state"),
        agency("VP UBND tỉnh", "Văn phòng UBND tỉnh", "VP", "UBND tỉnh"),
        agency("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "UBND tỉnh"),
        agency("Sở TC", "Sở Tài chính", "STC", "UBND tỉnh", finance=True),
        agency("Sở TTTT", "Sở Thông tin và Truyền thông", "STTTT", "UBND tỉnh"),
        agency("Sở YT", "Sở Y tế", "SYT", "UBND tỉnh"),
        agency("Đài PT-TH tỉnh", "Đài Phát thanh - Truyền hình tỉnh", "PTTH", "UBND tỉnh"),
        agency("CA tỉnh", "Công an tỉnh", "CAT"),
    ],
    "people": [
        person(
            "Nguyễn Dương Thái",
            "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng Đoàn Đại biểu Quốc hội tỉnh, "
            "Trưởng Tiểu ban Tuyên truyền và Phục vụ Đại hội",
            "UBND tỉnh",
        ),
        person("Phạm Văn Hưng", "Trưởng Ban Tuyên giáo Tỉnh ủy", "BTGTU"),
        person("Nguyễn Thị Minh Hằng", "Chánh Văn phòng Tỉnh ủy", "VPTU"),
        person(
            "Vũ Đức Thắng",
            "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
            "Sở VHTTDL",
        ),
        person("Trần Quang Huy", "Giám đốc Sở Tài chính", "Sở TC"),
        person("Đỗ Văn Sơn", "Tổng Biên tập Báo Hải Dương", "Báo Hải Dương"),
        person(
            "Lương Thị Thu Trang",
            "Giám đốc Đài Phát thanh - Truyền hình tỉnh",
            "Đài PT-TH tỉnh",
        ),
        person("Nguyễn Mạnh Cường", "Giám đốc Công an tỉnh", "CA tỉnh"),
        person("Phạm Thị Hải Yến", "Giám đốc Sở Y tế", "Sở YT"),
    ],
    "committees": [
        committee(
            _HD_COMMITTEE,
            "propaganda_service",
            "Giúp Ban Chấp hành, Thường trực Tỉnh ủy chỉ đạo công tác tuyên truyền và tổ chức "
            "phục vụ Đại hội Đảng bộ tỉnh lần thứ XVII.",
            [
                "Chỉ đạo tuyên truyền trước, trong và sau Đại hội",
                "Chỉ đạo trang trí, tuyên truyền trực quan, triển lãm và chương trình chào mừng",
                "Chỉ đạo báo chí mở chuyên trang, chuyên mục, số báo và phóng sự về Đại hội",
                "Bảo đảm cơ sở vật chất, hậu cần, an ninh trật tự, phòng chống dịch COVID-19",
                "Bố trí kinh phí cho các cơ quan, đơn vị thực hiện nhiệm vụ đúng tiến độ",
                "Nắm tình hình, giải quyết vấn đề phát sinh do thành viên báo cáo",
            ],
            [
                ("Nguyễn Dương Thái", "head"),
                ("Phạm Văn Hưng", "standing_deputy"),
                ("Nguyễn Thị Minh Hằng", "deputy"),
                ("Vũ Đức Thắng", "member"),
                ("Trần Quang Huy", "member"),
                ("Đỗ Văn Sơn", "member"),
                ("Lương Thị Thu Trang", "member"),
                ("Nguyễn Mạnh Cường", "member"),
                ("Phạm Thị Hải Yến", "member"),
            ],
        ),
    ],
    "plans": [
        plan(
            "hd-kh",
            3,
            "TBTTPV",
            80,
            "Tuyên truyền và phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII",
            issuer="Tỉnh ủy",
            committee=_HD_COMMITTEE,
        ),
        plan(
            "bhd",
            12,
            "BHD",
            27,
            "Thông tin, tuyên truyền Đại hội Đảng bộ tỉnh lần thứ XVII trên Báo Hải Dương",
            issuer="Báo Hải Dương",
            parent="hd-kh",
        ),
    ],
    "tasks": [
        # Ban Tuyên giáo Tỉnh ủy
        task(
            "Điều phối tuyên truyền về Đại hội ở cả ba giai đoạn: trước, trong và sau",
            "BTGTU",
            "propaganda",
            "throughout",
            coord=["Báo Hải Dương", "Đài PT-TH tỉnh", "Sở TTTT"],
            leader="Phạm Văn Hưng",
            plan="hd-kh",
            d=15,
            story=[
                progress(2, 60, "Các đợt tuyên truyền trước Đại hội đang triển khai đúng kế hoạch.")
            ],
        ),
        task(
            "Hướng dẫn các cấp ủy tuyên truyền Đại hội Đảng bộ tỉnh",
            "BTGTU",
            "propaganda",
            "before",
            plan="hd-kh",
            due=-30,
            story=[complete(35, "Đã ban hành hướng dẫn."), accept(33)],
        ),
        task(
            "Định hướng nội dung thông tin cho báo chí trong những ngày Đại hội",
            "BTGTU",
            "press",
            "during",
            coord=["Sở TTTT"],
            plan="hd-kh",
            d=-1,
        ),
        task(
            "Tuyên truyền Nghị quyết Đại hội sau khi bế mạc",
            "BTGTU",
            "propaganda",
            "after",
            coord=["Báo Hải Dương", "Đài PT-TH tỉnh"],
            plan="hd-kh",
            d=20,
        ),
        # Sở Văn hóa, Thể thao và Du lịch
        task(
            "Trang trí, tuyên truyền trực quan chào mừng Đại hội trên địa bàn tỉnh",
            "Sở VHTTDL",
            "ceremony",
            "before",
            leader="Vũ Đức Thắng",
            plan="hd-kh",
            due=4,
            story=[
                progress(
                    2,
                    55,
                    "Đã dựng pano tại các cửa ngõ; đang treo băng cờ nội thành.",
                    obstacle="Đơn vị in pano giao hàng chậm so với hợp đồng.",
                ),
            ],
        ),
        task(
            "Chuẩn bị triển lãm, trưng bày về thành tựu của tỉnh chào mừng Đại hội",
            "Sở VHTTDL",
            "culture",
            "before",
            coord=["BTGTU"],
            plan="hd-kh",
            due=-4,
            story=[progress(9, 70, "Đã tập hợp hiện vật và ảnh; đang dàn dựng gian trưng bày.")],
        ),
        task(
            "Chương trình nghệ thuật chào mừng Đại hội",
            "Sở VHTTDL",
            "culture",
            "before",
            coord=["Đài PT-TH tỉnh"],
            appraise="BTGTU",
            plan="hd-kh",
            d=-3,
            story=[progress(6, 40, "Đã chọn tiết mục, đang tập luyện.")],
        ),
        task(
            "Liên hoan văn nghệ quần chúng chào mừng Đại hội",
            "Sở VHTTDL",
            "culture",
            "before",
            plan="hd-kh",
            due=10,
            story=[pause(6, "Hạn chế tập trung đông người để phòng, chống dịch COVID-19.")],
        ),
        # Báo Hải Dương
        task(
            "Xây dựng chuyên trang, chuyên mục về Đại hội trên Báo Hải Dương",
            "Báo Hải Dương",
            "press",
            "before",
            coord=["BTGTU"],
            plan="bhd",
            due=-20,
            story=[complete(24, "Chuyên trang đã lên báo in và báo điện tử."), accept(22)],
        ),
        task(
            "Lập kế hoạch chi tiết của Báo Hải Dương phục vụ Đại hội",
            "Báo Hải Dương",
            "press",
            "before",
            plan="hd-kh",
            due=-28,
            story=[complete(25, "Kế hoạch chi tiết đã ban hành."), accept(25)],
        ),
        task(
            "Số báo đặc biệt chào mừng Đại hội",
            "Báo Hải Dương",
            "press",
            "during",
            leader="Đỗ Văn Sơn",
            plan="bhd",
            d=-1,
            story=[progress(2, 40, "Đã duyệt ma-két và phân công bài viết.")],
        ),
        # Đài Phát thanh - Truyền hình tỉnh
        task(
            "Dành thêm thời lượng phát sóng và mở chuyên mục riêng về Đại hội",
            "Đài PT-TH tỉnh",
            "press",
            "before",
            coord=["BTGTU"],
            plan="hd-kh",
            due=-18,
            story=[complete(15, "Chuyên mục đã phát sóng định kỳ hằng tuần."), accept(14)],
        ),
        task(
            "Xây dựng phóng sự chào mừng Đại hội Đảng bộ tỉnh lần thứ XVII",
            "Đài PT-TH tỉnh",
            "press",
            "before",
            appraise="BTGTU",
            leader="Lương Thị Thu Trang",
            plan="hd-kh",
            due=6,
            story=[
                progress(
                    4,
                    50,
                    "Đã hoàn thành kịch bản và quay tại 8 huyện.",
                    obstacle="Một số địa phương hạn chế ra vào do dịch, chưa quay được.",
                ),
            ],
        ),
        task(
            "Lập kế hoạch chi tiết của Đài Phát thanh - Truyền hình tỉnh phục vụ Đại hội",
            "Đài PT-TH tỉnh",
            "press",
            "before",
            plan="hd-kh",
            due=-10,
            story=[complete(3, "Kế hoạch chi tiết đã ký ban hành.")],
        ),
        # Văn phòng Tỉnh ủy
        task(
            "Hoàn thiện cơ sở vật chất hội trường và nơi làm việc của Đại hội",
            "VPTU",
            "logistics",
            "before",
            coord=["VP UBND tỉnh"],
            leader="Nguyễn Thị Minh Hằng",
            plan="hd-kh",
            due=-2,
            story=[
                progress(
                    2,
                    80,
                    "Đã sửa xong phòng họp tổ và khu đón tiếp.",
                    obstacle="Hệ thống điều hòa hội trường cần thay mới nhưng chưa có kinh phí.",
                ),
            ],
        ),
        task(
            "Bảo đảm hậu cần, ăn nghỉ và đưa đón đại biểu",
            "VPTU",
            "logistics",
            "during",
            coord=["VP UBND tỉnh"],
            plan="hd-kh",
            d=-2,
        ),
        task(
            "Bảo đảm an ninh, trật tự phục vụ Đại hội",
            "VPTU",
            "security",
            "throughout",
            coord=["CA tỉnh"],
            plan="hd-kh",
            d=0,
            story=[
                progress(8, 50, "Đã thống nhất với Công an tỉnh phương án bảo vệ.", by="CA tỉnh")
            ],
        ),
        task(
            "Phòng, chống dịch COVID-19 tại Đại hội",
            "VPTU",
            "health",
            "throughout",
            coord=["Sở YT"],
            plan="hd-kh",
            d=-5,
            story=[
                progress(
                    7,
                    40,
                    "Đã có phương án khử khuẩn và phân luồng đại biểu.",
                    obstacle="Chưa đủ vật tư xét nghiệm nhanh cho đại biểu và lực lượng phục vụ; "
                    "đề nghị Sở Y tế bổ sung.",
                ),
            ],
        ),
        # Sở Tài chính
        task(
            "Tham mưu bố trí kinh phí cho các nhiệm vụ tuyên truyền và phục vụ Đại hội",
            "Sở TC",
            "finance",
            "before",
            coord=["VPTU"],
            leader="Trần Quang Huy",
            plan="hd-kh",
            due=-12,
            story=[complete(14, "UBND tỉnh đã phê duyệt phương án kinh phí."), accept(12)],
        ),
        task(
            "Bổ sung kinh phí cho các nhiệm vụ phát sinh",
            "Sở TC",
            "finance",
            "before",
            coord=["VPTU"],
            plan="hd-kh",
            due=10,
            story=[progress(2, 20, "Đang tổng hợp đề nghị bổ sung của 3 đơn vị.")],
        ),
        task(
            "Báo cáo kết quả thực hiện nhiệm vụ của các thành viên Tiểu ban",
            "VPTU",
            "general",
            "before",
            leader="Nguyễn Dương Thái",
            committee=_HD_COMMITTEE,
            due=-7,
            story=[complete(8, "Đã tổng hợp báo cáo của các thành viên."), accept(6)],
        ),
    ],
}


# Bắc Ninh XX --------------------------------------------------------------------------------

_BN_COMMITTEE = "Tiểu ban Tổ chức phục vụ Đại hội"

BAC_NINH: Record = {
    "key": "bacninh",
    "organization": "Đảng bộ tỉnh Bắc Ninh",
    "name": "Đại hội đại biểu Đảng bộ tỉnh Bắc Ninh",
    "level": "province",
    "ordinal": 20,
    "term": (2020, 2025),
    "opens_in": 75,
    "lasts": 3,
    "venue": "",
    "place_name": "Bắc Ninh",
    "document_rules": "party",
    "secretariat": "VPTU",
    "agencies": [
        agency("Tỉnh ủy", "Tỉnh ủy Bắc Ninh", "TU"),
        agency("VPTU", "Văn phòng Tỉnh ủy", "VPTU", "Tỉnh ủy"),
        agency("BTGTU", "Ban Tuyên giáo Tỉnh ủy", "BTGTU", "Tỉnh ủy"),
        agency("Báo Bắc Ninh", "Báo Bắc Ninh", "BBN", "Tỉnh ủy"),
        agency("HĐND tỉnh", "Hội đồng nhân dân tỉnh", "HĐND", layout="state"),
        agency("UBND tỉnh", "Ủy ban nhân dân tỉnh", "UBND", layout="state"),
        agency("Sở TC", "Sở Tài chính", "STC", "UBND tỉnh", finance=True),
        agency("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "UBND tỉnh"),
        agency("Sở TTTT", "Sở Thông tin và Truyền thông", "STTTT", "UBND tỉnh"),
        agency("Đài PT-TH tỉnh", "Đài Phát thanh - Truyền hình tỉnh", "PTTH", "UBND tỉnh"),
        agency("CA tỉnh", "Công an tỉnh", "CAT"),
    ],
    "people": [
        person(
            "Đào Hồng Lan",
            "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Phó Bí thư Thường trực Tỉnh ủy, "
            "Trưởng Tiểu ban Tổ chức phục vụ Đại hội",
            "Tỉnh ủy",
        ),
        person("Nguyễn Quốc Chung", "Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh", "HĐND tỉnh"),
        person("Nguyễn Văn Thành", "Chánh Văn phòng Tỉnh ủy", "VPTU"),
        person("Lê Thị Thu Hương", "Trưởng Ban Tuyên giáo Tỉnh ủy", "BTGTU"),
        person("Ngô Đức Mạnh", "Giám đốc Sở Tài chính", "Sở TC"),
        person(
            "Trịnh Văn Hòa",
            "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
            "Sở VHTTDL",
        ),
        person("Đào Quang Trung", "Giám đốc Công an tỉnh", "CA tỉnh"),
        person("Nguyễn Thị Ngọc Ánh", "Tổng Biên tập Báo Bắc Ninh", "Báo Bắc Ninh"),
    ],
    "committees": [
        committee(
            _BN_COMMITTEE,
            "service",
            "Giúp Thường trực Tỉnh ủy và Ban Chấp hành khóa XIX điều hành mọi khâu phục vụ Đại "
            "hội lần thứ XX; giao việc cho từng lãnh đạo và thành viên Tiểu ban.",
            [
                "Soạn quy chế làm việc và kế hoạch tổ chức phục vụ Đại hội",
                "Chỉ đạo thực hiện kế hoạch phục vụ Đại hội",
                "Lên phương án thông tin về Đại hội trên báo chí, cổ động trực quan và biểu "
                "diễn nghệ thuật qua các giai đoạn",
                "Chỉ đạo các trang, mục, chương trình riêng và ấn phẩm về Đại hội",
                "Hướng dẫn tuyên truyền Đại hội Đảng bộ các cấp",
                "Lập kinh phí phục vụ Đại hội và hướng dẫn chế độ chi cho Đại hội các cấp",
                "Lập phương án giữ an ninh chính trị, trật tự an toàn xã hội",
                "Chuẩn bị cơ sở vật chất, phương tiện làm việc trước, trong và sau Đại hội",
                "Xử lý các việc phát sinh trong tổ chức Đại hội",
            ],
            [
                ("Đào Hồng Lan", "head"),
                ("Nguyễn Văn Thành", "standing_deputy"),
                ("Lê Thị Thu Hương", "member"),
                ("Ngô Đức Mạnh", "member"),
                ("Trịnh Văn Hòa", "member"),
                ("Đào Quang Trung", "member"),
                ("Nguyễn Thị Ngọc Ánh", "member"),
            ],
        ),
    ],
    "plans": [
        plan(
            "bn-kh",
            2,
            "TBPV",
            40,
            "Tổ chức phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020–2025",
            issuer="Tỉnh ủy",
            committee=_BN_COMMITTEE,
        ),
    ],
    "tasks": [
        task(
            "Tổng hợp góp ý của thành viên, hoàn thiện Kế hoạch tổ chức phục vụ Đại hội",
            "VPTU",
            "general",
            "before",
            leader="Đào Hồng Lan",
            committee=_BN_COMMITTEE,
            due=-20,
            description="Thành viên gửi góp ý về Văn phòng Tỉnh ủy để chỉnh lý kế hoạch.",
            story=[
                progress(30, 50, "Đã nhận góp ý của 5 trên 7 thành viên."),
                complete(22, "Kế hoạch đã hoàn thiện, trình Trưởng Tiểu ban ký."),
                accept(21),
            ],
        ),
        task(
            "Xây dựng Quy chế làm việc của Tiểu ban Tổ chức phục vụ Đại hội",
            "VPTU",
            "general",
            "before",
            committee=_BN_COMMITTEE,
            due=-35,
            story=[complete(30, "Quy chế đã được Tiểu ban thông qua."), accept(29)],
        ),
        task(
            "Phương án tuyên truyền Đại hội trên các phương tiện thông tin đại chúng",
            "BTGTU",
            "propaganda",
            "throughout",
            coord=["Sở TTTT", "Báo Bắc Ninh", "Đài PT-TH tỉnh"],
            leader="Lê Thị Thu Hương",
            plan="bn-kh",
            d=-45,
            story=[
                progress(10, 40, "Đã có dự thảo phương án, đang lấy ý kiến các cơ quan báo chí.")
            ],
        ),
        task(
            "Cổ động trực quan và biểu diễn nghệ thuật chào mừng Đại hội",
            "Sở VHTTDL",
            "ceremony",
            "throughout",
            coord=["BTGTU"],
            plan="bn-kh",
            d=5,
        ),
        task(
            "Mở trang, mục, chương trình riêng và phát hành ấn phẩm về Đại hội",
            "Báo Bắc Ninh",
            "press",
            "before",
            coord=["Đài PT-TH tỉnh"],
            appraise="BTGTU",
            plan="bn-kh",
            due=-8,
            story=[
                progress(
                    12,
                    60,
                    "Chuyên mục trên báo điện tử đã chạy; ấn phẩm in chưa triển khai.",
                    obstacle="Chưa được duyệt kinh phí in ấn phẩm đặc biệt.",
                ),
            ],
        ),
        task(
            "Hướng dẫn tuyên truyền Đại hội Đảng bộ các cấp",
            "BTGTU",
            "propaganda",
            "before",
            plan="bn-kh",
            due=-15,
            story=[
                complete(16, "Hướng dẫn đã gửi các huyện, thị, thành ủy và đảng ủy trực thuộc.")
            ],
        ),
        task(
            "Lập dự toán kinh phí phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XX",
            "Sở TC",
            "finance",
            "before",
            coord=["VPTU"],
            leader="Ngô Đức Mạnh",
            plan="bn-kh",
            due=5,
            story=[progress(4, 60, "Đã nhận dự trù của phần lớn đơn vị, đang cân đối.")],
        ),
        task(
            "Hướng dẫn chế độ chi phục vụ Đại hội Đảng bộ các cấp",
            "Sở TC",
            "finance",
            "before",
            coord=["VPTU"],
            plan="bn-kh",
            due=-10,
            story=[progress(20, 50, "Dự thảo hướng dẫn đang xin ý kiến Văn phòng Tỉnh ủy.")],
        ),
        task(
            "Phương án bảo đảm an ninh chính trị, trật tự an toàn xã hội phục vụ Đại hội",
            "CA tỉnh",
            "security",
            "throughout",
            coord=["VPTU"],
            leader="Đào Quang Trung",
            plan="bn-kh",
            d=-30,
        ),
        task(
            "Chuẩn bị cơ sở vật chất, phương tiện làm việc cho Đại hội",
            "VPTU",
            "logistics",
            "throughout",
            leader="Nguyễn Văn Thành",
            plan="bn-kh",
            d=-10,
        ),
        task(
            "Rà soát nhiệm vụ, lập dự trù kinh phí của Ban Tuyên giáo Tỉnh ủy gửi Sở Tài chính",
            "BTGTU",
            "finance",
            "before",
            coord=["Sở TC"],
            plan="bn-kh",
            due=-25,
            story=[complete(26, "Đã gửi dự trù kinh phí."), accept(24)],
        ),
        task(
            "Rà soát nhiệm vụ, lập dự trù kinh phí của Sở Văn hóa, Thể thao và Du lịch gửi Sở "
            "Tài chính",
            "Sở VHTTDL",
            "finance",
            "before",
            coord=["Sở TC"],
            plan="bn-kh",
            due=-25,
            story=[complete(19, "Đã gửi dự trù kinh phí."), accept(18)],
        ),
        task(
            "Rà soát nhiệm vụ, lập dự trù kinh phí của Công an tỉnh gửi Sở Tài chính",
            "CA tỉnh",
            "finance",
            "before",
            coord=["Sở TC"],
            plan="bn-kh",
            due=3,
        ),
        task(
            "Chương trình nghệ thuật chào mừng Đại hội",
            "Sở VHTTDL",
            "culture",
            "before",
            coord=["Đài PT-TH tỉnh"],
            plan="bn-kh",
            d=-2,
            story=[pause(5, "Chờ Thường trực Tỉnh ủy quyết định quy mô chương trình.")],
        ),
    ],
}


# The city congress XXV (the report does not name the city) ------------------------------------

_CITY_COMMITTEE = "Tiểu ban Văn kiện"
_CITY_SUPPORT = "Bộ phận giúp việc Tiểu ban Văn kiện"

CITY: Record = {
    "key": "thanhpho",
    "organization": "Đảng bộ Thành phố",
    "name": "Đại hội đại biểu Đảng bộ Thành phố",
    "level": "district",
    "ordinal": 25,
    "term": (2020, 2025),
    "opens_in": 30,
    "lasts": 2,
    "venue": "",
    "place_name": "",
    "document_rules": "party",
    "secretariat": "VPTU",
    "agencies": [
        agency("Thành ủy", "Thành ủy", "TU"),
        agency("VPTU", "Văn phòng Thành ủy", "VPTU", "Thành ủy"),
        agency("BTGTU", "Ban Tuyên giáo Thành ủy", "BTGTU", "Thành ủy"),
        agency("UBND TP", "Ủy ban nhân dân thành phố", "UBND", layout="state"),
        agency("VP HĐND-UBND", "Văn phòng HĐND và UBND thành phố", "VP", "UBND TP"),
        agency("MTTQ TP", "Ủy ban MTTQ Việt Nam thành phố", "MTTQ"),
        agency("Chi cục Thống kê", "Chi cục Thống kê thành phố", "CCTK"),
        agency("BTCTU", "Ban Tổ chức Thành ủy", "BTCTU", "Thành ủy"),
        agency(
            "Phòng TC-KH", "Phòng Tài chính - Kế hoạch thành phố", "TCKH", "UBND TP", finance=True
        ),
        agency("Phòng VH-TT", "Phòng Văn hóa và Thông tin thành phố", "VHTT", "UBND TP"),
        agency("CA TP", "Công an thành phố", "CATP"),
    ],
    "people": [
        person(
            "Vũ Văn Diện",
            "Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy, Trưởng Tiểu ban Văn kiện",
            "Thành ủy",
        ),
        person("Phạm Thị Thu Hiền", "Trưởng Ban Tuyên giáo Thành ủy", "BTGTU"),
        person("Trần Đức Long", "Chánh Văn phòng Thành ủy", "VPTU"),
        person("Lê Văn Quyết", "Chủ tịch UBND thành phố", "UBND TP"),
        person(
            "Vũ Thị Hoa",
            "Chủ tịch Ủy ban MTTQ Việt Nam thành phố",
            "MTTQ TP",
        ),
    ],
    "committees": [
        committee(
            _CITY_COMMITTEE,
            "documents",
            "Giúp Ban Chấp hành Đảng bộ Thành phố chuẩn bị các văn kiện trình Đại hội lần thứ "
            "XXV, bảo đảm tiến độ và chất lượng.",
            [
                "Thông qua quy chế làm việc và kế hoạch xây dựng văn kiện",
                "Phân định rõ phần việc của từng bộ phận, thành viên để không chồng chéo",
                "Tổng hợp số liệu, bảng biểu của các khối ngành cho báo cáo chính trị",
                "Tổng kết, đánh giá nhiệm kỳ và đề xuất phương hướng nhiệm kỳ tới",
                "Phối hợp giữa các đơn vị, tự tháo gỡ vướng mắc phát sinh",
            ],
            [
                ("Vũ Văn Diện", "head"),
                ("Phạm Thị Thu Hiền", "standing_deputy"),
                ("Lê Văn Quyết", "deputy"),
                ("Vũ Thị Hoa", "member"),
                ("Trần Đức Long", "member"),
            ],
        ),
        committee(
            _CITY_SUPPORT,
            "support_group",
            "Giúp Tiểu ban Văn kiện soạn thảo, tổng hợp và hoàn chỉnh các dự thảo.",
            [
                "Tiếp thu góp ý của đại biểu, hoàn chỉnh quy chế và kế hoạch của Tiểu ban",
                "Tổng hợp số liệu và dự thảo báo cáo chính trị",
            ],
            [("Trần Đức Long", "group_leader")],
            parent=_CITY_COMMITTEE,
        ),
    ],
    "plans": [
        plan(
            "vk",
            1,
            "TBVK",
            32,
            "Xây dựng văn kiện Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV, nhiệm kỳ 2020–2025",
            issuer="Thành ủy",
            committee=_CITY_COMMITTEE,
        ),
    ],
    "tasks": [
        task(
            "Tiếp thu góp ý, hoàn chỉnh Quy chế làm việc của Tiểu ban Văn kiện",
            "VPTU",
            "documents",
            "before",
            committee=_CITY_SUPPORT,
            leader="Vũ Văn Diện",
            due=-25,
            story=[complete(27, "Quy chế đã hoàn chỉnh theo góp ý."), accept(26)],
        ),
        task(
            "Hoàn chỉnh Kế hoạch triển khai nhiệm vụ của Tiểu ban Văn kiện",
            "VPTU",
            "documents",
            "before",
            committee=_CITY_SUPPORT,
            plan="vk",
            due=-25,
            story=[complete(22, "Kế hoạch đã hoàn chỉnh và ban hành."), accept(21)],
        ),
        task(
            "Tổng hợp số liệu, bảng biểu khối Đảng cho báo cáo chính trị",
            "VPTU",
            "documents",
            "before",
            plan="vk",
            due=-30,
            story=[complete(30, "Đã gửi số liệu khối Đảng."), accept(29)],
        ),
        task(
            "Tổng hợp số liệu, bảng biểu khối chính quyền cho báo cáo chính trị",
            "VP HĐND-UBND",
            "documents",
            "before",
            coord=["Chi cục Thống kê"],
            plan="vk",
            due=-30,
            story=[complete(27, "Đã gửi số liệu khối chính quyền."), accept(26)],
        ),
        task(
            "Tổng hợp số liệu, bảng biểu khối Mặt trận và đoàn thể cho báo cáo chính trị",
            "MTTQ TP",
            "documents",
            "before",
            plan="vk",
            due=-30,
            story=[
                progress(
                    28,
                    60,
                    "Đã có số liệu của Mặt trận và 3 đoàn thể.",
                    obstacle="Hai đoàn thể chưa gửi số liệu cả nhiệm kỳ.",
                ),
            ],
        ),
        task(
            "Dự thảo báo cáo chính trị trình Đại hội",
            "VPTU",
            "documents",
            "before",
            coord=["BTGTU", "VP HĐND-UBND"],
            leader="Vũ Văn Diện",
            plan="vk",
            d=-20,
            story=[progress(5, 45, "Đã có dự thảo lần 1 phần đánh giá nhiệm kỳ.")],
        ),
    ],
}


# Hà Nội serving the XIII national congress ----------------------------------------------------

_HN_GROUP = "Tổ công tác của Thành ủy phục vụ Đại hội XIII của Đảng"
_HN_SUBCOMMITTEE = "Tiểu ban Phục vụ Đại hội XIII của Đảng"

HA_NOI: Record = {
    "key": "hanoi",
    "organization": "Đảng Cộng sản Việt Nam",
    "name": "Đại hội đại biểu toàn quốc",
    "level": "national",
    "ordinal": 13,
    "term": (2021, 2026),
    "opens_in": 70,
    "lasts": 8,
    "venue": "Hà Nội",
    "place_name": "Hà Nội",
    "document_rules": "state",
    "secretariat": "VP UBND TP",
    "agencies": [
        agency("UBND TP", "UBND thành phố Hà Nội", "UBND"),
        agency("VP UBND TP", "Văn phòng UBND thành phố", "VP", "UBND TP"),
        agency("Thành ủy", "Thành ủy Hà Nội", "TU"),
        agency("VPTU", "Văn phòng Thành ủy", "VPTU", "Thành ủy"),
        agency("BDVTU", "Ban Dân vận Thành ủy", "BDVTU", "Thành ủy"),
        agency("BTGTU", "Ban Tuyên giáo Thành ủy", "BTGTU", "Thành ủy"),
        agency("MTTQ TP", "Ủy ban MTTQ Việt Nam thành phố Hà Nội", "MTTQ"),
        # The departments Kế hoạch 268/KH-UBND gives work to.
        agency("Sở TC", "Sở Tài chính", "STC", "UBND TP", finance=True),
        agency("Sở VHTT", "Sở Văn hóa và Thể thao", "SVHTT", "UBND TP"),
        agency("Sở TTTT", "Sở Thông tin và Truyền thông", "STTTT", "UBND TP"),
        agency("Sở YT", "Sở Y tế", "SYT", "UBND TP"),
        agency("Sở GTVT", "Sở Giao thông vận tải", "SGTVT", "UBND TP"),
        agency("Sở XD", "Sở Xây dựng", "SXD", "UBND TP"),
        agency("Sở CT", "Sở Công Thương", "SCT", "UBND TP"),
        agency("CA TP", "Công an thành phố Hà Nội", "CATP"),
        agency("BTL Thủ đô", "Bộ Tư lệnh Thủ đô Hà Nội", "BTLTĐ"),
    ],
    "people": [
        person(
            "Ngô Văn Quý",
            "Phó Chủ tịch UBND thành phố, Thành viên Tiểu ban Phục vụ Đại hội XIII của Đảng",
            "UBND TP",
        ),
        person("Đỗ Minh Quang", "Phó Bí thư Thường trực Thành ủy", "Thành ủy"),
        person("Phạm Quốc Bình", "Chánh Văn phòng UBND thành phố", "VP UBND TP"),
        person("Lê Thị Mai Anh", "Chánh Văn phòng Thành ủy", "VPTU"),
        person("Hoàng Văn Tùng", "Trưởng Ban Dân vận Thành ủy", "BDVTU"),
        person("Trần Thị Hải Vân", "Trưởng Ban Tuyên giáo Thành ủy", "BTGTU"),
        person(
            "Nguyễn Đức Toàn",
            "Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hà Nội",
            "MTTQ TP",
        ),
        person("Đặng Hữu Phúc", "Giám đốc Sở Tài chính", "Sở TC"),
        person("Nguyễn Thị Kim Dung", "Giám đốc Sở Văn hóa và Thể thao", "Sở VHTT"),
        person("Trương Minh Đức", "Giám đốc Sở Thông tin và Truyền thông", "Sở TTTT"),
        person("Bùi Thị Phương Lan", "Giám đốc Sở Y tế", "Sở YT"),
        person("Lưu Văn Thạch", "Phó Giám đốc Công an thành phố", "CA TP"),
    ],
    "committees": [
        committee(
            _HN_SUBCOMMITTEE,
            "service",
            "Tiểu ban ở Trung ương chỉ đạo công tác phục vụ Đại hội XIII; thành phố có thành "
            "viên tham gia.",
            ["Chỉ đạo các địa phương, đơn vị được giao nhiệm vụ phục vụ Đại hội XIII"],
            [("Ngô Văn Quý", "member")],
        ),
        committee(
            _HN_GROUP,
            "working_group",
            "Giúp Thành ủy chỉ đạo các nhiệm vụ thành phố được giao phục vụ Đại hội XIII của "
            "Đảng (đang trình Thường trực Thành ủy thành lập).",
            [
                "Chỉ đạo, đôn đốc các sở, ngành thực hiện Kế hoạch 268/KH-UBND",
                "Nắm tiến độ, báo cáo Thường trực Thành ủy và Tiểu ban Phục vụ Đại hội XIII",
            ],
            [
                ("Đỗ Minh Quang", "group_leader"),
                ("Ngô Văn Quý", "group_deputy"),
                ("Phạm Quốc Bình", "member"),
                ("Lê Thị Mai Anh", "member"),
                ("Hoàng Văn Tùng", "member"),
                ("Trần Thị Hải Vân", "member"),
                ("Nguyễn Đức Toàn", "member"),
            ],
        ),
    ],
    "plans": [
        plan(
            "kh268",
            268,
            "UBND",
            466,
            "Triển khai công tác phục vụ Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
            issuer="UBND TP",
        ),
    ],
    "tasks": [
        task(
            "Đôn đốc các sở, ngành hoàn thiện kế hoạch chi tiết thực hiện Kế hoạch 268",
            "VP UBND TP",
            "general",
            "before",
            coord=["BDVTU", "BTGTU"],
            leader="Ngô Văn Quý",
            plan="kh268",
            due=3,
            description="Kế hoạch của từng đơn vị nêu rõ tiến độ, thời gian và cách làm từng việc.",
            story=[progress(2, 50, "Đã nhận kế hoạch chi tiết của một nửa số đơn vị.")],
        ),
        task(
            "Tổng hợp danh sách lãnh đạo sở, ngành trực tiếp phụ trách nhiệm vụ phục vụ Đại hội",
            "VP UBND TP",
            "general",
            "before",
            plan="kh268",
            due=-2,
            story=[complete(3, "Mỗi đơn vị đã cử một lãnh đạo phụ trách."), accept(2)],
        ),
        task(
            "Tổng hợp báo cáo kết quả phục vụ Đại hội XIII của các sở, ngành",
            "VP UBND TP",
            "general",
            "before",
            leader="Ngô Văn Quý",
            plan="kh268",
            due=-1,
            story=[
                progress(
                    1,
                    60,
                    "Đã nhận báo cáo của phần lớn đơn vị.",
                    obstacle="Một số đơn vị chưa gửi báo cáo đúng hạn.",
                ),
            ],
        ),
        task(
            "Lấy ý kiến nhân dân góp ý xây dựng Đảng hướng tới Đại hội XIII",
            "MTTQ TP",
            "general",
            "before",
            coord=["BDVTU"],
            plan="kh268",
            due=20,
            story=[progress(3, 30, "Đã tổ chức 4 hội nghị lấy ý kiến với các tổ chức thành viên.")],
        ),
        task(
            "Tuyên truyền ý nghĩa và nội dung Đại hội XIII tới đoàn thể, trí thức và nhân dân",
            "MTTQ TP",
            "propaganda",
            "throughout",
            coord=["BTGTU"],
            plan="kh268",
            d=10,
        ),
        task(
            "Đề xuất tổ chức đoàn đại biểu nhân dân Thủ đô chúc mừng Đại hội",
            "MTTQ TP",
            "ceremony",
            "during",
            coord=["VPTU"],
            plan="kh268",
            d=-30,
        ),
        task(
            "Tham vấn các Ban Đảng Trung ương về việc phục vụ Đại hội XIII",
            "BDVTU",
            "general",
            "before",
            coord=["BTGTU"],
            plan="kh268",
            due=2,
            story=[complete(1, "Đã có văn bản trả lời của các Ban Đảng Trung ương.")],
        ),
        task(
            "Hướng dẫn sở, ngành, tổng công ty thực hiện nhiệm vụ tại Kế hoạch 268",
            "BTGTU",
            "general",
            "before",
            coord=["BDVTU"],
            plan="kh268",
            due=12,
        ),
        task(
            "Trình Thường trực Thành ủy việc thành lập Tổ công tác phục vụ Đại hội XIII",
            "VPTU",
            "general",
            "before",
            leader="Đỗ Minh Quang",
            committee=_HN_GROUP,
            due=-3,
            story=[complete(4, "Tờ trình đã gửi Thường trực Thành ủy."), accept(3)],
        ),
    ],
}


CONGRESSES: list[Record] = [KON_TUM, HAI_DUONG, BAC_NINH, CITY, HA_NOI]


# Demo logins: one per role. `congress` is a key above; agencies and people are looked up there.

USERS: list[Record] = [
    {
        "username": "admin",
        "full_name": "Quản trị hệ thống",
        "superuser": True,
        "role_label": "Quản trị hệ thống",
        "where": "Tất cả Đại hội",
        "participations": [],
    },
    {
        "username": "vanphong",
        "full_name": "Trần Thu Hà",
        "role_label": "Thường trực / Văn phòng",
        "where": "Văn phòng Tỉnh ủy Kon Tum; Thường trực ở cả 5 Đại hội",
        "participations": [
            {"congress": c["key"], "role": "secretariat", "agency": c["secretariat"]}
            for c in CONGRESSES
        ],
    },
    {
        "username": "truongtieuban",
        "full_name": "Nguyễn Hữu Hải",
        "role_label": "Lãnh đạo tiểu ban",
        "where": "Trưởng Tiểu ban Tổ chức phục vụ, Kon Tum",
        "participations": [
            {"congress": "kontum", "role": "leader", "person": "Nguyễn Hữu Hải"},
        ],
    },
    {
        "username": "donvi",
        "full_name": "Lê Minh Tuấn",
        "role_label": "Đầu mối cơ quan",
        "where": "Ban Tuyên giáo Tỉnh ủy Kon Tum",
        "participations": [{"congress": "kontum", "role": "agency", "agency": "BTGTU"}],
    },
    {
        "username": "donvi2",
        "full_name": "Phạm Thị Lan",
        "role_label": "Đầu mối cơ quan",
        "where": "Sở Tài chính Kon Tum",
        "participations": [{"congress": "kontum", "role": "agency", "agency": "Sở TC"}],
    },
    {
        "username": "thanhvien",
        "full_name": "Hoàng Văn Nam",
        "role_label": "Thành viên",
        "where": "Tiểu ban Tổ chức phục vụ, Kon Tum",
        "participations": [{"congress": "kontum", "role": "member"}],
    },
    {
        "username": "bientap",
        "full_name": "Đinh Thị Thu Trang",
        "role_label": "Biên tập viên",
        "where": "Cổng thông tin Đại hội, Kon Tum",
        "participations": [{"congress": "kontum", "role": "editor"}],
    },
    {
        # Linked to a delegate of the roster by the delegates' demo (`delegates_demo`).
        "username": "daibieu",
        "full_name": "Nguyễn Văn Hùng",
        "role_label": "Đại biểu",
        "where": "Đại biểu chính thức, Đại hội Kon Tum",
        "participations": [],
    },
]

# Logins of earlier demos that reach nothing useful any more: a database loaded before keeps the
# user, deactivated, without a role in any congress. (The editor's login serves the portal now.)
RETIRED_USERS: list[str] = []

# Who reports for an agency when it has a demo login of its own (congress key, agency key).
AGENCY_REPORTERS: dict[tuple[str, str], str] = {
    ("kontum", "BTGTU"): "donvi",
    ("kontum", "Sở TC"): "donvi2",
}
# Who accepts completed tasks in each congress (the secretariat login elsewhere).
ACCEPTORS: dict[str, tuple[str, str]] = {"kontum": ("truongtieuban", "leader")}
