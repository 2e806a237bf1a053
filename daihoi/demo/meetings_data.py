"""Demo meetings: each report's meeting in its congress, with chair, body, attendance, numbered
conclusions, the tasks those conclusions gave and, where the report speaks of one, the notice.

Written in our own words from what the reports describe. `day` counts days from today (negative
in the past; "{ngày -4}" in a conclusion's words is that day written out), placed so that the
meeting comes before the work it gave and the notice after it. Hải Dương met on 21/9 for a
congress that opened on 14/10: D−23, with `opens_in` 20. Hà Nội's notice of 11/11 asked for
results by 12/11; the meeting is the day before the notice. The city's figures were due two days
after its first session (20/2, 32 days ago); Bắc Ninh's conference of 28/2 is 45 days ago, before
the plan it discussed; Kon Tum's report gives no date. Those congresses' real distance to the
opening day is longer than the demo's weeks, so their meetings sit where their story puts them.

A conclusion that assigns work names its task: a record built with `data.task` (the task exists
only because of the meeting) or the title of a task in the congress's `tasks` table (that task is
then created through the conclusion, never on its own). Idempotent: a meeting is looked up by
(congress, title) and left alone when it exists.
"""

from daihoi.meetings.models import Meeting

from .data import Record, task


def meeting(
    title: str,
    *,
    kind: str,
    committee: str | None,
    chair: str,
    day: int,
    hour: int,
    place: str,
    agencies: list[str],
    agenda: list[str],
    conclusions: list[tuple[str, Record | str | None]],
    present: list[str] | None = None,
    excused: dict[str, str] | None = None,
    minutes: str = "",
    notice: Record | None = None,
    invitation: Record | None = None,
    hours: int = 3,
) -> Record:
    """`present` defaults to the committee's members; `excused` maps a name to the reason."""
    return {
        "title": title,
        "kind": kind,
        "committee": committee,
        "chair": chair,
        "day": day,
        "hour": hour,
        "hours": hours,
        "place": place,
        "agencies": agencies,
        "agenda": agenda,
        "conclusions": conclusions,
        "present": present,
        "excused": excused or {},
        "minutes": minutes,
        "notice": notice,
        "invitation": invitation,
    }


_MEMBERS_AND_AGENCIES = "- Các thành viên Tiểu ban;\n- Các cơ quan, đơn vị liên quan;\n- Lưu: VT."

# Kon Tum XV ---------------------------------------------------------------------------------

