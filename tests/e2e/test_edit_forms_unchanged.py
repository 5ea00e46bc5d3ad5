"""Every edit form, opened on saved demo data and saved unchanged in a real browser, changes nothing
(issue 14 point 16: programme 1 lost its due date that way, because the date inputs were filled DD-MM-YYYY)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.forms.models import model_to_dict

from . import screens
from .conftest import demo_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _snapshot(obj) -> dict:
    obj.refresh_from_db()
    data = model_to_dict(obj)
    return {k: (sorted(str(getattr(x, "pk", x)) for x in v) if isinstance(v, list) else v) for k, v in data.items()}


def _edit_pages():
    """(label, url, instance) of every edit form the app offers, on the demo's saved objects."""
    from cases.models import Case
    from letters.models import Letter, Letterhead
    from registry.models import CandidatePair, Election, Employee
    from training.models import ApelScript, Campaign, IntegrityPact, Material, Programme, Question, Quiz, Session

    programme = Programme.objects.filter(due_date__isnull=False).first() or Programme.objects.first()
    session = Session.objects.order_by("pk").first()
    pair = CandidatePair.objects.order_by("pk").first()
    case = Case.objects.order_by("pk").first()
    pages = [
        ("pegawai", f"/pegawai/{Employee.objects.filter(supervisor__isnull=False).first().pk}/ubah/", None),
        ("pemilihan", f"/pemilu/{Election.objects.first().pk}/ubah/", None),
        ("pasangan calon", f"/pemilu/{pair.election_id}/paslon/{pair.pk}/", pair),
        ("program", f"/pelatihan/kelola/program/{programme.pk}/ubah/", programme),
        ("materi", f"/pelatihan/kelola/program/{programme.pk}/materi/{Material.objects.filter(programme=programme).first().pk}/", None),
        ("sesi", f"/pelatihan/kelola/sesi/{session.pk}/ubah/", session),
        ("kuis", f"/pelatihan/kelola/kuis/{Quiz.objects.first().pk}/ubah/", None),
        ("soal", f"/pelatihan/kelola/soal/{Question.objects.first().pk}/", None),
        ("kampanye", f"/pelatihan/kelola/kampanye/{Campaign.objects.first().pk}/ubah/", None),
        ("pakta", f"/pelatihan/kelola/pakta/{IntegrityPact.objects.first().pk}/ubah/", None),
        ("naskah apel", f"/pelatihan/kelola/apel/{ApelScript.objects.first().pk}/ubah/", None),
        ("kasus", f"/kasus/{case.pk}/#ubah", case),
    ]  # fmt: skip
    draft = Letter.objects.filter(status=Letter.Status.DRAFT).first()
    if draft is not None:
        pages.append(("surat (konsep)", f"/surat/{draft.pk}/ubah/", draft))
    if Letterhead.objects.exists():
        pages.append(("kop surat", "/surat/kop-surat/", Letterhead.objects.first()))
    return pages


def _instance(label: str, url: str, given):
    """The object an edit page saves (resolved from the URL when not given)."""
    if given is not None:
        return given
    from registry.models import Election, Employee
    from training.models import ApelScript, Campaign, IntegrityPact, Material, Question, Quiz

    pk = int([p for p in url.split("/") if p.isdigit()][-1])
    model = {"pegawai": Employee, "pemilihan": Election, "materi": Material, "kuis": Quiz, "soal": Question,
             "kampanye": Campaign, "pakta": IntegrityPact, "naskah apel": ApelScript}[label]  # fmt: skip
    return model.objects.get(pk=pk)


FORM = {  # the form that saves, when a page holds several
    "kasus": "form[action$='/ubah/']",
}


def test_every_edit_form_saved_unchanged_changes_nothing(demo, _browser, live_url):
    context = _browser.new_context(viewport=screens.DESKTOP, locale="id-ID")
    screens.install_axe(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = []
    try:
        demo_login(page, live_url, "admin", screens.Report(), 1280)
        pages = _edit_pages()
        assert len(pages) >= 12
        for label, url, given in pages:
            obj = _instance(label, url, given)
            before = _snapshot(obj)
            page.goto(live_url + url)
            form = page.locator(FORM.get(label, "main form[method=post]")).last
            for date_input in form.locator("input[type=date]").all():
                value = date_input.input_value()  # a browser reads only YYYY-MM-DD; anything else shows empty
                name = date_input.get_attribute("name")
                if before.get(name) and not value:
                    problems.append(f"{label}: the date {name} ({before[name]}) shows empty")
                if value:
                    dt.date.fromisoformat(value)
            if label == "kasus":
                form.locator("input[name=reason]").fill("Disimpan tanpa perubahan (uji).")
            form.locator("button[type=submit]").last.click()
            page.wait_for_load_state("networkidle")
            errors = page.locator(".errorlist, .msg.error").all_inner_texts()
            if errors:
                problems.append(f"{label}: saving unchanged was refused: {errors}")
            after = _snapshot(obj)
            changed = {k: (before[k], after.get(k)) for k in before if before[k] != after.get(k)}
            changed.pop("updated_at", None)
            if changed:
                problems.append(f"{label}: saving unchanged changed {changed}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
