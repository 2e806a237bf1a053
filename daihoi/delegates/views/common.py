from django.http import HttpRequest

from daihoi.organizations.permissions import Access, access_congress

from ..permissions import RosterRights, roster_rights


def rights_for(request: HttpRequest, congress_id: int) -> tuple[Access, RosterRights]:
    access = access_congress(request.user, congress_id)
    return access, roster_rights(access)
