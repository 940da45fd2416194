"""What a new user sees: how to begin, and a filled example one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ..common.theme import themed


class WelcomeView(QWidget):
    create_organiser = Signal()
    load_sample = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self)
        themed(self.title, "welcomeTitle")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        themed(self.text, "welcomeText")
        self.create_button = QPushButton("Lägg till en huvudman", self)
        self.create_button.clicked.connect(self.create_organiser)
        self.sample_button = QPushButton("Öppna exempeldata (Norrviks och Sjöviks kommun)", self)
        self.sample_button.clicked.connect(self.load_sample)
        for b in (self.create_button, self.sample_button):
            b.setMinimumHeight(36)
            b.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(12)
        layout.addWidget(self.title, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.text, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(self.create_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.sample_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.text.setFixedWidth(520)  # a wrapped label needs its width to know its height
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_empty(self, empty: bool) -> None:
        """Empty store: a welcome; otherwise a hint to pick something on the left."""
        if empty:
            self.title.setText("Välkommen till Dialogteam")
            self.text.setText(
                "Här samlar du anteckningar från dialogmötena, nulägesanalysen, "
                "åtgärdsplanen, överenskommelserna och uppföljningen av insatserna för varje "
                "huvudman. Allt sparas automatiskt på din dator, "
                "även utan nätverk.\n\nBörja med att lägga till en huvudman, eller titta "
                "först på ett ifyllt exempel.")
        else:
            self.title.setText("Välj en huvudman eller samverkan")
            self.text.setText("Välj i listan till vänster, eller lägg till en ny huvudman "
                              "med Ctrl+N.")
        self.sample_button.setVisible(empty)
