"""`dialogteam export ID --agreement FILE [--which NAMN]`: the agreement with the
åtgärdsplan as Bilaga 1, as the window exports it: a Word document when FILE ends
in .docx, otherwise a PDF."""

from __future__ import annotations

import sys
from pathlib import Path

from .store.errors import StoreError
from .store.store import Store


def export_agreement(store: Store, engagement_id: str, path: Path, which: str | None) -> int:
    from .domain.agreement_choice import choose_agreement
    from .export.atomic import describe_os_error
    from .store.agreement_snapshot import attach_new_plan_version, prepare_agreement_export
    agreement, reason = choose_agreement(store.agreements.list(engagement_id), which)
    if agreement is None:
        print(reason, file=sys.stderr)
        return 1
    export = prepare_agreement_export(store, agreement.id)
    word = path.suffix.lower() == ".docx"
    existed, written = path.exists(), False
    try:
        # One transaction: the plan version it attaches is recorded with the file or
        # not at all (a busy database is found before anything is written).
        with store.db.bulk():
            if word:
                from .export.docx.agreement_docx import render_agreement_docx
                render_agreement_docx(export.document, export.plan, path)
                what = "Word-dokument"
            else:
                from .export.agreement_pdf import render_agreement_pdf
                what = f"{render_agreement_pdf(export.document, export.plan, path)} sidor"
            written = True
            if export.plan is not None and export.plan_is_new:
                attach_new_plan_version(store, export, path.name)
    except OSError as exc:
        failed = "Word-dokumentet" if word else "PDF:en"
        print(f"{failed} sparades inte. {describe_os_error(exc, path)}", file=sys.stderr)
        return 1
    except StoreError:
        if written and not existed:
            path.unlink(missing_ok=True)
        raise
    bilaga = ""
    if export.plan is not None:
        bilaga = f", med åtgärdsplanen version {export.plan.version} som bilaga 1"
    print(f"Överenskommelsen ({agreement.name}) sparades: {path} ({what}){bilaga}.")
    return 0
