"""The security tests reuse the letters, training and cases fixtures (a letterhead, a case, a quiz).

``media_tmp`` is autouse: evidence files go to a temporary folder.
"""

from tests.cases.conftest import media_tmp  # noqa: F401
from tests.letters.conftest import case, issue, leader_employee, letterhead, make_draft, staff_employee  # noqa: F401
from tests.training.conftest import quiz  # noqa: F401
