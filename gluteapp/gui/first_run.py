"""The first-run medical disclaimer, shown before anything else can be used."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.assets import assets_dir


def disclaimer_markdown() -> str:
    return (assets_dir() / "pages" / "disclaimer.md").read_text(encoding="utf-8")


class DisclaimerDialog(QDialog):
    """Accepting it marks the first run as done; declining closes the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before you start"))
        self.setModal(True)
        self.resize(620, 520)
        layout = QVBoxLayout(self)
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
