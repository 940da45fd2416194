"""Floor for start-up: a bare PySide6 window comparable to Dialogteam's main window
(menus, a toolbar, a tree on the left, a page on the right, a status bar), run as its own
process.

    python benchmarks/floor_window.py

Prints `painted <ms>` at the first paint and `usable <ms>` once the event loop is idle
after it (input would be handled), both from the start of the process's Python code.
"""

import time

STARTED = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


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
            QTimer.singleShot(0, lambda: (print(f"usable {ms():.1f}", flush=True), app.quit()))
        return False


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
page = QWidget()
layout = QVBoxLayout(page)
layout.addWidget(QLabel("Välkommen"))
layout.addWidget(QLineEdit())
layout.addStretch(1)
stack = QStackedWidget()
stack.addWidget(page)
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
