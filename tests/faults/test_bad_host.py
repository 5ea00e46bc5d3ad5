"""A request with a Host the server does not serve gets the Indonesian 400 page, not a server error (the error page
is rendered before AuthenticationMiddleware has set ``request.user``). Found while load testing."""

import pytest


@pytest.mark.django_db
def test_unknown_host_header_is_a_400_not_a_500(client, settings):
    settings.ALLOWED_HOSTS = ["netralitas.example.go.id"]
    client.raise_request_exception = False
    r = client.get("/kasus/", HTTP_HOST="evil.example.com")
    assert r.status_code == 400
