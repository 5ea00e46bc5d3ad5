import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AuditEvent
from cases import services
from cases.models import Case, Notification
from tests.cases.conftest import make_case, make_post, upload
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(hr_user, staff_user, other_staff_user, employee, jpeg):
    own = make_case(hr_user, staff_user.employee)
    other = make_case(hr_user, other_staff_user.employee)
    post = make_post(hr_user, url="https://tiktok.com/@x/video/9", employees=[employee], files=[upload(jpeg)])
    return {"own": own, "other": other, "post": post, "evidence": post.evidence.get()}


OFFICER_GET = [
    ("cases:post_list", None),
    ("cases:post_create", None),
    ("cases:post_detail", "post"),
    ("cases:case_list", None),
    ("cases:case_export", None),
    ("cases:case_detail", "own"),
    ("cases:evidence_file", "evidence"),
    ("cases:evidence_thumb", "evidence"),
    ("registry:social_account_add", None),
    ("cases:people_search", None),
]
OFFICER_POST = [
    "cases:case_transition", "cases:case_update", "cases:case_assign", "cases:case_examination",
    "cases:case_recommendation", "cases:case_decision", "cases:case_delivered", "cases:case_follow_up",
]  # fmt: skip


def _url(world, name, key):
    return reverse(name, args=[world[key].pk]) if key else reverse(name)


@pytest.mark.parametrize("name,key", OFFICER_GET)
def test_anonymous_redirected_to_login(client, world, name, key):
    r = client.get(_url(world, name, key))
    assert r.status_code == 302 and "/accounts/login/" in r["Location"]


@pytest.mark.parametrize("name,key", OFFICER_GET)
def test_staff_refused_officer_pages(client, world, staff_user, name, key):
    client.force_login(staff_user)
    assert client.get(_url(world, name, key)).status_code in (403, 404)


@pytest.mark.parametrize("name", OFFICER_POST + ["cases:post_open_cases", "cases:post_add_evidence"])
def test_staff_refused_officer_actions(client, world, staff_user, name):
    client.force_login(staff_user)
    key = "post" if name.startswith("cases:post_") else "own"
    assert client.post(reverse(name, args=[world[key].pk]), {}).status_code in (403, 404)
    assert client.post(reverse("cases:case_bulk_assign"), {}).status_code == 403


@pytest.mark.parametrize("name", OFFICER_POST)
def test_monitor_cannot_touch_cases(client, world, monitor_user, name):
    client.force_login(monitor_user)
    assert client.post(reverse(name, args=[world["own"].pk]), {}).status_code == 403


@pytest.mark.parametrize("name,key", OFFICER_GET)
def test_officer_pages_render(client, world, hr_user, name, key):
    client.force_login(hr_user)
    r = client.get(_url(world, name, key))
    assert r.status_code == 200


