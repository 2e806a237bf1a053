from django.contrib import admin

from daihoi.core.admin import NoDeleteAdmin, NoDeleteInline

from .models import Agency, AgencyGroup, Committee, Congress, Membership, Participation, Person


@admin.register(Congress)
class CongressAdmin(NoDeleteAdmin):
    list_display = ("name", "ordinal", "term_start", "term_end", "opening_date", "level")
    list_filter = ("level", "is_active")
    search_fields = ("name", "organization")


@admin.register(Agency)
class AgencyAdmin(NoDeleteAdmin):
    # The short name, parent and congress beside the name: duplicates stay apart.
    list_display = ("name", "short_name", "code", "parent", "congress", "is_issuer", "layout")
    list_filter = ("congress", "is_issuer", "layout")
    list_select_related = ("parent", "congress")
    search_fields = ("name", "short_name", "folded_name")
    autocomplete_fields = ("parent",)


@admin.register(AgencyGroup)
class AgencyGroupAdmin(NoDeleteAdmin):
    list_display = ("name", "congress")
    list_filter = ("congress",)
    search_fields = ("name",)
    filter_horizontal = ("agencies",)


@admin.register(Person)
class PersonAdmin(NoDeleteAdmin):
    list_display = ("full_name", "titles", "agency", "congress")
    list_filter = ("congress",)
    search_fields = ("full_name", "titles")


class MembershipInline(NoDeleteInline):
    model = Membership
    autocomplete_fields = ("person",)
    extra = 0


@admin.register(Committee)
class CommitteeAdmin(NoDeleteAdmin):
    list_display = ("name", "kind", "congress", "parent")
    list_filter = ("congress", "kind")
    search_fields = ("name",)
    inlines = [MembershipInline]


@admin.register(Participation)
class ParticipationAdmin(NoDeleteAdmin):
    list_display = ("user", "congress", "role", "agency")
    list_filter = ("congress", "role")
    search_fields = ("user__username", "user__full_name")
    autocomplete_fields = ("agency", "person")
