"""One access path: a role scoped to one unit reaches nothing of another unit, whatever URL it types.

The scope is test-only (``ROLE_SCOPES`` in accounts/access.py is empty in production: today's officers see
everyone). Every URL with an object id is requested with the REAL id of an object belonging to another unit's
employee; each must answer 404 (or refuse without effect). A route that takes an id and is not classified
below fails the suite, so a new view cannot skip the check.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from accounts import access
from accounts.roles import ADMIN, HR, LEADER, MONITOR
from cases.models import Case
from registry.models import Employee
from tests.cases.conftest import image_bytes, make_array, make_case, upload
from tests.conftest import make_user
from tests.factories import EmployeeFactory, OrgUnitFactory

# url name -> which object of the other unit its id names
OBJECT_OF = {
    "registry:employee_detail": "employee",
    "registry:employee_edit": "employee",
    "cases:post_detail": "post",
    "cases:post_add_evidence": "post",
    "cases:post_add_subjects": "post",
    "cases:post_open_cases": "post",
    "cases:evidence_file": "evidence",
    "cases:evidence_thumb": "evidence",
    "detection:evidence_results": "evidence",
    "detection:requeue": "evidence",
    "outreach:take_up": "post",
    "outreach:close": "post",
    "outreach:bundle_build": "case",
    "letters:letter_detail": "letter",
    "letters:letter_edit": "letter",
    "letters:letter_submit": "letter",
    "letters:letter_initial": "letter",
    "letters:letter_return": "letter",
    "letters:letter_approve": "letter",
    "letters:letter_cancel": "letter",
    "letters:letter_correct": "letter",
    "letters:letter_receipt": "letter",
    "letters:letter_preview": "letter",
    "letters:letter_pdf": "letter",
}
CASE_ROUTE = re.compile(r"^cases:case_")
# Ids that name no employee's record (elections, training content, one's own items, jobs of one's own).
NOT_A_PERSONS_RECORD = {
    "registry:election_detail", "registry:election_edit", "registry:election_pair_create",
    "registry:election_pair_edit", "registry:election_pair_delete", "registry:election_symbol_delete",
    "cases:my_case_detail", "letters:my_letter_pdf", "letters:my_letter_ack", "letters:bulk_status",
    "letters:bulk_download", "detection:annotated_image", "detection:review_finding",
    "outreach:bundle_download", "outreach:bundle_sent", "outreach:recommendation_follow_up",
    "training:programme_detail", "training:material_done", "training:checkin", "training:quiz_detail",
    "training:quiz_start", "training:attempt", "training:attempt_save", "training:attempt_submit",
    "training:attempt_result", "training:certificate_download", "training:pact_detail", "training:reminder_read",
    "training:programme_manage", "training:programme_edit", "training:material_create", "training:material_edit",
    "training:session_manage", "training:session_edit", "training:session_code", "training:session_bulk_mark",
    "training:quiz_edit", "training:question_edit", "training:campaign_manage", "training:campaign_edit",
    "training:campaign_action", "training:pact_edit", "training:apel_script", "training:apel_script_edit",
    "training:compliance_export",
    # the atasan langsung's own duties (cases.supervision.duty_for filters supervisor = the viewer)
    "cases:supervision_detail", "cases:supervision_summons", "cases:supervision_examined",
}  # fmt: skip


def _routes():
    def walk(patterns, prefix="", ns=None):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern), p.namespace or ns)
            elif isinstance(p, URLPattern) and ns not in (None, "admin", "django_rq"):
                yield f"{ns}:{p.name}", prefix + str(p.pattern)

    return [(name, route) for name, route in walk(get_resolver().url_patterns) if "<int:" in route]


def _kind(name: str) -> str | None:
    return "case" if CASE_ROUTE.match(name) else OBJECT_OF.get(name)


def test_every_route_with_an_id_is_classified():
    unclassified = [n for n, _r in _routes() if _kind(n) is None and n not in NOT_A_PERSONS_RECORD]
    assert not unclassified, f"classify these routes in tests/test_scoped_access.py: {unclassified}"


@pytest.fixture
def two_units(db, settings, tmp_path, monkeypatch):
    """Unit A (the officer's) and unit B, each with an employee who has a post with evidence and a case."""
    settings.MEDIA_ROOT = tmp_path
    from letters import drafting, services
    from letters.kinds import LetterKind
    from letters.models import Letterhead

    unit_a, unit_b = OrgUnitFactory(code="UA", name="Unit A"), OrgUnitFactory(code="UB", name="Unit B")
    officer = make_user("scoped_officer", HR, totp=True)
    officer.groups.add(*make_user("scoped_leader_groups", LEADER).groups.all())
    EmployeeFactory(user=officer, unit=unit_a)
    author = make_user("scoped_author", ADMIN, totp=True)
    world = {}
    for tag, unit in (("a", unit_a), ("b", unit_b)):
        boss_user = make_user(f"scoped_boss_{tag}", LEADER)
        boss = EmployeeFactory(unit=unit, full_name=f"Atasan {tag.upper()}", user=boss_user)  # signs the letter
        employee = EmployeeFactory(unit=unit, full_name=f"Pegawai {tag.upper()} Terlapor", supervisor=boss)
        case = make_case(author, employee, url=f"https://facebook.com/p/scope-{tag}")
        post = case.posts.get()
        from cases import services as case_services

        case_services.add_evidence(
            post=post, files=[upload(image_bytes(make_array(seed=3 if tag == "a" else 4)))], acting_user=author
        )
        letterhead = Letterhead.objects.first() or Letterhead.objects.create(
            government="PEMKAB", agency="BKPSDM", address="Jl. 1", city="Sukamaju", unit_code="BKPSDM", is_default=True
        )
        data = drafting.initial_for(kind=LetterKind.COACHING, case=case, letterhead=letterhead)
        data.setdefault("signer", boss_user)
        letter = services.create_draft(acting_user=author, data=data)
        world[tag] = {
            "employee": employee,
            "case": case,
            "post": post,
            "evidence": post.evidence.get(),
            "letter": letter,
        }

    def same_unit(user):
        own = Employee.objects.filter(user=user).first()
        return Employee.objects.filter(unit_id=own.unit_id) if own else Employee.objects.none()

    monkeypatch.setattr(access, "ROLE_SCOPES", {role: same_unit for role in (ADMIN, HR, LEADER, MONITOR)})
    return officer, world


def _fill(route: str, pk: int) -> str:
    return "/" + re.sub(r"<int:[^>]+>", str(pk), route)


def test_a_unit_scoped_officer_gets_404_for_every_object_of_another_unit(client, two_units):
    officer, world = two_units
    client.force_login(officer)
    checked = 0
    for name, route in _routes():
        kind = _kind(name)
        if kind is None:
            continue
        path = _fill(route, world["b"][kind].pk)
        response = client.get(path)
        if response.status_code == 405:
            response = client.post(path, {})
        assert response.status_code == 404, f"{name} {path}: {response.status_code} for another unit's {kind}"
        checked += 1
    assert checked >= 30


def test_the_same_officer_reaches_its_own_units_objects(client, two_units):
    """The control: the 404s above come from the scope, not from broken ids."""
    officer, world = two_units
    client.force_login(officer)
    for name in ("registry:employee_detail", "cases:post_detail", "cases:case_detail", "letters:letter_detail"):
        route = dict(_routes())[name]
        kind = _kind(name)
        assert client.get(_fill(route, world["a"][kind].pk)).status_code == 200, name
    assert client.get(_fill(dict(_routes())["cases:evidence_file"], world["a"]["evidence"].pk)).status_code == 200


def test_lists_pickers_and_bulk_forms_leave_out_another_unit(client, two_units):
    officer, world = two_units
    client.force_login(officer)
    a, b = world["a"], world["b"]
    for url in ("/pegawai/", "/kasus/", "/kasus/unggahan/", "/surat/"):
        page = client.get(url).content.decode()
        assert a["employee"].full_name in page or a["case"].reference in page or url == "/kasus/unggahan/", url
        assert b["employee"].full_name not in page and b["case"].reference not in page, url
    picker = client.get("/kasus/cari-pegawai/", {"q": "Terlapor"}).content.decode()
    assert a["employee"].full_name in picker and b["employee"].full_name not in picker
    # Letters drafted from another unit's case or for its employee: 404.
    assert client.get("/surat/baru/", {"kind": "summons_1", "case": b["case"].pk}).status_code == 404
    assert client.get("/surat/baru/", {"kind": "summons_1", "employee": b["employee"].pk}).status_code == 404
    # Bulk assignment with another unit's case id changes nothing.
    client.post("/kasus/tugaskan/", {"cases": [b["case"].pk], "officer": officer.pk})
    assert Case.objects.get(pk=b["case"].pk).assigned_officer_id != officer.pk
    # Tagging another unit's employee on one's own post is ignored.
    client.post(f"/kasus/unggahan/{a['post'].pk}/pegawai/", {"employees": [b["employee"].pk]})
    assert not a["post"].subjects.filter(employee=b["employee"]).exists()
    # A social account cannot be linked to another unit's employee.
    client.post(
        "/pegawai/akun-medsos/baru/",
        {"employee": b["employee"].pk, "platform": "facebook", "handle": "orang.b", "method": "officer"},
    )
    assert not b["employee"].social_accounts.exists()
