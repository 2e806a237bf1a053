"""The words of the invitation (Giấy mời) and the conclusion notice (Thông báo kết luận)."""

from typing import Any

from django.utils import timezone

from daihoi.core.dates import format_date

from .models import Attendance, Meeting

_MEETING_WORDS = ("cuộc họp", "phiên họp", "hội nghị", "họp")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _chair_phrase(meeting: Meeting) -> str:
    titles = meeting.chair.titles.strip()
    return f"đồng chí {meeting.chair.full_name}" + (f", {titles}" if titles else "")


def meeting_phrase(meeting: Meeting) -> str:
    """ "cuộc họp Tiểu ban …" — the meeting named as the body of a sentence names it."""
    title = _lower_first(meeting.title.strip())
    if title.startswith(_MEETING_WORDS):
        return title
    return f"cuộc họp {title}"


def notice_subject(meeting: Meeting) -> str:
    """Trích yếu: "Kết luận của đồng chí Nguyễn Hữu Hải, … tại cuộc họp …"."""
    return f"Kết luận của {_chair_phrase(meeting)} tại {meeting_phrase(meeting)}"


def notice_body(meeting: Meeting, issuer_name: str) -> list[str]:
    start = timezone.localtime(meeting.starts_at)
    present = [
        a.person.full_name
        for a in meeting.attendance.select_related("person").order_by("person__full_name")
        if a.status == Attendance.Status.PRESENT and a.person_id != meeting.chair_id
    ]
    opening = (
        f"Ngày {format_date(start.date())}, tại {meeting.place}, {_chair_phrase(meeting)} "
        f"chủ trì {meeting_phrase(meeting)}."
    )
    if present:
        opening += " Tham dự có các đồng chí: " + ", ".join(present) + "."
    paragraphs = [
        opening,
        f"Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, đồng chí "
        f"{meeting.chair.full_name} kết luận như sau:",
    ]
    paragraphs += [f"{c.number}. {c.text}" for c in meeting.conclusions.order_by("number")]
    paragraphs.append(
        f"{issuer_name} thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./."
    )
    return paragraphs


def invitation_subject(meeting: Meeting) -> str:
    return f"Mời dự {meeting_phrase(meeting)}"


def invitation_body(meeting: Meeting, issuer_name: str) -> list[str]:
    start = timezone.localtime(meeting.starts_at)
    invited = [p.full_name for p in meeting.invited_people.order_by("full_name")]
    invited += [a.name for a in meeting.invited_agencies.order_by("name")]
    paragraphs = [
        f"{issuer_name} trân trọng kính mời: "
        + ("; ".join(invited) or "các đồng chí thành viên")
        + f" dự {meeting_phrase(meeting)} do {_chair_phrase(meeting)} chủ trì.",
        f"Thời gian: {start:%H} giờ {start:%M}, ngày {format_date(start.date())}.",
        f"Địa điểm: {meeting.place}.",
    ]
    agenda = list(meeting.agenda.all())
    if agenda:
        paragraphs.append("Nội dung:")
        paragraphs += [f"{i}. {item.title}" for i, item in enumerate(agenda, start=1)]
    paragraphs.append("Rất mong các đồng chí tham dự đầy đủ, đúng giờ./.")
    return paragraphs


def recipients(meeting: Meeting) -> str:
    lines = [f"- {a.name};" for a in meeting.invited_agencies.order_by("name")]
    lines.append("- Lưu: VT.")
    return "\n".join(lines)


SECRETARIAT_CODES = ("VP", "VPTU", "VPUBND")


def signing_initial(meeting: Meeting) -> dict[str, Any]:
    """What a meeting's paper proposes before anyone types: the invited agencies as its
    recipients, and the congress's office (Văn phòng) as its issuer when it has one."""
    initial: dict[str, Any] = {"recipients": recipients(meeting)}
    office = meeting.congress.agencies.filter(code__in=SECRETARIAT_CODES).first()
    if office:
        initial["issuer"] = office.pk
    return initial
