"""The first run: the medical disclaimer, then three questions that shape the suggested routine."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.assets import assets_dir
from gluteapp.gui.settings import (
    EQUIPMENT,
    FIRST_RUN_DONE,
    GOAL_PER_WEEK,
    WEAKER_SIDE,
    Settings,
    tr_setting,
)
from gluteapp.gui.settings_dialog import MultiChoice


def disclaimer_markdown(language: str | None = None) -> str:
    """The disclaimer in `language` (default: the UI locale's) if there is one, else English."""
    pages = assets_dir() / "pages"
    language = language or QLocale().name().split("_")[0]
    translated = pages / f"disclaimer.{language}.md"
    if translated.is_file():
        return translated.read_text(encoding="utf-8")
    return (pages / "disclaimer.md").read_text(encoding="utf-8")


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class DisclaimerPage(QWidget):
    """The disclaimer text, to be read once before anything else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr("Please read this once. You can find it again under Library, Learn.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Medical disclaimer"))
        self.text.setOpenExternalLinks(False)
        self.text.setMarkdown(disclaimer_markdown())
        layout.addWidget(self.text, 1)


class QuestionsPage(QWidget):
    """Weaker side, weekly goal and equipment, filled in from the current settings."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        heading = QLabel(self.tr("Three quick questions"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(_hint(self.tr(
            "Your answers shape the suggested routine and which exercises the library offers. "
            "You can change them at any time in Settings."
        )))

        side_box = QGroupBox(self.tr("Is one side weaker than the other?"))
        side_layout = QVBoxLayout(side_box)
        self.side_group = QButtonGroup(self)
        self.side_buttons: dict[str, QRadioButton] = {}
        for choice, text in (
            ("none", self.tr("No, or I am not sure")),
            ("left", self.tr("My left side")),
            ("right", self.tr("My right side")),
        ):
            button = QRadioButton(text)
            button.setAccessibleName(text)
            self.side_group.addButton(button)
            self.side_buttons[choice] = button
            side_layout.addWidget(button)
        side_layout.addWidget(_hint(self.tr(
            "Exercises done one side at a time will start with the weaker side, and the "
            "history compares left with right."
        )))
        self.side_buttons[settings.get(WEAKER_SIDE)].setChecked(True)
        layout.addWidget(side_box)

        goal_box = QGroupBox(self.tr("How many sessions a week do you aim for?"))
        goal_layout = QVBoxLayout(goal_box)
        self.goal = QSpinBox()
        self.goal.setRange(GOAL_PER_WEEK.minimum or 1, GOAL_PER_WEEK.maximum or 7)
        self.goal.setSuffix(" " + tr_setting(GOAL_PER_WEEK.unit))
        self.goal.setValue(settings.get(GOAL_PER_WEEK))
        self.goal.setAccessibleName(self.tr("Sessions per week"))
        self.goal.setMaximumWidth(self.goal.sizeHint().width() + 40)
        goal_layout.addWidget(self.goal)
        self.goal_hint = _hint(self.tr(
            "Twice a week is what the gluteus medius article recommends. The two-minute "
            "standing break from sitting can come on any day and does not count towards it."
        ))
        goal_layout.addWidget(self.goal_hint)
        layout.addWidget(goal_box)

        kit_box = QGroupBox(self.tr("What do you have at home?"))
        kit_layout = QVBoxLayout(kit_box)
        self.equipment = MultiChoice(EQUIPMENT)
        self.equipment.set_value(settings.get(EQUIPMENT))
        self.equipment.setAccessibleName(tr_setting(EQUIPMENT.label))
        kit_layout.addWidget(self.equipment)
        kit_layout.addWidget(_hint(self.tr(
            "A mat or a towel on the floor is assumed. Exercises that need anything you do not "
            "have are set aside for now."
        )))
        layout.addWidget(kit_box)
        layout.addStretch(1)

    def weaker_side(self) -> str:
        for choice, button in self.side_buttons.items():
            if button.isChecked():
                return choice
        return "none"


class FirstRunDialog(QDialog):
    """Disclaimer, then the questions. Accepted: the answers and FIRST_RUN_DONE are saved.

    Rejected (Quit on the disclaimer): nothing is saved, and the app should close.
    """

    DISCLAIMER, QUESTIONS = 0, 1

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Welcome to Gluteapp"))
        self.setObjectName("first_run_dialog")
        self.setModal(True)
        self.disclaimer = DisclaimerPage()
        self.questions = QuestionsPage(settings)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.disclaimer)
        self.pages.addWidget(self.questions)

        self.buttons = QDialogButtonBox()
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAccessibleName(self.tr("Quit Gluteapp"))
        self.accept_button = QPushButton(self.tr("I understand"))
        self.accept_button.setAccessibleName(self.tr("I understand the disclaimer"))
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back to the disclaimer"))
        self.finish_button = QPushButton(self.tr("Start using Gluteapp"))
        self.finish_button.setAccessibleName(self.tr("Save the answers and start"))
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.finish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button.clicked.connect(self.reject)
        self.accept_button.clicked.connect(lambda: self.show_page(self.QUESTIONS))
        self.back_button.clicked.connect(lambda: self.show_page(self.DISCLAIMER))
        self.finish_button.clicked.connect(self.finish)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 12)
        layout.setSpacing(12)
        layout.addWidget(self.pages, 1)
        # Back sits on the left, away from the buttons that move forward.
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.show_page(self.DISCLAIMER)
        self.resize(640, 640)

    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        on_disclaimer = index == self.DISCLAIMER
        self.quit_button.setVisible(on_disclaimer)
        self.accept_button.setVisible(on_disclaimer)
        self.back_button.setVisible(not on_disclaimer)
        self.finish_button.setVisible(not on_disclaimer)
        default = self.accept_button if on_disclaimer else self.finish_button
        default.setDefault(True)
        default.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self) -> None:
        """Save the answers and mark the first run as done."""
        self._settings.set(WEAKER_SIDE, self.questions.weaker_side())
        self._settings.set(GOAL_PER_WEEK, self.questions.goal.value())
        self._settings.set(EQUIPMENT, self.questions.equipment.value())
        self._settings.set(FIRST_RUN_DONE, True)
        self.accept()

    def reject(self) -> None:
        # Closing the window after accepting the disclaimer keeps the answers as shown:
        # quitting the app for an Escape on the questions would be harsh.
        if self.pages.currentIndex() == self.QUESTIONS:
            self.finish()
        else:
            super().reject()


class DisclaimerDialog(QDialog):
    """The disclaimer alone (what app.py shows until it switches to FirstRunDialog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before you start"))
        self.setModal(True)
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        self.page = DisclaimerPage()
        self.text = self.page.text
        layout.addWidget(self.page, 1)
        buttons = QDialogButtonBox()
        self.accept_button = QPushButton(self.tr("I understand"))
        self.accept_button.setAccessibleName(self.tr("I understand the disclaimer"))
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAccessibleName(self.tr("Quit Gluteapp"))
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accept_button.setDefault(True)
