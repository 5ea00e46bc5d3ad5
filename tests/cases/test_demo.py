import pytest

from accounts.roles import ADMIN, HR, LEADER, MONITOR, STAFF
from cases import demo_cases
from cases.models import Case, ReportedPost

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent(admin_user, hr_user, monitor_user, leader_user, staff_user, unit):
    from tests.factories import EmployeeFactory

    for _ in range(12):
        EmployeeFactory(unit=unit)
    users = {ADMIN: admin_user, HR: hr_user, MONITOR: monitor_user, LEADER: leader_user, STAFF: staff_user}
    demo_cases.seed({"users": users, "units": {}, "election": None, "employees": []})
    n_posts, n_cases = ReportedPost.objects.count(), Case.objects.count()
    assert n_cases >= 10
    statuses = set(Case.objects.values_list("status", flat=True))
    assert {"new", "summons_2", "decision", "final", "dismissed"} <= statuses
    demo_cases.seed({"users": users, "units": {}, "election": None, "employees": []})
    assert (ReportedPost.objects.count(), Case.objects.count()) == (n_posts, n_cases)


def test_demo_collage_post_is_read_photo_by_photo(admin_user, hr_user, monitor_user, leader_user, staff_user, unit):
    """The demo's collage post gets real detection results: four photos, each looked at on its own."""
    from detection.models import DetectionRun
    from tests.factories import EmployeeFactory

    for _ in range(12):
        EmployeeFactory(unit=unit)
    users = {ADMIN: admin_user, HR: hr_user, MONITOR: monitor_user, LEADER: leader_user, STAFF: staff_user}
    demo_cases.seed({"users": users, "units": {}, "election": None, "employees": []})
    post = ReportedPost.objects.get(url="https://demo.netralitas/instagram/p/3000")
    evidence = post.evidence.get()
    run = DetectionRun.objects.filter(evidence=evidence).first()
    if run is None or run.status != DetectionRun.Status.DONE:  # jobs run after commit
        from detection.tasks import run_detection

        run_detection(evidence.pk)
        run = DetectionRun.objects.get(evidence=evidence)
    assert run.second_pass == "panels" and len(run.panels) >= 4
    assert sorted(h.fingers for h in run.hands.all()) == [0, 1, 4, 5]
