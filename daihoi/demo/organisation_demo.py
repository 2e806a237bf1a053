"""Demo organisation: each committee's founding decision (a QĐ entered in the registry), what
the decision assigns each member (duties, areas, agencies followed), and the leader each agency
named to supervise its congress work, with its focal officers.

Written in our own words from what the reports describe: Kon Tum's Tiểu ban Tổ chức phục vụ
follows its plans on propaganda (Kế hoạch 06) and on facilities (Kế hoạch 09), its members
answering for their own agencies' part; Hải Dương's Tiểu ban Tuyên truyền và Phục vụ asks each
member to keep to the duties assigned to them. Some agencies are left without a named leader,
so the secretariat's list has something to chase. Idempotent: a committee with a founding
decision, a member with duties and an agency with a leader are left alone.
"""

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from daihoi.documents import services as document_services
from daihoi.organizations.models import Area, Committee, Participation, Person
from daihoi.organizations.services import committees as committee_services
from daihoi.organizations.services import leaders as leader_services
from daihoi.organizations.services import people as people_services

from .data import Record

if TYPE_CHECKING:
    from .loader import _CongressLoader


def founding(number: int, issued: int, issuer: str, subject: str) -> Record:
    """`issued` is days before today; `issuer` an agency key."""
    return {"number": number, "issued": issued, "issuer": issuer, "subject": subject}


def duty(lines: list[str], areas: Sequence[str] = (), agencies: Sequence[str] = ()) -> Record:
    return {"lines": lines, "areas": list(areas), "agencies": list(agencies)}


def leader(
    agency: str, name: str, titles: str = "", focal: Sequence[tuple[str, str]] = ()
) -> Record:
    """`name` is a person of the congress, or a new one of the agency with `titles`; `focal`
    are (full_name, titles) of its focal officers, added to the agency when missing."""
    return {"agency": agency, "name": name, "titles": titles, "focal": list(focal)}


_KT = "Tiểu ban Tổ chức phục vụ Đại hội"
_HD = "Tiểu ban Tuyên truyền và Phục vụ Đại hội"

ORGANISATION: dict[str, Record] = {
    "kontum": {
        "founding": {
            _KT: founding(
                412,
                110,
                "Tỉnh ủy",
                "Về việc thành lập Tiểu ban Tổ chức phục vụ Đại hội đại biểu Đảng bộ tỉnh "
                "lần thứ XV, nhiệm kỳ 2020 - 2025",
            ),
        },
        # A member the demo login "thanhvien" stands for, so their page has something to show.
        "extra_members": {
            _KT: [
                ("Hoàng Văn Nam", "Phó Chánh Văn phòng UBND tỉnh", "VP UBND tỉnh", "member"),
            ],
        },
        "logins": {"thanhvien": "Hoàng Văn Nam"},
        "duties": {
            _KT: {
                "Nguyễn Hữu Hải": duty(
                    [
                        "Điều hành chung hoạt động của Tiểu ban",
                        "Chủ trì các phiên họp đánh giá tiến độ, kết luận những việc còn vướng",
                    ],
                    [Area.GENERAL],
                ),
                "Trần Văn Lộc": duty(
                    [
                        "Thay Trưởng Tiểu ban giải quyết công việc hằng ngày",
                        "Tổng hợp tiến độ của các cơ quan, chuẩn bị nội dung các phiên họp",
                    ],
                    [Area.LOGISTICS],
                    ["VPTU", "VP UBND tỉnh"],
                ),
                "Lê Thị Hồng Nhung": duty(
                    ["Chỉ đạo thực hiện Kế hoạch 06 về tuyên truyền Đại hội"],
                    [Area.PROPAGANDA, Area.PRESS],
                    ["BTGTU", "Báo Kon Tum", "Đài PT-TH tỉnh"],
                ),
                "Phan Văn Thịnh": duty(
                    ["Bảo đảm kinh phí phục vụ Đại hội, thẩm định dự toán của các cơ quan"],
                    [Area.FINANCE],
                    ["Sở TC"],
                ),
                "Đinh Thị Thu Hà": duty(
                    ["Trang trí, cổ động trực quan và chương trình văn nghệ chào mừng"],
                    [Area.CULTURE, Area.CEREMONY],
                    ["Sở VHTTDL"],
                ),
                "Võ Minh Trí": duty(
                    ["Tuyên truyền trên mạng và hệ thống thông tin cơ sở"],
                    [Area.PRESS],
                    ["Sở TTTT"],
                ),
                "Hồ Quang Vinh": duty(
                    ["Bảo đảm an ninh, trật tự nơi diễn ra Đại hội và nơi ở của đại biểu"],
                    [Area.SECURITY],
                    ["CA tỉnh"],
                ),
                "Ngô Thị Bích Liên": duty(
                    ["Chăm sóc sức khỏe đại biểu, phòng chống dịch bệnh trong những ngày Đại hội"],
                    [Area.HEALTH],
                    ["Sở YT"],
                ),
                "Huỳnh Tấn Phát": duty(
                    ["Chỉnh trang đô thị, cờ và pano trên các tuyến phố chính của thành phố"],
                    [Area.CEREMONY],
                    ["UBND TP Kon Tum"],
                ),
                "Hoàng Văn Nam": duty(
                    ["Theo dõi việc sửa chữa hội trường, điện, nước và đường vào khu Đại hội"],
                    [Area.LOGISTICS],
                    ["Sở XD", "Sở GTVT", "Điện lực Kon Tum"],
                ),
                "Nguyễn Thị Thanh Thủy": duty(
                    ["Ghi biên bản các phiên họp, nhận báo cáo tiến độ của các cơ quan"],
                ),
            },
        },
        "leaders": [
            leader(
                "BTGTU",
                "Nguyễn Văn Hòa",
                "Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
                [("Lê Minh Tuấn", "Chuyên viên Phòng Tuyên truyền, Ban Tuyên giáo Tỉnh ủy")],
            ),
            leader(
                "Sở TC",
                "Phan Văn Thịnh",
                focal=[("Phạm Thị Lan", "Phó Trưởng phòng Quản lý ngân sách, Sở Tài chính")],
            ),
            leader("Sở VHTTDL", "Đinh Thị Thu Hà"),
            leader("CA tỉnh", "Trần Minh Quang", "Phó Giám đốc Công an tỉnh"),
            leader("Sở YT", "Ngô Thị Bích Liên"),
        ],
    },
    "haiduong": {
        "founding": {
            _HD: founding(
                1206,
                95,
                "Tỉnh ủy",
                "Về việc thành lập Tiểu ban Tuyên truyền và Phục vụ Đại hội đại biểu Đảng bộ tỉnh "
                "lần thứ XVII",
            ),
        },
        "duties": {
            _HD: {
                "Nguyễn Dương Thái": duty(["Chỉ đạo chung các mặt tuyên truyền và phục vụ"]),
                "Phạm Văn Hưng": duty(
                    ["Chỉ đạo tuyên truyền trước, trong và sau Đại hội"],
                    [Area.PROPAGANDA, Area.PRESS],
                    ["BTGTU", "Báo Hải Dương", "Đài PT-TH tỉnh"],
                ),
                "Nguyễn Thị Minh Hằng": duty(
                    ["Hậu cần, nơi ăn nghỉ và đưa đón đại biểu"], [Area.LOGISTICS], ["VPTU"]
                ),
                "Nguyễn Mạnh Cường": duty(
                    ["An ninh trật tự, phòng chống dịch COVID-19 tại khu vực Đại hội"],
                    [Area.SECURITY, Area.HEALTH],
                    ["CA tỉnh", "Sở YT"],
                ),
            },
        },
        "leaders": [leader("Sở VHTTDL", "Vũ Đức Thắng")],
    },
}


