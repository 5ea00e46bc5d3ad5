import subprocess
import sys

from django.urls import reverse


def test_health_answers(client, db):
    assert client.get("/health/").json() == {"status": "ok"}


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_signup_is_closed(client, db):
    response = client.get("/accounts/signup/")
    assert response.status_code in (200, 403)
    assert b'name="password1"' not in response.content


def test_pages_speak_indonesian_by_default_and_english_on_request(client, db):
    page = client.get(reverse("account_login")).content.decode()
    assert 'lang="id"' in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("account_login")).content.decode()
    assert 'lang="en"' in page


def test_no_cdn_in_templates():
    from pathlib import Path

    for path in Path("templates").rglob("*.html"):
        text = path.read_text()
        assert "cdn" not in text.lower() and "googleapis" not in text, path


def test_production_settings_pass_check_deploy(tmp_path):
    env = {
        "DEBUG": "0",
        "SECRET_KEY": "x" * 64 + "production-secret-from-environment",
        "ALLOWED_HOSTS": "netralitas.example.go.id",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**env, "DJANGO_SETTINGS_MODULE": "netralitas_site.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_secret_key_required_when_debug_off(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env={"DEBUG": "0", "PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "netralitas_site.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_indonesian_even_when_the_browser_prefers_english(client, db):
    page = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="id"' in page


def test_navigation_follows_the_role(client, staff_user, hr_user):
    client.force_login(staff_user)
    page = client.get(reverse("my_home")).content.decode()
    assert "Pelatihan saya" in page and "Surat saya" in page
    assert reverse("cases:case_list") + '"' not in page
    client.force_login(hr_user)
    page = client.get(reverse("registry:employee_list")).content.decode()
    assert 'href="/pegawai/" class="active"' in page
    assert "Pelatihan saya" not in page


def test_models_and_migrations_agree(db):
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # SystemExit(1) if a migration is missing
