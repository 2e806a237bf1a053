"""The lexicon's word lists as phrase indexes, shared by the addressee grammar and the
clause reader."""

from __future__ import annotations

from . import lexicon as lx
from .tokens import PhraseIndex

FREE = PhraseIndex(lx.FREE_HEADS)
NAMED = PhraseIndex(lx.NAMED_HEADS)
LOWER = PhraseIndex(lx.LOWER_HEADS)
STARTERS = PhraseIndex(lx.STARTERS)
GENERIC = PhraseIndex(lx.GENERIC_NOUNS)
QUALIFIERS = PhraseIndex(lx.GENERIC_QUALIFIERS)
LOC = PhraseIndex(lx.LOC_WORDS)
DOMAIN = PhraseIndex(lx.DOMAIN_WORDS)
FIELDS = PhraseIndex(lx.DEPARTMENT_FIELDS)
LOC_NOUNS = PhraseIndex(lx.LOC_NOUNS)
PREFIXES = PhraseIndex(lx.MEMBER_PREFIXES)
OFFICES = PhraseIndex(lx.OFFICE_TITLES)
UNDER = PhraseIndex(lx.UNDER_CENTRE)
FUNCTIONS = PhraseIndex(lx.COMMITTEE_FUNCTIONS)
EVENTS = PhraseIndex(lx.EVENT_WORDS)
TASK_START = PhraseIndex(lx.TASK_VERBS | lx.MODALS | lx.NON_TASK_PREDICATES | lx.DIRECTIVES)

# First syllables of everything that can open an addressee: a quick test before the lookups.
START_WORDS = frozenset(
    w for index in (STARTERS, FREE, NAMED, LOWER, PREFIXES, OFFICES) for w in index.by_first
)

DIRECTIVES = PhraseIndex(lx.DIRECTIVES)
SPEAKER = PhraseIndex(lx.SPEAKER_DIRECTIVES)
MODALS = PhraseIndex(lx.MODALS)
TASKS = PhraseIndex(lx.TASK_VERBS | lx.MODALS)
NON_TASK = PhraseIndex(lx.NON_TASK_PREDICATES)
CONNECTORS = PhraseIndex(lx.CLAUSE_CONNECTORS)
FRAMING = PhraseIndex(lx.FRAMING_WORDS)
# Verbs that report at a meeting but are tasks as items of a directive's list ("b) Báo cáo …").
ITEM_TASKS = PhraseIndex(
    lx.phrases(
        "báo cáo", "đánh giá", "đề xuất", "kiến nghị", "thông báo", "góp ý", "tổ chức", "ban hành"
    )
)

# Subjectless openings that are not a task when a new sentence starts with them.
NOT_CONTINUATION = PhraseIndex(
    lx.phrases(
        "thống nhất",
        "đánh giá",
        "trao đổi",
        "góp ý",
        "đóng góp",
        "tổng kết",
        "sơ kết",
        "thông tin",
        "báo cáo",
        "dự thảo",
        "cần",
        "phải",
        "phục vụ",
        "tăng",
        "giữ",
        "mở",
        "đưa",
        "trực",
        "đăng",
        "thường xuyên",
        "định hướng",
        "sớm",
    )
)
DEADLINE_OPENERS = PhraseIndex(
    lx.phrases(
        "chậm nhất",
        "chậm nhất là",
        "muộn nhất",
        "trước",
        "hạn chót",
        "từ nay đến",
        "từ nay đến hết",
        "đến hết",
        "đến",
        "trong",
    )
)
