"""Printing paints the exported PDF's pages onto a printer (here Qt's PDF printer)."""

from pathlib import Path

from helpers.plan_documents import timra_document
from pypdf import PdfReader

from dialogteam_app.export import render_plan_pdf


def test_print_pages_paints_every_chosen_page(qapp, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from dialogteam_app.ui.common.printing import print_pages
    source = tmp_path / "plan.pdf"
    pages = render_plan_pdf(timra_document(), source)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(100)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    seen = []
    assert print_pages(source, printer, 2, 4, lambda d, t: seen.append((d, t)) or True) == 3
    assert seen == [(1, 3), (2, 3), (3, 3)]
    printed = PdfReader(out)
    assert len(printed.pages) == 3 and pages > 4
    (image,) = [x.get_object() for x in printed.pages[0]["/Resources"]["/XObject"].values()]
    assert image["/Width"] >= 8.27 * 100 - 2  # the whole A4 page, at the printer's resolution


def test_printing_can_stop_between_pages(qapp, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from dialogteam_app.ui.common.printing import print_pages
    source = tmp_path / "plan.pdf"
    render_plan_pdf(timra_document(), source)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(72)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pages(Path(source), printer, progress=lambda d, t: d < 2) == 2
