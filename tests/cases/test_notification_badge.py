"""The unread-notification badge: counted per user, loaded by htmx from the page header."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Notification

pytestmark = pytest.mark.django_db


def notify(user, n, *, read=False):
    for i in range(n):
        Notification.objects.create(
            user=user, kind="info", message=f"pesan {i}", read_at=timezone.now() if read else None
        )


def test_badge_counts_only_the_users_unread_notifications(client, hr_user, staff_user):
    notify(hr_user, 2)
    notify(hr_user, 4, read=True)
    notify(staff_user, 3)
    client.force_login(hr_user)
    r = client.get(reverse("cases:notification_badge"), HTTP_HX_REQUEST="true")
    html = r.content.decode()
    assert r.status_code == 200
    assert "2 notifikasi baru" in html and reverse("cases:notification_list") in html
    assert "<html" not in html  # a fragment, not a page


def test_badge_is_empty_without_unread_notifications(client, staff_user, hr_user):
    notify(hr_user, 5)
    notify(staff_user, 1, read=True)
    client.force_login(staff_user)
    html = client.get(reverse("cases:notification_badge")).content.decode()
    assert 'class="notif-count"' in html and "notifikasi baru" not in html


def test_header_loads_badge_on_page_load_and_every_minute(client, staff_user):
    client.force_login(staff_user)
    html = client.get(reverse("cases:notification_list")).content.decode()
    assert f'hx-get="{reverse("cases:notification_badge")}"' in html
    assert 'hx-trigger="load, every 60s"' in html


def test_header_has_no_badge_for_anonymous_or_roleless_users(client, outsider):
    html = client.get(reverse("account_login")).content.decode()
    assert reverse("cases:notification_badge") not in html
    client.force_login(outsider)
    html = client.get(reverse("home"), follow=True).content.decode()
    assert reverse("cases:notification_badge") not in html
