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
