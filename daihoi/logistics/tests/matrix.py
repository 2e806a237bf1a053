"""The logistics rows of the permission matrix (`daihoi/tests/test_permission_matrix.py`).

In the matrix's world the leader chairs the service subcommittee (logistics staff), the officer
is Ban Tuyên giáo's (the agency responsible for the readiness item), officer2 is Finance's and
the member has no part in the service work.
"""

from daihoi.testing.matrix import expect

from ..models import ReadinessPhoto
from .helpers import png_upload, readiness_item

# Keys of the URL kwargs, most specific first.
KWARG_KEYS = [["congress_id", "readiness_id"], ["congress_id", "photo_id"]]

STAFF_ONLY = dict(officer=403, officer2=403, member=403)


ROWS = {
    "logistics:home": ("get", expect(200)),
    "logistics:readiness-list": ("get", expect(200)),
    "logistics:readiness-block": ("get", expect(200)),
    "logistics:readiness-create": ("get", expect(200, **STAFF_ONLY)),
    "logistics:readiness-detail": ("get", expect(200)),
    "logistics:readiness-edit": ("get", expect(200, **STAFF_ONLY)),
    "logistics:readiness-report": ("get", expect(200, officer2=403, member=403)),
    "logistics:readiness-photo": ("get", expect(200)),
}


def objects(world, base: dict) -> dict:
    from .. import services
    from .helpers import accesses

    item = readiness_item(world)
    services.readiness_item_report(
        access=accesses(world)["btg"], item=item, state="doing", photos=[png_upload()]
    )
    return {
        "readiness_id": item.pk,
        "photo_id": ReadinessPhoto.objects.get(item=item).pk,
    }
