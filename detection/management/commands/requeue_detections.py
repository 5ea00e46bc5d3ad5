"""Re-queue detection runs whose worker died (and, with --failed, failed runs)."""

from django.core.management.base import BaseCommand

from detection.models import DEFAULT_STALE_MINUTES
from detection.services import dead_runs, requeue_dead_runs


class Command(BaseCommand):
    help = "Re-queue detection runs stuck in 'running' (or never picked up) for too long; --failed adds failed runs."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-minutes",
            type=int,
            default=DEFAULT_STALE_MINUTES,
            help=f"A run without sign of life for this long is dead (default {DEFAULT_STALE_MINUTES}).",
        )
        parser.add_argument("--failed", action="store_true", help="Also re-queue runs that failed.")
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be re-queued.")

    def handle(self, *args, stale_minutes: int, failed: bool, dry_run: bool, **options):
        if stale_minutes < 1:
            self.stderr.write("--stale-minutes must be at least 1")
            return
        if dry_run:
            for run in dead_runs(stale_minutes=stale_minutes, include_failed=failed):
                self.stdout.write(f"evidence {run.evidence_id}: run {run.pk} {run.status} {run.error[:80]}")
            return
        ids = requeue_dead_runs(stale_minutes=stale_minutes, include_failed=failed)
        self.stdout.write(f"Re-queued {len(ids)} detection run(s)" + (f": evidence {ids}" if ids else "."))
