"""Printing an exported PDF through Qt's print dialog.

The pages the user chose are rendered with QtPdf and painted onto the printer on
a pool thread (QPainter may paint on a QPrinter outside the GUI thread), so a
long plan never freezes the window; a progress dialog can cancel between pages.
What is printed is exactly the PDF that is saved or sent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

MAX_DPI = 300  # enough for text on paper; more only makes the job slower


def print_pages(pdf_path: Path, printer: QPrinter, first: int = 1, last: int = 0,
                progress: Callable[[int, int], bool] | None = None) -> int:
    """Paint pages first..last (1-based, 0 = to the end) of the PDF onto `printer`;
    returns the number printed. `progress(done, total)` returning False stops."""
    pdf = QPdfDocument()
    pdf.load(str(pdf_path))
    if pdf.status() != QPdfDocument.Status.Ready:
        raise OSError(f"PDF:en {Path(pdf_path).name} kunde inte läsas.")
    last = min(last or pdf.pageCount(), pdf.pageCount())
    pages = list(range(max(1, first) - 1, last))
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Skrivaren kunde inte startas.")
    done = 0
    try:
        for n, index in enumerate(pages):
            if n:
                printer.newPage()
            size = pdf.pagePointSize(index)
            image = pdf.render(index, QSize(round(size.width() * dpi / 72),
                                            round(size.height() * dpi / 72)))
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
            done += 1
            if progress and not progress(done, len(pages)):
                break
    finally:
        painter.end()
        pdf.close()
    return done


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(int, str)   # pages printed, a Swedish error or ""


def print_pdf(parent: QWidget, pdf_path: Path, title: str) -> None:
    """Ask how to print (Qt's dialog), then print the PDF off the GUI thread."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Skriv ut")
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    first, last = ((printer.fromPage(), printer.toPage())
                   if printer.printRange() == QPrinter.PrintRange.PageRange else (1, 0))
    busy = QProgressDialog("Skriver ut …", "Avbryt", 0, 0, parent)
    busy.setWindowTitle("Skriv ut")
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)
    cancelled = threading.Event()
    busy.canceled.connect(cancelled.set)
    signals = _Signals(busy)
    signals.progress.connect(lambda done, total: (busy.setMaximum(total), busy.setValue(done)))

    def finished(_pages: int, error: str) -> None:
        busy.close()
        if error:
            from .dialogs import show_error
            show_error(parent, "Utskriften misslyckades", error)
    signals.finished.connect(finished)

    def job() -> None:
        try:
            pages = print_pages(pdf_path, printer, first, last,
                                lambda d, t: (signals.progress.emit(d, t),
                                              not cancelled.is_set())[1])
        except OSError as e:
            signals.finished.emit(0, str(e))
            return
        signals.finished.emit(pages, "")

    parent._print_job = (printer, signals)  # kept alive until the job ends
    QThreadPool.globalInstance().start(job)
