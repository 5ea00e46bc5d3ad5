"""The outreach demo content: idempotent, merged public reports, a LAPOR! row, a waiting BKN recommendation."""

import pytest

from accounts.roles import HR
from cases.models import Recommendation
from outreach import demo
from outreach.models import PublicReport
from tests.cases.conftest import make_case
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_outreach_demo_is_idempotent(hr_user, unit):
    make_case(hr_user, EmployeeFactory(unit=unit))
    demo.seed({"users": {HR: hr_user}})
    demo.seed({"users": {HR: hr_user}})
    assert PublicReport.objects.count() == 4
    assert max(r.post.public_reports.count() for r in PublicReport.objects.all()) == 3
    assert PublicReport.objects.filter(channel="lapor").count() == 1
    assert Recommendation.objects.filter(source="bkn").count() == 1
