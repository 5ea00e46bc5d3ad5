"""The English catalogue is used once a user chooses English (the .mo is compiled before the suite runs)."""

from django.urls import reverse


def choose(client, language: str) -> None:
    client.post(reverse("set_language"), {"language": language, "next": "/"})


def test_my_home_in_english_after_choosing_it(staff_client, staff_user):
    page = staff_client.get(reverse("my_home")).content.decode()
    assert "Beranda saya" in page and "Keluar" in page

    choose(staff_client, "en")
    page = staff_client.get(reverse("my_home")).content.decode()
    assert 'lang="en"' in page
    assert "My home" in page
    assert "Log out" in page
    assert "My training" in page and "My letters" in page
    assert "Beranda saya" not in page and "Keluar" not in page


def test_login_page_in_english_after_choosing_it(client, db):
    choose(client, "en")
    page = client.get(reverse("account_login")).content.decode()
    assert 'lang="en"' in page
    assert "Sign In" in page and "Password" in page
    assert "ASN neutrality monitoring system" in page
    assert "Sistem pengawasan netralitas ASN" not in page and "Sandi" not in page


def test_back_to_indonesian(staff_client, staff_user):
    choose(staff_client, "en")
    choose(staff_client, "id")
    page = staff_client.get(reverse("my_home")).content.decode()
    assert "Beranda saya" in page and "My home" not in page