KON_TUM = [
    meeting(
        "Phiên họp Tiểu ban Tổ chức phục vụ đánh giá Kế hoạch 06 và Kế hoạch 09",
        kind=Meeting.Kind.SUBCOMMITTEE,
        committee="Tiểu ban Tổ chức phục vụ Đại hội",
        chair="Nguyễn Hữu Hải",
        day=-12,
        hour=8,
        place="Phòng họp số 2, Văn phòng Tỉnh ủy",
        agencies=["BTGTU", "Sở TC", "Sở VHTTDL", "VPTU", "Báo Kon Tum", "UBND TP Kon Tum"],
        excused={"Hồ Quang Vinh": "Dự hội nghị của Bộ Công an"},
        agenda=[
            "Đánh giá kết quả thực hiện Kế hoạch 06 về tuyên truyền Đại hội",
            "Đánh giá việc bảo đảm cơ sở vật chất theo Kế hoạch 09",
            "Phân công nhiệm vụ thời gian tới",
        ],
        minutes=(
            "Các thành viên báo cáo tiến độ tuyên truyền và chuẩn bị cơ sở vật chất; một số "
            "cơ quan chưa có kế hoạch riêng cụ thể hóa Kế hoạch 06. Tiểu ban thảo luận giải "
            "pháp cho các việc còn chậm."
        ),
        conclusions=[
            (
                "Các cơ quan, đơn vị chưa có kế hoạch riêng khẩn trương ban hành kế hoạch cụ thể "
                "hóa Kế hoạch 06 của Tiểu ban tại cơ quan, đơn vị mình.",
                None,
            ),
            (
                "Thành ủy, UBND thành phố Kon Tum chỉ đạo vệ sinh môi trường, chỉnh trang đô thị "
                "các tuyến phố quanh hội trường Đại hội.",
                task(
                    "Vệ sinh môi trường, chỉnh trang các tuyến phố quanh hội trường Đại hội",
                    "UBND TP Kon Tum",
                    "logistics",
                    "before",
                    coord=["Sở XD"],
                    due=20,
                ),
            ),
            (
                "Sở Văn hóa, Thể thao và Du lịch hoàn thành chương trình văn nghệ chào mừng, tổng "
                "duyệt trước khai mạc ít nhất 5 ngày.",
                task(
                    "Hoàn thành và tổng duyệt chương trình văn nghệ chào mừng Đại hội",
                    "Sở VHTTDL",
                    "culture",
                    "before",
                    coord=["BTGTU"],
                    d=-5,
                ),
            ),
            (
                "Các thành viên Tiểu ban báo cáo ngay vướng mắc phát sinh về Tiểu ban qua hệ "
                "thống để được tháo gỡ kịp thời.",
                None,
            ),
        ],
        notice={
            "issuer": "VPTU",
            "signer": "Nguyễn Hữu Hải",
            "signer_title": "Trưởng Tiểu ban",
            "authority": "T/M TIỂU BAN",
            "recipients": _MEMBERS_AND_AGENCIES,
            "day": -11,
        },
    ),
    meeting(
        "Phiên họp Tiểu ban kiểm điểm công tác chuẩn bị hội trường và đón tiếp đại biểu",
        kind=Meeting.Kind.SUBCOMMITTEE,
        committee="Tiểu ban Tổ chức phục vụ Đại hội",
        chair="Nguyễn Hữu Hải",
        day=5,
        hour=14,
        hours=2,
        place="Hội trường Tỉnh ủy Kon Tum",
        agencies=["VPTU", "CA tỉnh", "Sở YT", "Sở GTVT", "Điện lực Kon Tum"],
        agenda=[
            "Kiểm tra hệ thống âm thanh, ánh sáng, màn hình hội trường",
            "Phương án đưa đón, ăn nghỉ của đại biểu",
            "Phương án y tế, an ninh trong những ngày diễn ra Đại hội",
        ],
        conclusions=[],
        invitation={
            "issuer": "VPTU",
            "signer": "Nguyễn Hữu Hải",
            "signer_title": "Trưởng Tiểu ban",
            "authority": "T/M TIỂU BAN",
            "recipients": "- Như thành phần mời;\n- Lưu: VT.",
        },
    ),
]

# Hải Dương XVII: the subcommittee's afternoon meeting of 21/9 ---------------------------------

HAI_DUONG = [
    meeting(
        "Phiên họp Tiểu ban Tuyên truyền và Phục vụ Đại hội về nhiệm vụ thời gian tới",
        kind=Meeting.Kind.SUBCOMMITTEE,
        committee="Tiểu ban Tuyên truyền và Phục vụ Đại hội",
        chair="Nguyễn Dương Thái",
        day=-3,
        hour=14,
        place="Phòng họp tầng 3, Trụ sở UBND tỉnh Hải Dương",
        agencies=["BTGTU", "VPTU", "Sở VHTTDL", "Sở TC", "Báo Hải Dương", "Đài PT-TH tỉnh"],
        excused={"Phạm Thị Hải Yến": "Trực chỉ đạo phòng, chống dịch COVID-19"},
        agenda=[
            "Các thành viên báo cáo kết quả thực hiện nhiệm vụ được phân công",
            "Giải pháp cho những việc còn vướng và nhiệm vụ từ nay đến Đại hội",
        ],
        minutes=(
            "Chủ tịch UBND tỉnh ghi nhận cố gắng của các thành viên. Thời gian đến Đại hội còn "
            "ngắn; từng thành viên báo cáo việc đã làm, nêu khó khăn và đề xuất cách khắc phục."
        ),
        conclusions=[
            (
                "Các thành viên Tiểu ban bám sát phần việc đã được phân công, phối hợp chặt chẽ "
                "với nhau để chủ động chỉ đạo cơ quan, đơn vị mình hoàn thành nhiệm vụ.",
                None,
            ),
            (
                "Ban Tuyên giáo Tỉnh ủy chủ trì, hướng dẫn và phối hợp tổ chức tuyên truyền về Đại "
                "hội trong cả ba giai đoạn trước, trong và sau Đại hội.",
                "Điều phối tuyên truyền về Đại hội ở cả ba giai đoạn: trước, trong và sau",
            ),
            (
                "Sở Văn hóa, Thể thao và Du lịch bắt tay ngay vào trang trí, tuyên truyền trực "
                "quan; chuẩn bị triển lãm, trưng bày và các chương trình chào mừng đúng kế hoạch.",
                "Trang trí, tuyên truyền trực quan chào mừng Đại hội trên địa bàn tỉnh",
            ),
            (
                "Báo Hải Dương, Đài Phát thanh - Truyền hình tỉnh mở rộng chuyên trang, chuyên "
                "mục, tăng thời lượng tin bài; lập kế hoạch chi tiết cho số báo chính và phóng "
                "sự chào mừng Đại hội.",
                "Số báo đặc biệt chào mừng Đại hội",
            ),
            (
                "Văn phòng Tỉnh ủy cùng các thành viên hoàn thiện cơ sở vật chất, hậu cần, an ninh "
                "trật tự và phòng, chống dịch COVID-19 phục vụ Đại hội.",
                "Hoàn thiện cơ sở vật chất hội trường và nơi làm việc của Đại hội",
            ),
            (
                "Sở Tài chính chủ động tham mưu bố trí kinh phí để các cơ quan, đơn vị làm đúng "
                "tiến độ.",
                "Bổ sung kinh phí cho các nhiệm vụ phát sinh",
            ),
            (
                "Trong khi thực hiện, các thành viên trao đổi thông tin kịp thời và báo cáo Tiểu "
                "ban những việc phát sinh để cùng giải quyết.",
                None,
            ),
        ],
    ),
]

