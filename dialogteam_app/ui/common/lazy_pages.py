"""Tabs and stacked pages that are built the first time they are shown.

Building every page of a view up front blocked the window for most of a second
(Qt polishing widgets nobody looks at). Here a page is a factory until it is shown
or asked for by key; the views keep their attributes as properties over `page(key)`.
`currentWidget`, `indexOf` and `setCurrentWidget` speak of the real pages, so
callers never see the placeholders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from .tab_bar import roomy_tabs

PageFactory = Callable[[], QWidget]


class LazyPage(QWidget):
    """Holds a page's place until `page()` builds it inside itself."""

    def __init__(self, factory: PageFactory, parent: QWidget | None = None):
        super().__init__(parent)
        self._factory: PageFactory | None = factory
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        if self._page is None:
            assert self._factory is not None
            self._page, self._factory = self._factory(), None
            self._layout.addWidget(self._page)
        return self._page


class _LazyPages:
    """What the tab widget and the stack share: pages by key, placeholders hidden."""

    _lazy: dict[str, LazyPage]

    def page(self, key: str) -> QWidget:
        return self._lazy[key].page()

    def built_pages(self) -> Iterator[QWidget]:
        """The pages built so far (to refresh them without building the others)."""
        return (p.page() for p in self._lazy.values() if p.built)

    def _holder(self, widget: QWidget | None) -> QWidget | None:
        parent = widget.parentWidget() if widget is not None else None
        return parent if isinstance(parent, LazyPage) else widget

    @staticmethod
    def _real(widget: QWidget | None) -> QWidget | None:
        return widget.page() if isinstance(widget, LazyPage) else widget


class LazyTabWidget(_LazyPages, QTabWidget):
    """`add_page("plan", "Åtgärdsplan", lambda: PlanView(...))`; the page is built when
    its tab is first shown, or when `page("plan")` asks for it."""

    def __init__(self, parent: QWidget | None = None):
        QTabWidget.__init__(self, parent)
        roomy_tabs(self)
        self._lazy = {}
        # Connected first, so the page exists before anyone else hears of the change.
        self.currentChanged.connect(lambda i: self._real(self.widget(i)))

    def add_page(self, key: str, title: str, factory: PageFactory) -> None:
        self._lazy[key] = LazyPage(factory, self)
        self.addTab(self._lazy[key], title)

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]  # None when empty, as in Qt
        return self._real(super().currentWidget())

    def indexOf(self, widget: QWidget | None) -> int:  # noqa: N802
        return super().indexOf(self._holder(widget))

    def setCurrentWidget(self, widget: QWidget | None) -> None:  # noqa: N802
        self.setCurrentIndex(self.indexOf(widget))


class LazyStack(_LazyPages, QStackedWidget):
    """A QStackedWidget whose keyed pages are built when first asked for."""

    def __init__(self, parent: QWidget | None = None):
        QStackedWidget.__init__(self, parent)
        self._lazy = {}

    def add_page(self, key: str, factory: PageFactory) -> None:
        self._lazy[key] = LazyPage(factory, self)
        self.addWidget(self._lazy[key])

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._real(super().currentWidget())

    def indexOf(self, widget: QWidget | None) -> int:  # noqa: N802
        return super().indexOf(self._holder(widget))

    def setCurrentWidget(self, widget: QWidget | None) -> None:  # noqa: N802
        holder = self._holder(widget)
        if isinstance(holder, LazyPage):
            holder.page()
        super().setCurrentWidget(holder)
