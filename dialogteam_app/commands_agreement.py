"""`dialogteam export ID --agreement FILE [--which NAMN]`: the agreement as PDF with
the åtgärdsplan as Bilaga 1, as the window exports it."""

from __future__ import annotations

import sys
from pathlib import Path

from .store.store import Store


def export_agreement(store: Store, engagement_id: str, path: Path, which: str | None) -> int:
    from .domain.agreement_choice import choose_agreement
    from .export.agreement_pdf import render_agreement_pdf
    from .export.atomic import describe_os_error
    from .store.agreement_snapshot import attach_new_plan_version, prepare_agreement_export
    agreement, reason = choose_agreement(store.agreements.list(engagement_id), which)
    if agreement is None:
        print(reason, file=sys.stderr)
        return 1
    export = prepare_agreement_export(store, agreement.id)
    try:
        pages = render_agreement_pdf(export.document, export.plan, path)
    except OSError as exc:
        print(f"PDF:en sparades inte. {describe_os_error(exc, path)}", file=sys.stderr)
        return 1
    bilaga = ""
    if export.plan is not None:
        if export.plan_is_new:
            attach_new_plan_version(store, export, path.name)
        bilaga = f", med åtgärdsplanen version {export.plan.version} som bilaga 1"
    print(f"Överenskommelsen ({agreement.name}) sparades: {path} ({pages} sidor){bilaga}.")
    return 0