# Bắc Ninh XX: the subcommittee's first working conference, on the morning of 28/2 ------------

BAC_NINH = [
    meeting(
        "Hội nghị triển khai nhiệm vụ của Tiểu ban Tổ chức phục vụ Đại hội",
        kind=Meeting.Kind.CONFERENCE,
        committee="Tiểu ban Tổ chức phục vụ Đại hội",
        chair="Đào Hồng Lan",
        day=-45,
        hour=8,
        place="Hội trường Tỉnh ủy Bắc Ninh",
        agencies=["VPTU", "BTGTU", "Sở TC", "Sở VHTTDL", "CA tỉnh", "Báo Bắc Ninh"],
        present=[
            "Nguyễn Quốc Chung",
            "Nguyễn Văn Thành",
            "Lê Thị Thu Hương",
            "Ngô Đức Mạnh",
            "Trịnh Văn Hòa",
            "Đào Quang Trung",
            "Nguyễn Thị Ngọc Ánh",
        ],
        agenda=[
            "Chức năng của Tiểu ban và phân công nhiệm vụ cho Trưởng, Phó trưởng Tiểu ban và "
            "các thành viên",
            "Góp ý dự thảo Kế hoạch tổ chức phục vụ Đại hội",
        ],
        minutes=(
            "Tiểu ban thống nhất chức năng tham mưu cho Thường trực Tỉnh ủy và Ban Chấp hành "
            "khóa XIX, phân công từng thành viên; các thành viên góp ý dự thảo kế hoạch."
        ),
        conclusions=[
            (
                "Các thành viên tiếp tục nghiên cứu, góp ý dự thảo Kế hoạch tổ chức phục vụ Đại "
                "hội và gửi về Văn phòng Tỉnh ủy để hoàn thiện.",
                "Tổng hợp góp ý của thành viên, hoàn thiện Kế hoạch tổ chức phục vụ Đại hội",
            ),
            (
                "Mỗi thành viên căn cứ chức năng, nhiệm vụ chỉ đạo cơ quan, đơn vị mình làm tốt "
                "phần việc được giao.",
                None,
            ),
            (
                "Các thành viên sớm rà soát khối lượng công việc được giao, lập dự trù kinh phí "
                "để Sở Tài chính tổng hợp, báo cáo.",
                "Lập dự toán kinh phí phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XX",
            ),
            (
                "Các thành viên chủ động phối hợp với các ngành, địa phương, đơn vị trong quá "
                "trình thực hiện.",
                None,
            ),
        ],
    ),
]

# The city's Tiểu ban Văn kiện, first session (20/2; the figures are due 22/2) -------------------

