"""Importing key figures from a CSV file and saving a template for it."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...domain.key_figure_csv import read_key_figures_file, template_csv
from ...export.atomic import write_bytes_atomic
from ...store.store import Store
from ..common.background_job import run_in_background
from ..common.dialogs import show_error, show_info

SHOWN_ERRORS = 12


def ask_and_import(parent: QWidget, store: Store, engagement_id: str) -> bool:
    path, _ = QFileDialog.getOpenFileName(parent, "Importera nyckeltal", str(Path.home()),
                                          "CSV-filer (*.csv *.txt);;Alla filer (*)")
    return bool(path) and import_file(parent, store, engagement_id, Path(path))


def import_file(parent: QWidget, store: Store, engagement_id: str, path: Path) -> bool:
    """Check the whole file; import it in one go only if nothing is wrong. Says how it went."""
    e = store.engagements.get(engagement_id)
    units = store.organisers.units(e.organiser_id)
    # Off the GUI thread: 5 000 rows are checked in well under a second, but a slow
    # network drive must not freeze the window meanwhile.
    parsed = run_in_background(parent, "Läser nyckeltalen",
                               lambda progress: read_key_figures_file(path, engagement_id, units))
    if not parsed.ok:
        show_csv_errors(parent, path, [str(p) for p in parsed.errors])
        return False
    try:
        result = store.current_state.import_key_figures(engagement_id, parsed.figures)
    except ValueError as exc:  # a skolenhet deleted meanwhile, say
        show_error(parent, "Nyckeltalen lästes inte in", f"{exc}\n\nIngenting har ändrats.")
        return False
    skipped = len(parsed.skipped_lines)
    logging.getLogger(__name__).info("key figures imported: engagement %s, %d new, %d updated",
                                     engagement_id, result.added, result.updated)
    text = f"{result.added} nya och {result.updated} uppdaterade nyckeltal från {path.name}."
    if skipped:
        text += f"\n\n{skipped} rad{'er' if skipped > 1 else ''} utan värde hoppades över."
    show_info(parent, "Nyckeltal importerade", text)
    return True


def show_csv_errors(parent: QWidget, path: Path, errors: list[str]) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Nyckeltalen lästes inte in",
                      f"{path.name} innehåller fel och lästes inte in. Ingenting har ändrats.",
                      parent=parent)
    shown = errors[:SHOWN_ERRORS]
    more = len(errors) - len(shown)
    box.setInformativeText("\n".join(shown) + (f"\n… och {more} fel till (se detaljer)."
                                               if more else "")
                           + "\n\nRätta filen och importera den igen. Formatet beskrivs i "
                             "mallen (Exportera mall…).")
    if more:
        box.setDetailedText("\n".join(errors))
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def ask_and_export_template(parent: QWidget, store: Store, engagement_id: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Exportera mall för nyckeltal",
                                          str(Path.home() / "nyckeltal-mall.csv"),
                                          "CSV-filer (*.csv)")
    return export_template(parent, store, engagement_id, Path(path)) if path else None


def export_template(parent: QWidget, store: Store, engagement_id: str, path: Path) -> Path | None:
    e = store.engagements.get(engagement_id)
    units = [u for u in store.organisers.units(e.organiser_id) if u.id in e.school_unit_ids] \
        or store.organisers.units(e.organiser_id)
    text = template_csv(units, str(date.today().year - 1))
    try:
        # With a BOM, Excel opens it as UTF-8 and shows å, ä and ö.
        write_bytes_atomic(path, text.encode("utf-8-sig"))
    except OSError as exc:
        show_error(parent, "Mallen sparades inte", f"{path} kunde inte skrivas: "
                                                   f"{exc.strerror or exc}.")
        return None
    show_info(parent, "Mall sparad", f"Mallen sparades som {path}.\n\nFyll i värde och riket "
                                     "(till exempel från SIRIS) och läs in filen med "
                                     "Importera CSV…")
    return path
