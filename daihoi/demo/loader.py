"""Loads the demo congresses of `data.py` through the planning services.

Idempotent: every record is found by its natural key first and created only when missing, so a
second run creates nothing. A task's story (progress, completion, acceptance, pause…) is played
only when the task itself is created, then its timestamps are moved back to the days the story
gives, so status classes and histories look as if the work had happened over past weeks.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from daihoi.accounts.models import Role
from daihoi.core.dates import today as local_today
from daihoi.meetings import services as meetings_services
from daihoi.meetings.models import Conclusion
from daihoi.organizations.models import (
    Agency,
    AgencyGroup,
    Committee,
    Congress,
    Membership,
    Participation,
    Person,
)
from daihoi.organizations.permissions import Access
from daihoi.planning import services
from daihoi.planning.models import Plan, Task

from . import data
from .checks import check_data
from .detailed_demo import load_detailed_plans
from .incoming_demo import load_incoming
from .meetings_demo import conclusion_task_titles, load_meetings
from .organisation_demo import load_organisation
from .propaganda_demo import load_propaganda
from .reports_demo import load_report_requests
from .reset import demo_congresses, reset_demo
from .summary import CongressSummary, summarize
from .task_stories import TaskStories, at_hour, last_audit_id, last_history_id

User = get_user_model()


@dataclass
class LoadResult:
    created: dict[str, int] = field(default_factory=dict)
    congresses: list[CongressSummary] = field(default_factory=list)

    def count(self, what: str, n: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + n


@transaction.atomic
def load_demo(*, reset: bool = False) -> LoadResult:
    check_data()
    result = LoadResult()
    if reset:
        result.count("deleted congresses", reset_demo())
    today = local_today()
    _retire_users(result)
    users = _ensure_users(result)
    for spec in data.CONGRESSES:
        _CongressLoader(spec, users, today, result).load()
    from .levels_demo import load_levels

    if created := load_levels(today):
        result.count("congresses at every level", created)
    for congress in demo_congresses():
        result.congresses.append(summarize(congress, today))
    return result


def _retire_users(result: LoadResult) -> None:
    retired = User.objects.filter(username__in=data.RETIRED_USERS)
    Participation.objects.filter(user__in=retired).delete()
    if n := retired.filter(is_active=True).update(is_active=False):
        result.count("retired users", n)


def _ensure_users(result: LoadResult) -> dict:
    existing = {
        u.username: u for u in User.objects.filter(username__in=[s["username"] for s in data.USERS])
    }
    users = {}
    for spec in data.USERS:
        user = existing.get(spec["username"])
        if user is None:
            user = User(
                username=spec["username"],
                full_name=spec["full_name"],
                is_superuser=spec.get("superuser", False),
                is_staff=spec.get("superuser", False),
            )
            # Set only on creation, so a password changed later is left alone.
            user.set_password(data.PASSWORD)
            user.save()
            result.count("users")
        users[spec["username"]] = user
    return users


class _CongressLoader(TaskStories):
    def __init__(self, spec: dict, users: dict, today: dt.date, result: LoadResult) -> None:
        self.spec = spec
        self.users = users
        self.today = today
        self.result = result
        self.audit_mark = last_audit_id()

    # Reference data --------------------------------------------------------------------------

    def load(self) -> None:
        spec = self.spec
        self.congress = self._congress()
        self.agencies = self._agencies()
        self._groups()
        self.people = self._people()
        self.committees = self._committees()
        self._participations()
        secretariat_agency = self.agencies[spec["secretariat"]]
        self.secretariat = Access(
            self.users["vanphong"], self.congress, Role.SECRETARIAT, secretariat_agency.pk
        )
        username, role = data.ACCEPTORS.get(spec["key"], ("vanphong", Role.SECRETARIAT))
        self.acceptor = Access(self.users[username], self.congress, role)
        if changed := load_organisation(self):
            self.result.count("organisation changes", changed)
        self.plans = self._plans()
        self._tasks()
        if created := load_meetings(self):
            self.result.count("meetings", created)
        if created := load_report_requests(self):
            self.result.count("report requests", created)
        from .consultations_demo import load_consultations

        if created := load_consultations(self):
            self.result.count("drafts for comment", created)
        if created := load_incoming(self):
            self.result.count("documents received", created)
        if created := load_detailed_plans(self):
            self.result.count("detailed plans", created)
        if created := load_propaganda(self):
            self.result.count("propaganda records", created)
        from .portal_demo import load_portal

        if created := load_portal(self):
            self.result.count("portal pages", created)
        from daihoi.budget.demo import load_budget_demo

        if estimates := load_budget_demo(self.congress)["estimates"]:
            self.result.count("estimates", estimates)
        from .programme_demo import load_programme

        if created := load_programme(self):
            self.result.count("programme sessions", created)
        from .ballots_demo import load_ballots

        if created := load_ballots(self):
            self.result.count("elections counted", created)
        from .delegates_demo import load_delegates

        if created := load_delegates(self):
            self.result.count("delegates", created)
        from .discussion_demo import load_discussion

        if created := load_discussion(self):
            self.result.count("group discussion comments", created)
        from .speeches_demo import load_speeches

        if created := load_speeches(self):
            self.result.count("speakers registered", created)
        from .congress_days_demo import load_congress_days

        if created := load_congress_days(self):
            self.result.count("documents and speakers of the congress days", created)
        from .voting_demo import load_voting

        if created := load_voting(self):
            self.result.count("motions", created)
        from .logistics_demo import load_logistics

        if created := load_logistics(self):
            self.result.count("logistics records", created)
        from .import_demo import load_task_import

        if created := load_task_import(self):
            self.result.count("task imports", created)
        from .api_demo import load_api

        if created := load_api(self):
            self.result.count("api records", created)

    def _congress(self) -> Congress:
        spec = self.spec
        congress = Congress.objects.filter(
            organization=spec["organization"], ordinal=spec["ordinal"]
        ).first()
        if congress is not None:
            return congress
        opening = self.today + dt.timedelta(days=spec["opens_in"])
        congress = Congress.objects.create(
            name=spec["name"],
            organization=spec["organization"],
            level=spec["level"],
            ordinal=spec["ordinal"],
            term_start=spec["term"][0],
            term_end=spec["term"][1],
            opening_date=opening,
            closing_date=opening + dt.timedelta(days=spec["lasts"] - 1),
            venue=spec["venue"],
            place_name=spec["place_name"],
            document_rules=spec["document_rules"],
        )
        self.result.count("congresses")
        return congress

    def _agencies(self) -> dict[str, Agency]:
        by_name = {a.name: a for a in self.congress.agencies.all()}
        agencies: dict[str, Agency] = {}
        for a in self.spec["agencies"]:
            obj = by_name.get(a["name"])
            if obj is None:
                parent = agencies.get(a["parent"]) if a["parent"] else None
                obj = Agency.objects.create(
                    congress=self.congress,
                    name=a["name"],
                    short_name=a["key"] if a["key"] != a["name"] else "",
                    code=a["code"],
                    parent=parent,
                    is_finance=a["finance"],
                    is_issuer=bool(a["code"]),
                    layout=a["layout"] or (parent.layout if parent else ""),
                )
                self.result.count("agencies")
            agencies[a["key"]] = obj
        return agencies

    def _groups(self) -> None:
        have = set(self.congress.agency_groups.values_list("name", flat=True))
        for name, keys in self.spec.get("groups", []):
            if name not in have:
                group = AgencyGroup.objects.create(congress=self.congress, name=name)
                group.agencies.set([self.agencies[k] for k in keys])
                self.result.count("agency groups")

    def _people(self) -> dict[str, Person]:
        by_name = {p.full_name: p for p in self.congress.people.all()}
        people = {}
        for p in self.spec["people"]:
            obj = by_name.get(p["full_name"])
            if obj is None:
                obj = Person.objects.create(
                    congress=self.congress,
                    full_name=p["full_name"],
                    titles=p["titles"],
                    agency=self.agencies.get(p["agency"]) if p["agency"] else None,
                )
                self.result.count("people")
            people[p["full_name"]] = obj
        return people

    def _committees(self) -> dict[str, Committee]:
        by_name = {c.name: c for c in self.congress.committees.all()}
        members = set(
            Membership.objects.filter(committee__congress=self.congress).values_list(
                "committee_id", "person_id"
            )
        )
        committees: dict[str, Committee] = {}
        for c in self.spec["committees"]:
            obj = by_name.get(c["name"])
            if obj is None:
                obj = Committee.objects.create(
                    congress=self.congress,
                    kind=c["kind"],
                    name=c["name"],
                    parent=committees.get(c["parent"]) if c["parent"] else None,
                    functions=c["functions"],
                    duties="\n".join(c["duties"]),
                )
                self.result.count("committees")
            committees[c["name"]] = obj
            for full_name, role in c["members"]:
                person = self.people[full_name]
                if (obj.pk, person.pk) not in members:
                    Membership.objects.create(committee=obj, person=person, role=role)
                    self.result.count("memberships")
        return committees

    def _participations(self) -> None:
        have = set(
            Participation.objects.filter(congress=self.congress).values_list(
                "user__username", flat=True
            )
        )
        for spec in data.USERS:
            for p in spec["participations"]:
                if p["congress"] != self.spec["key"] or spec["username"] in have:
                    continue
                Participation.objects.create(
                    user=self.users[spec["username"]],
                    congress=self.congress,
                    role=p["role"],
                    agency=self.agencies[p["agency"]] if p.get("agency") else None,
                    person=self.people[p["person"]] if p.get("person") else None,
                )
                self.result.count("participations")

    def _plans(self) -> dict[str, Plan]:
        # The year is part of the unique key but moves with the relative dates, so match without it.
        existing = {(p.issuer_code, p.number): p for p in self.congress.plans.all()}
        plans: dict[str, Plan] = {}
        for p in self.spec["plans"]:
            obj = existing.get((p["issuer_code"], p["number"]))
            if obj is None:
                issued_on = self.today - dt.timedelta(days=p["issued"])
                mark = last_history_id(Plan)
                obj = services.plan_create(
                    access=self.secretariat,
                    number=p["number"],
                    issuer_code=p["issuer_code"],
                    issued_on=issued_on,
                    subject=p["subject"],
                    issuer=self.agencies[p["issuer"]] if p["issuer"] else None,
                    committee=self.committees[p["committee"]] if p["committee"] else None,
                    parent=plans[p["parent"]] if p["parent"] else None,
                )
                when = at_hour(issued_on, 16)
                Plan.objects.filter(pk=obj.pk).update(created_at=when)
                Plan.history.model.objects.filter(history_id__gt=mark, id=obj.pk).update(
                    history_date=when, history_user=self.secretariat.user
                )
                self._stamp_audit(when)
                self.result.count("plans")
            plans[p["key"]] = obj
        return plans

    # Tasks and their stories -----------------------------------------------------------------

    def _tasks(self) -> None:
        titles = set(self.congress.tasks.values_list("title", flat=True))
        # Tasks a meeting's conclusion gave are created with their meeting (meetings_demo).
        titles |= conclusion_task_titles(self.spec["key"])
        for t in self.spec["tasks"]:
            if t["title"] not in titles:
                self._create_task(t)
                self.result.count("tasks")

    def _deadline(self, t: dict) -> dt.date | None:
        if t.get("d") is not None and self.congress.opening_date:
            return self.congress.opening_date + dt.timedelta(days=t["d"])
        if t.get("due") is not None:
            return self.today + dt.timedelta(days=t["due"])
        return None

    def _create_task(
        self, t: dict, conclusion: Conclusion | None = None, created: dt.datetime | None = None
    ) -> None:
        """Creates the task with its story; through `conclusion` when a meeting gave it."""
        deadline = self._deadline(t)
        first_day = self.today - dt.timedelta(days=max([e[1] for e in t["story"]], default=0))
        start = min(first_day, deadline or self.today, self.today) - dt.timedelta(days=10)
        mark = last_history_id(Task)
        if conclusion is not None:
            task = meetings_services.conclusion_to_task(
                access=self.secretariat,
                conclusion=conclusion,
                title=t["title"],
                lead_agency=self.agencies[t["lead"]],
                coordinating_agencies=[self.agencies[k] for k in t.get("coord", [])],
                area=t["area"],
                phase=t["phase"],
                deadline=None if t.get("d") is not None else deadline,
                deadline_offset_days=t.get("d"),
            )
            self._play(task, t, mark, created or at_hour(self.today, 8))
            return
        task = services.task_create(
            access=self.secretariat,
            source_text=t.get("source_text", ""),
            fields=services.TaskFields(
                title=t["title"],
                lead_agency=self.agencies[t["lead"]],
                area=t["area"],
                phase=t["phase"],
                description=t.get("description", ""),
                coordinating_agencies=[self.agencies[k] for k in t.get("coord", [])],
                appraising_agency=self.agencies[t["appraise"]] if t.get("appraise") else None,
                leader_in_charge=self.people[t["leader"]] if t.get("leader") else None,
                start_date=start,
                deadline=None if t.get("d") is not None else deadline,
                deadline_offset_days=t.get("d"),
                plan=self.plans[t["plan"]] if t.get("plan") else None,
                committee=self.committees[t["committee"]] if t.get("committee") else None,
                key_item=t.get("key", False),
            ),
        )
        self._play(task, t, mark, at_hour(start, 8))
