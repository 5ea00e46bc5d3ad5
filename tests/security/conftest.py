"""The security tests reuse the letters and training fixtures (a letterhead, a case, a quiz)."""

from tests.letters.conftest import case, issue, leader_employee, letterhead, make_draft, staff_employee  # noqa: F401
from tests.training.conftest import quiz  # noqa: F401