def test_staff_sees_only_own_case(client, world, staff_user):
    from cases.models import Case

    client.force_login(staff_user)
    own = world["own"]
    # Intake and screening are internal: the employee sees the case once summoned.
    assert client.get(reverse("cases:my_case_detail", args=[own.pk])).status_code == 404
    assert own.reference not in client.get(reverse("my_home")).content.decode()
    Case.objects.filter(pk=own.pk).update(status=Case.Status.SUMMONS_1, summons_1_date=dt.date(2024, 11, 1))
    Case.objects.filter(pk=world["other"].pk).update(status=Case.Status.SUMMONS_1, summons_1_date=dt.date(2024, 11, 1))
    assert client.get(reverse("cases:my_case_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("cases:my_case_detail", args=[world["other"].pk])).status_code == 404
    home = client.get(reverse("my_home")).content.decode()
    assert world["own"].reference in home and world["other"].reference not in home


def test_evidence_download_logged_each_time_thumbnails_once_per_page(client, world, hr_user):
    client.force_login(hr_user)
    e = world["evidence"]
    r = client.get(reverse("cases:evidence_file", args=[e.pk]))
    assert r["Content-Type"] == "image/jpeg" and b"".join(r.streaming_content)[:2] == b"\xff\xd8"
    before = AuditEvent.objects.count()
    for _ in range(3):  # a gallery reloading its thumbnails writes nothing
        assert client.get(reverse("cases:evidence_thumb", args=[e.pk])).status_code == 200
    assert AuditEvent.objects.count() == before
    actions = list(
        AuditEvent.objects.filter(subject_id=str(e.pk), subject_type="cases.evidence").values_list("action", flat=True)
    )
    assert sorted(actions) == ["evidence.download", "evidence.upload"]
    client.get(reverse("cases:post_detail", args=[e.post_id]))  # the page showing the thumbnails: one event
    (shown,) = AuditEvent.objects.filter(action="evidence.gallery_view")
    assert shown.changes == {"post": e.post_id, "evidence": [e.pk]} and shown.actor == hr_user


def test_case_list_constant_queries(client, hr_user, unit):
    client.force_login(hr_user)
    url = reverse("cases:case_list")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    for _ in range(5):
        make_case(hr_user, EmployeeFactory(unit=unit))
    few = count()
    for _ in range(25):
        make_case(hr_user, EmployeeFactory(unit=unit))
    Case.objects.update(assigned_officer=hr_user)
    many = count()
    assert few == many, (few, many)


def test_case_list_filters_search_and_csv(client, hr_user, unit, vt5):
    a = make_case(hr_user, EmployeeFactory(unit=unit, full_name="Zulkifli Cari"), violation_type=vt5)
    make_case(hr_user, EmployeeFactory(unit=unit, full_name="Bambang"))
    client.force_login(hr_user)
    html = client.get(reverse("cases:case_list"), {"q": "zulki"}).content.decode()
    assert a.reference in html and "Bambang" not in html
    html = client.get(reverse("cases:case_list"), {"violation_type": vt5.pk, "sort": "-opened"}).content.decode()
    assert "Zulkifli" in html and "Bambang" not in html
    html = client.get(reverse("cases:case_list"), {"q": a.reference}).content.decode()
    assert "Zulkifli" in html and "Bambang" not in html
    csv = b"".join(client.get(reverse("cases:case_export"), {"q": "zulki"}).streaming_content).decode()
    assert a.reference in csv and "Bambang" not in csv
    r = client.get(reverse("cases:case_list"), {"overdue": "on"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and "<html" not in r.content.decode()


def test_bulk_assign_notifies(client, hr_user, admin_user, unit):
    cases = [make_case(hr_user, EmployeeFactory(unit=unit)) for _ in range(3)]
    client.force_login(admin_user)
    r = client.post(reverse("cases:case_bulk_assign"), {"cases": [c.pk for c in cases], "officer": hr_user.pk})
    assert r.status_code == 302
    assert Case.objects.filter(assigned_officer=hr_user).count() == 3
    assert Notification.objects.filter(user=hr_user, kind="assigned").count() == 3
    assert AuditEvent.objects.filter(action="case.assign").count() == 3
    client.force_login(hr_user)
    assert "ditugaskan" in client.get(reverse("cases:notification_list")).content.decode()


def test_report_post_form_and_open_cases_in_one_step(client, monitor_user, hr_user, unit, jpeg):
    e1, e2 = EmployeeFactory(unit=unit, full_name="Satu"), EmployeeFactory(unit=unit, full_name="Dua")
    client.force_login(monitor_user)
    r = client.get(reverse("cases:people_search"), {"q": "Sat"})
    assert f'value="{e1.pk}"' in r.content.decode() and f'value="{e2.pk}"' not in r.content.decode()
    client.get(reverse("cases:people_search"), {"q": "Dua", "employees": [e1.pk]})  # the monitor tags whom it found
    r = client.post(
        reverse("cases:post_create"),
        {"platform": "facebook", "url": "https://m.facebook.com/x/posts/5?fbclid=1", "source": "public",
         "found_at": "2024-11-01T10:00", "employees": [e1.pk, e2.pk], "files": [upload(jpeg)]},
    )  # fmt: skip
    assert r.status_code == 302
    post = services.find_duplicate_post("https://facebook.com/x/posts/5")
    assert post.evidence.count() == 1 and post.subjects.filter(confirmed_at__isnull=True).count() == 2
    client.force_login(hr_user)
    r = client.post(reverse("cases:post_open_cases", args=[post.pk]), {"employees": [e1.pk, e2.pk]})
    assert r.status_code == 302
    cases = Case.objects.filter(posts=post)
    assert cases.count() == 2 and set(cases.values_list("employee", flat=True)) == {e1.pk, e2.pk}
    assert post.subjects.filter(confirmed_by=hr_user).count() == 2
    page = client.get(reverse("cases:case_detail", args=[cases[0].pk])).content.decode()
    assert reverse("cases:evidence_thumb", args=[post.evidence.get().pk]) in page


def test_case_detail_without_detection_template(client, hr_user, employee, monkeypatch):
    from cases.views import casework

    monkeypatch.setattr(casework, "detection_template_exists", lambda: False)
    case = make_case(hr_user, employee)
    client.force_login(hr_user)
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 200


def test_an_incomplete_action_form_names_the_missing_field(client, world, hr_user):
    from cases.models import Examination

    case = world["own"]
    client.force_login(hr_user)
    response = client.post(
        reverse("cases:case_examination", args=[case.pk]),
        {"version": case.version, "held_on": "2024-11-20", "examiners": "", "questions_answers": ""},
        follow=True,
    )
    page = response.content.decode()
    assert "Lengkapi data BAP." in page
    assert "Pemeriksa (satu per baris)" in page and "Tanya jawab" in page
    assert not Examination.objects.filter(case=case).exists()


def test_saving_an_unchanged_case_says_so(client, world, hr_user):
    case = world["own"]
    client.force_login(hr_user)
    data = {"version": case.version, "summary": case.summary or ""}
    if case.violation_type_id:
        data["violation_type"] = case.violation_type_id
    for track in ("ethics_track", "discipline_track", "gakkumdu_referred"):
        if getattr(case, track):
            data[track] = "on"
    page = client.post(reverse("cases:case_update", args=[case.pk]), data, follow=True).content.decode()
    assert "Tidak ada perubahan." in page
    case.refresh_from_db()
    assert case.version == data["version"]
