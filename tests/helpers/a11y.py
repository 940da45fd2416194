"""Generic accessibility checks over whatever a window shows.

`walk_pages` visits every navigator item, every tab of every QTabWidget (nested too) and
every row of any view marked as a page selector (property "pageSelector"); `walk_dialogs`
opens every menu command and page button whose text ends in "…" (the desktop sign for
"opens a dialog"), checks the dialog and cancels it. New pages and tabs are covered
without being listed here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAccessible, QColor, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QMenu,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QTabWidget,
    QWidget,
)

# The smallest screens asked for, in logical pixels: 1366×768, and 1920×1080 at 150 %.
LAPTOP = (min(1366, 1920 * 2 // 3), min(768, 1080 * 2 // 3))
MIN_CONTRAST = 4.5
_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{6})")
_CHIP = re.compile(r"background-color\s*:\s*(#[0-9a-fA-F]{6})\s*;\s*color\s*:\s*(#[0-9a-fA-F]{6})")


# -- contrast ------------------------------------------------------------------------------------
def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return (0.2126 * _linear(colour.red()) + 0.7152 * _linear(colour.green())
            + 0.0722 * _linear(colour.blue()))


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _background(image: QImage, x0: int, y0: int, w: int, h: int) -> QColor | None:
    """The colour most pixels of the area have: what the text is drawn on."""
    counts: Counter[int] = Counter()
    step = max(1, min(w, h) // 6)
    for y in range(max(0, y0), min(image.height(), y0 + h), step):
        for x in range(max(0, x0), min(image.width(), x0 + w), step):
            counts[image.pixel(x, y)] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0]) if counts else None


def _shot(widget: QWidget) -> tuple[QImage, float]:
    pixmap = widget.window().grab()
    return pixmap.toImage(), pixmap.devicePixelRatio()


def low_contrast(root: QWidget) -> list[str]:
    """Every visible label's text colours (palette, stylesheet and inline HTML) against
    the background actually painted under it; item views' foreground colours likewise."""
    shot = list(_shot(root))
    top = root.window()
    problems = []

    def bg_at(widget: QWidget, x: int, y: int, w: int, h: int) -> QColor | None:
        if widget.visibleRegion().isEmpty():  # scrolled away: bring it into view first
            _scroll_to(widget)
            shot[:] = _shot(root)
        image, ratio = shot
        origin = widget.mapTo(top, QPoint(x, y))
        return _background(image, int(origin.x() * ratio), int(origin.y() * ratio),
                           max(1, int(w * ratio)), max(1, int(h * ratio)))

    for label in root.findChildren(QLabel):
        if not (label.isVisible() and label.isEnabled() and label.text().strip()):
            continue
        label.ensurePolished()
        background = bg_at(label, 0, 0, label.width(), label.height())
        if background is None:
            continue
        colours = [label.palette().color(label.foregroundRole())]
        colours += [QColor(c) for c in _COLOUR.findall(label.text())]
        for colour in colours:
            ratio_ = contrast(colour, background)
            if ratio_ < MIN_CONTRAST:
                problems.append(f"{_describe(label)} {label.text()[:40]!r}: {colour.name()} on "
                                f"{background.name()} = {ratio_:.2f}")
    for view in root.findChildren(QAbstractItemView):
        if view.isVisible() and view.model() is not None:
            problems += _view_contrast(view, bg_at)
    return problems


