"""Questions and messages in Swedish, with Swedish button texts."""

from __future__ import annotations

import logging
import sys
from collections import Counter

from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.record_names import counted

log = logging.getLogger(__name__)


def describe_impact(counts: Counter) -> str:
    listed = counted(counts)
    return f"Det tar också bort {listed}." if listed else ""


def confirm_delete(parent: QWidget | None, title: str, text: str,
                   impact: Counter | None = None, undoable: bool = False) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    details = describe_impact(impact or Counter())
    after = "Du kan ångra med Ctrl+Z." if undoable else "Detta kan inte ångras."
    box.setInformativeText((details + "\n\n" if details else "") + after)
    delete = box.addButton("Ta bort", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """The title goes to the log (the text may hold the user's words), with the
    traceback of the exception being handled, if any."""
    log.warning("error shown: %s", title, exc_info=sys.exc_info()[1] is not None)
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
