"""The audit trail: one entry per action, in the action's transaction, read back per object."""

import pytest
from django.db import transaction

from daihoi.core.audit import AuditAction, changes_since, entries_for, history_of, record, snapshot
from daihoi.core.models import AuditEntry

pytestmark = pytest.mark.django_db


class SampleAction(AuditAction):
    RENAMED = "agency.renamed_for_test", "Đổi tên cơ quan"
    MERGED = "agency.merged_for_test", "Gộp cơ quan"


def test_record_names_actor_action_congress_and_label(secretariat_access, world):
    agency = world.agencies["stc"]
    entry = record(secretariat_access, SampleAction.RENAMED, agency, reason="  tên mới  ")
    assert entry.actor == secretariat_access.user
    assert entry.action == "agency.renamed_for_test"
    assert entry.label == "Đổi tên cơ quan"
    assert entry.congress_id == world.congress.pk
    assert entry.reason == "tên mới"
    assert entry.object_repr == str(agency)


def test_field_changes_are_written_for_people(secretariat_access, world):
    agency = world.agencies["stc"]
    before = snapshot(agency, ["name", "short_name"])
    agency.name = "Sở Tài chính tỉnh Kon Tum"
    entry = record(
        secretariat_access, SampleAction.RENAMED, agency, changes=changes_since(agency, before)
    )
    [(label, old, new)] = entry.changes
    assert old != new
    assert new == "Sở Tài chính tỉnh Kon Tum"
    assert label[0].isupper()


def test_history_of_lists_entries_of_the_objects_newest_first(secretariat_access, world):
    stc, other = world.agencies["stc"], world.agencies["btg"]
    record(secretariat_access, SampleAction.RENAMED, stc)
    record(secretariat_access, SampleAction.RENAMED, other)
    record(secretariat_access, SampleAction.MERGED, stc)
    assert [e.action for e in history_of(stc)] == [SampleAction.MERGED, SampleAction.RENAMED]
    assert len(history_of(stc, other)) == 3


def test_trail_is_queryable_by_actor_action_and_prefix(secretariat_access, leader_access, world):
    stc = world.agencies["stc"]
    record(secretariat_access, SampleAction.RENAMED, stc)
    record(leader_access, SampleAction.MERGED, stc)
    assert entries_for(actor=leader_access.user).count() == 1
    assert entries_for(action="agency.merged_for_test").count() == 1
    assert entries_for(action="agency.", congress_id=world.congress.pk).count() == 2


def test_an_entry_rolls_back_with_the_failed_action(secretariat_access, world):
    with pytest.raises(RuntimeError), transaction.atomic():
        record(secretariat_access, SampleAction.RENAMED, world.agencies["stc"])
        raise RuntimeError
    assert not AuditEntry.objects.exists()


def test_an_anonymous_or_missing_actor_is_stored_as_nobody(world):
    entry = record(None, SampleAction.RENAMED, world.agencies["stc"])
    assert entry.actor is None
    assert entry.congress_id == world.congress.pk
