"""Floor for start-up: a bare PySide6 window comparable to Dialogteam's main window
(menus, a toolbar, a tree on the left, a page on the right, a status bar), run as its own
process.

    python benchmarks/floor_window.py [--page]

Prints `painted <ms>` at the first paint and `usable <ms>` once the event loop is idle
after it (input would be handled), both from the start of the process's Python code,
and `faults <n>`: the pages the process had touched for the first time by then.
The page on the right is a label and a field; with --page it is instead what the
program shows when it starts on a samverkan: five tabs, the first a scrolling page with a
heading, a form of five fields, three lists, a table of dates and buttons, built with
PySide6 alone (no database, no program code), for the same window with the same widgets.
"""

import os
import resource
import sys
import time

STARTED = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


def faults() -> int:
    """Pages the process has touched for the first time so far (minor page faults)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def ms() -> float:
    return (time.perf_counter() - STARTED) * 1000


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.done = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print(f"painted {ms():.1f}", flush=True)
            QTimer.singleShot(0, lambda: (print(f"usable {ms():.1f}\nfaults {faults()}",
                                                flush=True), quit_now()))
        return False


def quit_now() -> None:
    if "--exit-at-usable" in sys.argv:  # nothing after usable counted (instruction counts)
        os._exit(0)
    app.quit()


app = QApplication([])
window = QMainWindow()
for menu in ("Arkiv", "Redigera", "Visa", "Hjälp"):
    m = window.menuBar().addMenu(menu)
    for n in range(6):
        m.addAction(f"{menu} {n}")
toolbar = window.addToolBar("Verktyg")
toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
for n in range(6):
    toolbar.addAction(f"Verktyg {n}")
model = QStandardItemModel()
for o in range(5):
    parent = QStandardItem(f"Huvudman {o}")
    for e in range(2):
        child = QStandardItem(f"Samverkan {e}")
        for m_no in range(5):
            child.appendRow([QStandardItem(f"Möte {m_no}"), QStandardItem("12 ant.")])
        parent.appendRow([child, QStandardItem("Analys")])
    model.appendRow([parent, QStandardItem("")])
tree = QTreeView()
tree.setModel(model)
tree.expandToDepth(1)


def welcome_page() -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("Välkommen"))
    layout.addWidget(QLineEdit())
    layout.addStretch(1)
    return page


def listing(texts: list[str], checkable: bool = False) -> QListWidget:
    widget = QListWidget()
    for text in texts:
        item = QListWidgetItem(text, widget)
        if checkable:
            item.setCheckState(Qt.CheckState.Checked)
    return widget


def samverkan_page() -> QWidget:
    """The shape of the samverkan overview the program restores (see the docstring)."""
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QLabel("Samverkan för bästa skola"))
    layout.addWidget(QLabel("Norrviks kommun · Dialogfas · dnr 2026:412"))
    form = QFormLayout()
    form.addRow("Benämning", QLineEdit("Samverkan för bästa skola"))
    form.addRow("Diarienummer", QLineEdit("2026:412"))
    for label, items in (("Fas", ["Dialogfas", "Genomförande"]), ("Ansvarig", ["(ingen vald)"])):
        combo = QComboBox()
        combo.addItems(items)
        form.addRow(label, combo)
    form.addRow("Anteckningar", QPlainTextEdit())
    layout.addLayout(form)
    layout.addWidget(QLabel("Möten"))
    layout.addWidget(listing([f"2026-09-0{n} Möte {n} – Dialogmöte, 8 anteckningar"
                              for n in range(1, 5)]))
    buttons = QHBoxLayout()
    buttons.addWidget(QPushButton("Nytt möte"))
    buttons.addStretch(1)
    layout.addLayout(buttons)
    layout.addWidget(QLabel("Skolenheter i samverkan"))
    layout.addWidget(listing(["Björkdalsskolan 7-9", "Alvikens skola F-6",
                              "Strandängsskolan 4-9"], checkable=True))
    layout.addWidget(QLabel("Viktiga datum"))
    dates = QStandardItemModel(0, 3)
    dates.setHorizontalHeaderLabels(["Vad", "Datum", "Kommentar"])
    for row in range(3):
        dates.appendRow([QStandardItem("Beslut"), QStandardItem(f"2026-0{row + 1}-15"),
                         QStandardItem("")])
    table = QTableView()
    table.setModel(dates)
    layout.addWidget(table)
    layout.addWidget(QPushButton("Nytt datum"))
    layout.addWidget(QLabel("Datum ur överenskommelserna"))
    layout.addWidget(listing(["2026-06-18  Undertecknad (ÖK 1)"]))
    layout.addWidget(QLabel("Gallring"))
    layout.addWidget(QPushButton("Gallra …"))
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    tabs = QTabWidget()
    tabs.addTab(scroll, "Översikt")
    for title in ("Nulägesanalys", "Åtgärdsplan", "Överenskommelser", "Genomförande"):
        tabs.addTab(QWidget(), title)
    return tabs


stack = QStackedWidget()
stack.addWidget(samverkan_page() if "--page" in sys.argv else welcome_page())
splitter = QSplitter(Qt.Orientation.Horizontal)
splitter.addWidget(tree)
splitter.addWidget(stack)
window.setCentralWidget(splitter)
window.statusBar().showMessage("Allt är sparat")
window.resize(1280, 800)
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