def load_organisation(loader: "_CongressLoader") -> int:
    """Fills in what is missing; returns how many changes were made."""
    spec = ORGANISATION.get(loader.spec["key"])
    if spec is None:
        return 0
    made = _extra_members(loader, spec)
    for name, decision in spec.get("founding", {}).items():
        made += _founding(loader, loader.committees[name], decision)
    for name, members in spec.get("duties", {}).items():
        made += _duties(loader, loader.committees[name], members)
    for row in spec.get("leaders", []):
        made += _leader(loader, row)
    return made


def _person(loader: "_CongressLoader", name: str, titles: str, agency_key: str) -> Person:
    person = loader.people.get(name)
    if person is None:
        person = Person.objects.filter(congress=loader.congress, full_name=name).first()
    if person is None:
        person = people_services.person_create(
            access=loader.secretariat,
            full_name=name,
            titles=titles,
            agency=loader.agencies[agency_key],
        )
    loader.people[name] = person
    return person


def _extra_members(loader: "_CongressLoader", spec: Record) -> int:
    made = 0
    for name, members in spec.get("extra_members", {}).items():
        committee = loader.committees[name]
        for full_name, titles, agency_key, role in members:
            person = _person(loader, full_name, titles, agency_key)
            if not committee.memberships.filter(person=person).exists():
                committee_services.membership_add(
                    access=loader.secretariat,
                    committee=committee,
                    person=person,
                    duties=committee_services.MemberDuties(role=role),
                )
                made += 1
    for username, full_name in spec.get("logins", {}).items():
        made += Participation.objects.filter(
            user=loader.users[username], congress=loader.congress, person__isnull=True
        ).update(person=loader.people[full_name])
    return made


def _founding(loader: "_CongressLoader", committee: Committee, decision: Record) -> int:
    if committee.founding_document_id is not None:
        return 0
    document_services.committee_register_founding_decision(
        access=loader.secretariat,
        committee=committee,
        issuer=loader.agencies[decision["issuer"]],
        number=decision["number"],
        issued_on=loader.today - dt.timedelta(days=decision["issued"]),
        subject=decision["subject"],
    )
    return 1


def _duties(loader: "_CongressLoader", committee: Committee, members: dict[str, Record]) -> int:
    made = 0
    for membership in committee.memberships.select_related("person"):
        spec = members.get(membership.person.full_name)
        if spec is None or membership.duties or membership.areas:
            continue
        committee_services.membership_update(
            access=loader.secretariat,
            membership=membership,
            duties=committee_services.MemberDuties(
                role=membership.role,
                duties="\n".join(spec["lines"]),
                areas=spec["areas"],
                supervised_agencies=[loader.agencies[key] for key in spec["agencies"]],
            ),
        )
        made += 1
    return made


def _leader(loader: "_CongressLoader", row: Record) -> int:
    agency = loader.agencies[row["agency"]]
    if agency.leader_in_charge_id is not None:
        return 0
    chief = _person(loader, row["name"], row["titles"], row["agency"])
    focal = [_person(loader, name, titles, row["agency"]) for name, titles in row["focal"]]
    leader_services.agency_name_leader(
        access=loader.secretariat, agency=agency, leader=chief, focal_people=focal
    )
    return 1
