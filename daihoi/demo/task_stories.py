"""The demo tasks' stories: each event (progress, completion, appraisal, acceptance, an obstacle
resolved, a pause or a cancellation) played through the planning services, then its timestamps,
history rows and audit entries moved back to the day the story gives."""

import datetime as dt

from django.db.models import Max
from django.utils import timezone

from daihoi.accounts.models import Role
from daihoi.core.models import AuditEntry
from daihoi.organizations.models import Agency, Congress
from daihoi.organizations.permissions import Access
from daihoi.planning import services
from daihoi.planning.models import (
    AppraisalRound,
    AppraisalState,
    HaltState,
    ProgressUpdate,
    Task,
    TaskReview,
)

from . import data


def at_hour(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour % 24, 0)))


def last_history_id(model) -> int:
    return model.history.model.objects.aggregate(m=Max("history_id"))["m"] or 0


def last_audit_id() -> int:
    return AuditEntry.objects.aggregate(m=Max("id"))["m"] or 0


class TaskStories:
    """Played by the congress loader, whose attributes these are."""

    spec: dict
    users: dict
    today: dt.date
    congress: Congress
    agencies: dict[str, Agency]
    secretariat: Access
    acceptor: Access
    audit_mark: int

    def _play(self, task: Task, t: dict, mark: int, created: dt.datetime) -> None:
        """Dates the new task back to `created`, then plays its story."""
        Task.objects.filter(pk=task.pk).update(created_at=created)
        self._stamp_task_history(task, mark, created, self.secretariat.user)
        last = created
        for hour, (kind, days_ago, args) in enumerate(t["story"], start=9):
            day = self.today - dt.timedelta(days=days_ago)
            last = at_hour(day, hour)
            getattr(self, f"_event_{kind}")(task, day, last, t, **args)
        Task.objects.filter(pk=task.pk).update(updated_at=last)

    def _stamp_task_history(self, task: Task, mark: int, when: dt.datetime, user) -> None:
        Task.history.model.objects.filter(history_id__gt=mark, id=task.pk).update(
            history_date=when, history_user=user
        )
        self._stamp_audit(when)

    def _stamp_audit(self, when: dt.datetime) -> None:
        """Moves the audit entries written since the last stamp back to the story's day."""
        AuditEntry.objects.filter(id__gt=self.audit_mark).update(created_at=when)
        self.audit_mark = last_audit_id()

    def _officer(self, agency_key: str) -> Access:
        """The agency's own demo login when it has one; otherwise the secretariat enters it."""
        username = data.AGENCY_REPORTERS.get((self.spec["key"], agency_key), "vanphong")
        return Access(
            self.users[username], self.congress, Role.AGENCY_OFFICER, self.agencies[agency_key].pk
        )

    def _report(self, task, when, access, **kwargs) -> ProgressUpdate:
        mark, update_mark = last_history_id(Task), last_history_id(ProgressUpdate)
        update = services.task_report_progress(access=access, task=task, **kwargs)
        ProgressUpdate.objects.filter(pk=update.pk).update(created_at=when)
        ProgressUpdate.history.model.objects.filter(
            history_id__gt=update_mark, id=update.pk
        ).update(history_date=when, history_user=access.user)
        self._stamp_task_history(task, mark, when, access.user)
        return update

    def _event_progress(self, task, day, when, t, *, percent, text, obstacle, by) -> None:
        access = self._officer(by or t["lead"])
        self._report(task, when, access, text=text, percent=percent, obstacle=obstacle)

    def _event_complete(self, task, day, when, t, *, text) -> None:
        mark = last_history_id(Task)
        access = self._officer(t["lead"])
        self._report(task, when, access, text=text, percent=100, reports_completion=True)
        # The service stamps today; the story says when it happened.
        Task.objects.filter(pk=task.pk).update(reported_complete_on=day)
        Task.history.model.objects.filter(
            history_id__gt=mark, id=task.pk, reported_complete_on__isnull=False
        ).update(reported_complete_on=day)

    def _event_appraisal_submit(self, task, day, when, t, *, text) -> None:
        mark = last_history_id(Task)
        access = self._officer(t["lead"])
        submitted = services.appraisal_submit(access=access, task=task, text=text)
        AppraisalRound.objects.filter(pk=submitted.pk).update(submitted_at=when)
        self._stamp_task_history(task, mark, when, access.user)

    def _event_appraisal_decide(self, task, day, when, t, *, decision, opinion) -> None:
        mark = last_history_id(Task)
        access = self._officer(t["appraise"])
        decided = services.appraisal_decide(
            access=access, task=task, decision=AppraisalState(decision), opinion=opinion
        )
        AppraisalRound.objects.filter(pk=decided.pk).update(decided_at=when)
        self._stamp_task_history(task, mark, when, access.user)

    def _event_accept(self, task, day, when, t, *, comment) -> None:
        mark = last_history_id(Task)
        services.task_accept(access=self.acceptor, task=task, comment=comment)
        Task.objects.filter(pk=task.pk).update(accepted_at=when)
        TaskReview.objects.filter(task=task).update(created_at=when)
        self._stamp_task_history(task, mark, when, self.acceptor.user)

    def _event_resolve(self, task, day, when, t, *, note) -> None:
        update = (
            ProgressUpdate.objects.filter(task=task, obstacle_resolved=False)
            .exclude(obstacle="")
            .select_related("task")
            .order_by("-created_at", "-id")[0]
        )
        mark = last_history_id(ProgressUpdate)
        services.obstacle_resolve(access=self.acceptor, update=update, note=note)
        ProgressUpdate.history.model.objects.filter(history_id__gt=mark, id=update.pk).update(
            history_date=when, history_user=self.acceptor.user
        )
        self._stamp_audit(when)

    def _halt(self, task, when, state, reason) -> None:
        mark = last_history_id(Task)
        services.task_set_halt(access=self.secretariat, task=task, state=state, reason=reason)
        self._stamp_task_history(task, mark, when, self.secretariat.user)

    def _event_paused(self, task, day, when, t, *, reason) -> None:
        self._halt(task, when, HaltState.PAUSED, reason)

    def _event_cancelled(self, task, day, when, t, *, reason) -> None:
        self._halt(task, when, HaltState.CANCELLED, reason)