CITY = [
    meeting(
        "Phiên họp thứ nhất của Tiểu ban Văn kiện",
        kind=Meeting.Kind.SUBCOMMITTEE,
        committee="Tiểu ban Văn kiện",
        chair="Vũ Văn Diện",
        day=-32,
        hour=8,
        place="Phòng họp Thành ủy",
        agencies=["VPTU", "BTGTU", "VP HĐND-UBND", "MTTQ TP", "Chi cục Thống kê"],
        agenda=[
            "Góp ý dự thảo Quy chế làm việc và phân công thành viên Tiểu ban",
            "Thông qua Kế hoạch xây dựng văn kiện Đại hội lần thứ XXV",
        ],
        minutes=(
            "Các ý kiến đề nghị làm rõ phần việc của từng bộ phận, thành viên để không chồng "
            "chéo và nêu những nội dung cần tập trung. Tiểu ban thông qua dự thảo Quy chế làm "
            "việc và Kế hoạch xây dựng văn kiện."
        ),
        conclusions=[
            (
                "Bộ phận giúp việc tiếp thu đầy đủ ý kiến của các đại biểu để sớm hoàn chỉnh Quy "
                "chế làm việc của Tiểu ban.",
                "Tiếp thu góp ý, hoàn chỉnh Quy chế làm việc của Tiểu ban Văn kiện",
            ),
            (
                "Bộ phận giúp việc hoàn chỉnh Kế hoạch triển khai nhiệm vụ của Tiểu ban theo các "
                "ý kiến đã thống nhất.",
                "Hoàn chỉnh Kế hoạch triển khai nhiệm vụ của Tiểu ban Văn kiện",
            ),
            (
                "Các khối ngành, lĩnh vực hoàn thành tổng hợp số liệu, bảng biểu cho báo cáo chính "
                "trị chậm nhất ngày {ngày -30}.",
                None,
            ),
            (
                "Các bộ phận, thành viên bám sát quy chế, kế hoạch; phối hợp để tránh chồng chéo "
                "và chủ động tháo gỡ vướng mắc, bảo đảm tiến độ và chất lượng.",
                None,
            ),
        ],
    ),
]

# Hà Nội: the Vice-Chairman's meeting whose conclusions Notice 540/TB-VP conveyed ---------------

HA_NOI_MEETING = "Cuộc họp nghe báo cáo kết quả công tác tổ chức phục vụ Đại hội XIII của Đảng"

