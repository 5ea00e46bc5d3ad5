"""Bulk printing: merge the stored (frozen) PDFs of several letters into one file, on the "pdf" queue."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import can
from audit.services import record
from netralitas_site.jobs import enqueue

from .models import BulkPrintJob, Letter
from .selectors import letter_list_for
from .services import stored_pdf
from .workflow import IllegalStep

PRINTABLE = (Letter.Status.ISSUED, Letter.Status.ACKNOWLEDGED, Letter.Status.SUPERSEDED)


@transaction.atomic
def start(*, acting_user: Any, letter_ids: list[int], request=None) -> BulkPrintJob:
    if not can(acting_user, "letters.view_all"):
        raise IllegalStep(_("Anda tidak berwenang mencetak surat."))
    wanted = [int(i) for i in letter_ids if str(i).isdigit()]
    visible = letter_list_for(user=acting_user)  # the printer's scope: ids of other units' letters are dropped
    found = set(visible.filter(pk__in=wanted, status__in=PRINTABLE).values_list("pk", flat=True))
    ids = [i for i in dict.fromkeys(wanted) if i in found]
    if not ids:
        raise IllegalStep(_("Pilih sedikitnya satu surat yang sudah terbit."))
    job = BulkPrintJob.objects.create(created_by=acting_user, letter_ids=ids, total=len(ids))
    record("letters.bulk_print", actor=acting_user, subject=job, changes={"letters": ids}, request=request)
    enqueue("pdf", run, job.pk)
    return job


def merge(parts, progress=None) -> bytes:
    """Concatenate PDFs (bytes) into one; ``progress(done)`` is called along the way."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for done, data in enumerate(parts, start=1):
        writer.append(io.BytesIO(data))
        if progress:
            progress(done)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def run(job_id: int) -> None:
    """The job: append each stored PDF (never re-rendered) and save the merged file, reporting progress."""
    job = BulkPrintJob.objects.get(pk=job_id)
    BulkPrintJob.objects.filter(pk=job.pk).update(status=BulkPrintJob.Status.RUNNING)
    try:
        letters = {letter.pk: letter for letter in Letter.objects.filter(pk__in=job.letter_ids)}
        step = max(1, job.total // 20)

        def progress(done: int) -> None:
            if done % step == 0 or done == job.total:
                BulkPrintJob.objects.filter(pk=job.pk).update(done_count=done)

        merged = merge((stored_pdf(letters[pk]) for pk in job.letter_ids), progress)
        job.refresh_from_db()
        job.file.save("bulk.pdf", ContentFile(merged), save=False)
        job.status, job.finished_at = BulkPrintJob.Status.DONE, timezone.now()
        job.save(update_fields=["file", "status", "finished_at"])
    except Exception as exc:
        BulkPrintJob.objects.filter(pk=job.pk).update(
            status=BulkPrintJob.Status.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        raise