def _scroll_to(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
            QCoreApplication.processEvents()
            return
        parent = parent.parentWidget()


def _view_contrast(view: QAbstractItemView, bg_at) -> list[str]:
    from dialogteam_app.ui.common.html_delegate import HTML_ROLE
    problems = []
    viewport = view.viewport()
    for index in _indexes(view.model(), limit=60):
        rect = view.visualRect(index)
        if not rect.isValid() or not viewport.rect().intersects(rect):
            continue
        if view.selectionModel() is not None and view.selectionModel().isSelected(index):
            continue  # selection colours are checked by the delegate's own test
        background = bg_at(viewport, rect.x(), rect.y(), rect.width(), rect.height())
        if background is None:
            continue
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        pairs = []
        if brush is not None:
            pairs.append((QColor(brush.color() if hasattr(brush, "color") else brush), background))
        html = index.data(HTML_ROLE) or ""
        chips = _CHIP.findall(html)
        pairs += [(QColor(fg), QColor(bg)) for bg, fg in chips]
        for colour in _COLOUR.findall(_CHIP.sub("", html)):
            pairs.append((QColor(colour), background))
        for fg, bg in pairs:
            if contrast(fg, bg) < MIN_CONTRAST:
                problems.append(f"{_describe(view)} row {index.row()} {str(index.data())[:30]!r}: "
                                f"{fg.name()} on {bg.name()} = {contrast(fg, bg):.2f}")
    return problems


def _indexes(model, parent=QModelIndex(), limit=60):
    found = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps it private: one column
        columns = 1
    for row in range(min(model.rowCount(parent), limit)):
        for column in range(columns):
            index = model.index(row, column, parent)
            found.append(index)
            if column == 0 and columns > 1 and model.rowCount(index) > 0:
                found += _indexes(model, index, limit)
    return found[: limit * 4]


# -- names ---------------------------------------------------------------------------------------
def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def focusable(root: QWidget) -> list[QWidget]:
    """Visible, enabled widgets that Tab can reach, in the root (and the root itself)."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if (w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not isinstance(w, (QScrollBar, QMenu)) and w.focusProxy() is None
                and not _inside_scrolled_off(w) and not _other_radio(w)):
            found.append(w)
    return found


def _other_radio(w: QWidget) -> bool:
    """In a group of radio buttons Tab stops at the chosen one; arrows pick another."""
    if not isinstance(w, QRadioButton) or not w.autoExclusive() or w.isChecked():
        return False
    siblings = w.parentWidget().findChildren(QRadioButton) if w.parentWidget() else []
    return any(s.isChecked() for s in siblings if s.autoExclusive())


def _inside_scrolled_off(w: QWidget) -> bool:
    """A viewport of a scroll area is no stop of its own (its scroll area is)."""
    parent = w.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is w


def unnamed(root: QWidget) -> list[str]:
    return [_describe(w) for w in focusable(root) if not accessible_name(w).strip()]


# -- keyboard ------------------------------------------------------------------------------------
def _press_tab(window: QWidget) -> QWidget | None:
    target = window.focusWidget() or window
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier))
    QCoreApplication.processEvents()
    return window.focusWidget()


def tab_problems(root: QWidget) -> list[str]:
    """Tab from the first control must reach every control of `root` and leave tables
    after one press."""
    stops = focusable(root)
    if not stops:
        return []
    window = root.window()
    first = stops[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QCoreApplication.processEvents()
    if window.focusWidget() is None:
        return [f"{_describe(first)} does not take focus"]
    reached, problems = {id(window.focusWidget())}, []
    current = window.focusWidget()
    for _ in range(4 * len(focusable(window)) + 20):
        after = _press_tab(window)
        if after is None:
            return problems + [f"Tab from {_describe(current)} left no focus"]
        if after is current:
            if len(focusable(window)) > 1:  # a lone OK button has nowhere else to go
                problems.append(f"Tab does not leave {_describe(current)}")
            break
        reached.add(id(after))
        current = after
        if after is first:
            break
    still = {id(w) for w in focusable(root)}  # an answer that came meanwhile may hide some
    missing = [_describe(w) for w in stops if id(w) not in reached and id(w) in still]
    if missing:
        problems.append(f"Tab never reaches {missing[:6]}")
    return problems


# -- size ----------------------------------------------------------------------------------------
def too_big(dialog: QWidget) -> list[str]:
    """A dialog opens within 90 % of the screen it is on (under Xvfb in .ci/run that is
    1366×768) and can shrink to 90 % of the smallest laptop screen (whatever the test
    screen): 1280×720 logical pixels, which is 1920×1080 at 150 %."""
    available = dialog.screen().availableGeometry()
    problems = []
    for what, size, (limit_w, limit_h) in (
            ("size", dialog.size(), (int(available.width() * 0.9), int(available.height() * 0.9))),
            ("minimum size", dialog.minimumSizeHint(), (int(LAPTOP[0] * 0.9), int(LAPTOP[1] * 0.9)))):
        if size.width() > limit_w or size.height() > limit_h:
            problems.append(f"{_describe(dialog)} {what} {size.width()}x{size.height()} "
                            f"> {limit_w}x{limit_h}")
    return problems


# -- walking -------------------------------------------------------------------------------------
def check_all(root: QWidget, where: str, *, tab: bool = True) -> list[str]:
    problems = [f"{where}: unnamed {n}" for n in unnamed(root)]
    problems += [f"{where}: {p}" for p in low_contrast(root)]
    if tab:
        problems += [f"{where}: {p}" for p in tab_problems(root)]
    return problems


def explore(container: QWidget, where: str, visit: Callable[[QWidget, str], None],
            walking: frozenset[int] = frozenset()) -> None:
    """Visit the container and every tab of its tab widgets, recursively; where it has a
    page selector, do that for every row the selector can choose (an agreement's tabs and
    its insatser, for each agreement)."""
    for selector in _outside_tabs(container, QAbstractItemView):
        if selector.property("pageSelector") and selector.isVisible() \
                and id(selector) not in walking:
            rows = [index for index in _indexes(selector.model(), limit=40)
                    if index.column() == 0]
            for index in rows:
                selector.setCurrentIndex(index)
                QCoreApplication.processEvents()
                explore(container, f"{where} › {index.data()}", visit, walking | {id(selector)})
            if rows:
                return
    visit(container, where)
    for tabs in _outermost(container, QTabWidget):
        for i in range(tabs.count()):
            if not tabs.isTabEnabled(i):
                continue
            tabs.setCurrentIndex(i)
            QCoreApplication.processEvents()
            explore(tabs.widget(i), f"{where} › {tabs.tabText(i).replace('&', '')}", visit)


def _outside_tabs(container: QWidget, kind: type) -> list:
    """The container's widgets of `kind` that are not on a tab (those are walked with it)."""
    found = []
    for w in container.findChildren(kind):
        parent = w.parentWidget()
        while parent is not None and parent is not container and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is container:
            found.append(w)
    return found


def _outermost(container: QWidget, kind: type) -> list:
    found = []
    for w in container.findChildren(kind):
        parent = w.parentWidget()
        while parent is not None and parent is not container and not isinstance(parent, kind):
            parent = parent.parentWidget()
        if parent is container and w.isVisible():
            found.append(w)
    return found


def walk_pages(window, visit: Callable[[QWidget, str], None]) -> None:
    """Every item in the navigator, its page and everything reachable inside it."""
    from dialogteam_app.ui.window.navigator import ID_ROLE, KIND_ROLE
    nav = window.navigator
    for index in _indexes(nav.model(), limit=200):
        if index.column() != 0:
            continue
        nav.select(index.data(KIND_ROLE), index.data(ID_ROLE) or "")
        QCoreApplication.processEvents()
        explore(window.stack.currentWidget(), str(index.data()), visit)


def open_and_check(trigger: Callable[[], None], check: Callable[[QDialog], None],
                   seen: list[str]) -> None:
    """Run `trigger`; the modal dialog it opens is checked and cancelled. Looked for until
    `trigger` returns (a dialog is slow to come on a loaded machine: the print dialog
    took over a second), for at most 30 s."""
    returned = [False]

    def handle(tries=[0]):  # noqa: B006 - a counter shared by this call's retries
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            if not returned[0] and tries[0] < 1500:
                QTimer.singleShot(20, handle)
            return
        QCoreApplication.processEvents()
        seen.append(dialog.windowTitle())
        try:
            check(dialog)
        finally:
            dialog.close() if not isinstance(dialog, QDialog) else dialog.reject()
    QTimer.singleShot(0, handle)
    trigger()
    returned[0] = True
    QCoreApplication.processEvents()


def dialog_buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton)
            if b.isVisible() and b.isEnabled() and b.text().rstrip().endswith("…")]


def _describe(w: QWidget) -> str:
    name = w.objectName() or accessible_name(w) or (w.text() if hasattr(w, "text") and
                                                    isinstance(w.text(), str) else "")
    return f"{type(w).__name__}({name[:30]!r})"


def clipped_columns(view: QAbstractItemView) -> list[str]:
    """Columns narrower than their widest cell or their header: the text is elided or
    broken mid-word, and a screen-reader user's sighted colleague cannot read it."""
    header = view.horizontalHeader()  # type: ignore[attr-defined]
    model = view.model()
    problems = []
    for c in range(header.count()):
        need = max(view.sizeHintForColumn(c), header.sectionSizeFromContents(c).width())
        if header.sectionSize(c) < need:
            title = model.headerData(c, Qt.Orientation.Horizontal)
            problems.append(f"{_describe(view)} column {title!r}: {header.sectionSize(c)} < {need} px")
    return problems