HA_NOI = [
    meeting(
        HA_NOI_MEETING,
        kind=Meeting.Kind.CONFERENCE,
        committee="Tiểu ban Phục vụ Đại hội XIII của Đảng",
        chair="Ngô Văn Quý",
        day=-6,
        hour=14,
        place="Phòng họp số 1, Trụ sở UBND thành phố",
        agencies=[
            "VP UBND TP",
            "VPTU",
            "BDVTU",
            "BTGTU",
            "MTTQ TP",
            "Sở TC",
            "Sở VHTT",
            "Sở TTTT",
            "CA TP",
            "Sở YT",
            "Sở GTVT",
        ],
        present=[
            "Đỗ Minh Quang",
            "Phạm Quốc Bình",
            "Lê Thị Mai Anh",
            "Hoàng Văn Tùng",
            "Trần Thị Hải Vân",
            "Nguyễn Đức Toàn",
            "Đặng Hữu Phúc",
            "Nguyễn Thị Kim Dung",
            "Trương Minh Đức",
            "Lưu Văn Thạch",
        ],
        excused={"Bùi Thị Phương Lan": "Trực chỉ đạo công tác y tế"},
        agenda=[
            "Các sở, ngành báo cáo kết quả thực hiện Kế hoạch 268/KH-UBND",
            "Những việc cần làm tiếp theo chỉ đạo của Tiểu ban Phục vụ Đại hội XIII",
        ],
        minutes=(
            "Các sở, ngành báo cáo việc đã làm theo Kế hoạch 268/KH-UBND. Phó Bí thư Thường trực "
            "Thành ủy dự và cho ý kiến về việc lập tổ công tác của Thành ủy."
        ),
        conclusions=[
            (
                "Ghi nhận các cơ quan, đơn vị đã chủ động, tích cực triển khai nhiệm vụ tại Kế "
                "hoạch số 268/KH-UBND của UBND thành phố.",
                None,
            ),
            (
                "Các sở, ban, ngành được giao nhiệm vụ chủ động xin ý kiến các cơ quan Trung ương "
                "và phối hợp với các đơn vị liên quan để thực hiện nhiệm vụ.",
                None,
            ),
            (
                "Từng đơn vị khẩn trương hoàn thiện kế hoạch chi tiết của mình, nêu rõ tiến độ, "
                "thời hạn và cách thực hiện từng nhiệm vụ.",
                "Đôn đốc các sở, ngành hoàn thiện kế hoạch chi tiết thực hiện Kế hoạch 268",
            ),
            (
                "Mỗi sở, ban, ngành phân công một đồng chí lãnh đạo trực tiếp phụ trách nhiệm vụ "
                "phục vụ Đại hội.",
                "Tổng hợp danh sách lãnh đạo sở, ngành trực tiếp phụ trách nhiệm vụ phục vụ "
                "Đại hội",
            ),
            (
                "Các đơn vị báo cáo kết quả thực hiện nhiệm vụ phục vụ Đại hội về Văn phòng UBND "
                "thành phố trước ngày {ngày -4}; Văn phòng UBND thành phố tổng hợp, báo cáo.",
                "Tổng hợp báo cáo kết quả phục vụ Đại hội XIII của các sở, ngành",
            ),
            (
                "Ủy ban MTTQ Việt Nam thành phố chủ trì, cùng các tổ chức thành viên tổ chức lấy ý "
                "kiến nhân dân góp ý xây dựng Đảng hướng tới Đại hội.",
                "Lấy ý kiến nhân dân góp ý xây dựng Đảng hướng tới Đại hội XIII",
            ),
            (
                "Ủy ban MTTQ Việt Nam thành phố tuyên truyền rộng rãi ý nghĩa, nội dung của Đại "
                "hội tới các đoàn thể, tổ chức xã hội nghề nghiệp, trí thức và nhân dân.",
                "Tuyên truyền ý nghĩa và nội dung Đại hội XIII tới đoàn thể, trí thức và nhân dân",
            ),
            (
                "Ủy ban MTTQ Việt Nam thành phố đề xuất với Thường trực Thành ủy phương án đoàn "
                "đại biểu nhân dân Thủ đô đến chúc mừng Đại hội.",
                "Đề xuất tổ chức đoàn đại biểu nhân dân Thủ đô chúc mừng Đại hội",
            ),
            (
                "Ban Dân vận Thành ủy, Ban Tuyên giáo Thành ủy kịp thời xin ý kiến các Ban Đảng "
                "Trung ương về công tác phục vụ Đại hội.",
                "Tham vấn các Ban Đảng Trung ương về việc phục vụ Đại hội XIII",
            ),
            (
                "Ban Tuyên giáo Thành ủy, Ban Dân vận Thành ủy hướng dẫn các sở, ngành, tổng công "
                "ty thực hiện nhiệm vụ được giao tại Kế hoạch số 268/KH-UBND.",
                "Hướng dẫn sở, ngành, tổng công ty thực hiện nhiệm vụ tại Kế hoạch 268",
            ),
            (
                "Văn phòng Thành ủy xin ý kiến Thường trực Thành ủy việc lập tổ công tác chỉ đạo "
                "các nhiệm vụ phục vụ Đại hội: một đồng chí Thường trực Thành ủy làm tổ trưởng, "
                "Phó Chủ tịch UBND thành phố làm tổ phó, thủ trưởng các đơn vị được giao việc là "
                "thành viên.",
                "Trình Thường trực Thành ủy việc thành lập Tổ công tác phục vụ Đại hội XIII",
            ),
        ],
        notice={
            "issuer": "VP UBND TP",
            "signer": "Phạm Quốc Bình",
            "signer_title": "CHÁNH VĂN PHÒNG",
            "authority": "",
            "recipients": "- Đồng chí Chủ tịch UBND thành phố;\n- Các Phó Chủ tịch UBND thành "
            "phố;\n- Văn phòng Thành ủy;\n- Các sở, ban, ngành liên quan;\n- Lưu: VT.",
            "day": -5,
            # The office had numbered 539 notices that year before this one.
            "number": 540,
        },
    ),
]

MEETINGS: dict[str, list[Record]] = {
    "kontum": KON_TUM,
    "haiduong": HAI_DUONG,
    "bacninh": BAC_NINH,
    "thanhpho": CITY,
    "hanoi": HA_NOI,
}
