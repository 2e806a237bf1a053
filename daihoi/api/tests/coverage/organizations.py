"""Tổ chức: the congresses, their set-up, people, committees, leaders and accounts."""

from . import C, Target

COMMITTEE = C + "/committees/{committee_id}/"
MEMBER = COMMITTEE + "members/{membership_id}/"
ACCOUNT = C + "/accounts/{account_id}/"
ISSUER = C + "/issuers/{agency_id}/"
AGENCY = C + "/agencies/{agency_id}/"
GROUP = C + "/agency-groups/{group_id}/"

COVERAGE: dict[str, Target] = {
    "home": (("get", "/congresses/"),),
    "committee-list": (("get", C + "/committees/"),),
    "committee-create": (("post", C + "/committees/"),),
    "committee-detail": (("get", COMMITTEE),),
    "committee-edit": (("get", COMMITTEE), ("put", COMMITTEE)),
    "membership-add": (("post", COMMITTEE + "members/"),),
    "membership-edit": (("get", MEMBER), ("put", MEMBER)),
    "membership-remove": (("delete", MEMBER),),
    "person-list": (("get", C + "/people/"),),
    "person-create": (("post", C + "/people/"),),
    "person-edit": (("get", C + "/people/{person_id}/"), ("put", C + "/people/{person_id}/")),
    "leader-list": (("get", C + "/leaders/"),),
    "leader-edit": (("get", C + "/leaders/{agency_id}/"), ("put", C + "/leaders/{agency_id}/")),
    "account-list": (("get", C + "/accounts/"),),
    "account-invite": (("post", C + "/accounts/"),),
    "account-detail": (("get", ACCOUNT),),
    "account-role": (("put", ACCOUNT),),
    "account-deactivate": (("post", ACCOUNT + "deactivate/"),),
    "account-reactivate": (("post", ACCOUNT + "reactivate/"),),
    "account-password-reset": (("post", ACCOUNT + "password-reset/"),),
    "account-reinvite": (("post", ACCOUNT + "reinvite/"),),
    "account-remove": (("delete", ACCOUNT),),
    "congress-create": (("post", "/congresses/"),),
    "congress-setup": (
        ("get", C + "/"),
        ("get", C + "/agencies/"),
        ("get", C + "/issuers/"),
        ("get", C + "/agency-groups/"),
    ),
    "congress-edit": (("get", C + "/"), ("put", C + "/")),
    "issuer-list": (("get", C + "/issuers/"),),
    "issuer-create": (("post", C + "/issuers/"),),
    "issuer-edit": (("get", ISSUER), ("put", ISSUER)),
    "agency-setup": (("get", C + "/agencies/"),),
    "agency-create": (("post", C + "/agencies/"),),
    "agency-import": (
        ("post", C + "/agency-import/"),
        ("post", C + "/agency-import/confirm/"),
    ),
    "agency-template": (("get", C + "/agency-import/template/"),),
    "agency-edit": (("get", AGENCY), ("put", AGENCY)),
    "agency-merge": (("post", AGENCY + "merge/"),),
    "group-list": (("get", C + "/agency-groups/"),),
    "group-create": (("post", C + "/agency-groups/"),),
    "group-edit": (("get", GROUP), ("put", GROUP)),
    "group-delete": (("delete", GROUP),),
}
