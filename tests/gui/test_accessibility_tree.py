"""What a screen reader hears: Qt's accessibility tree of every view, walked and checked.

Every control has a name; a label's name is its text or adds to it (WCAG 2.5.3, label in
name), never a word that hides it; a decorative glyph (a bullet, a step number beside its
step, a warning sign beside its warning) is not in the tree at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from msgspec import Struct
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from gluteapp.gui.first_run import FirstRunDialog
from gluteapp.gui.settings import Settings
from gluteapp.storage.export import fill_demo_history
from tests.gui.conftest import StartApp, settle

Role = QAccessible.Role
Text = QAccessible.Text

#: Roles a person acts on: each must say what it is.
CONTROLS = {Role.Button, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText,
            Role.Slider, Role.SpinBox, Role.PageTab, Role.Link, Role.ButtonMenu}
#: Text that is only a glyph: decoration when a screen reader reads it alone.
GLYPH = re.compile(r"^\s*[!•✗✓·*\-–—]\s*$")
#: Glyphs a label may show beside words that its name says in words ("Mon ✓": "Mon: done").
DECORATION = str.maketrans("", "", "!•✗✓·")


class Node(Struct):
    role: QAccessible.Role
    name: str
    text: str  # what the widget shows, when it is a label or a button
    path: str


def without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def visible_text(widget: QWidget | None) -> str:
    if isinstance(widget, QLabel):
        text = widget.text()
        if widget.buddy() is not None:
            text = without_mnemonic(text)
        if widget.textFormat() == Qt.TextFormat.PlainText or "<" not in text:
            return text
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    if isinstance(widget, QAbstractButton):
        return without_mnemonic(widget.text())
    return ""


def walk(interface: QAccessibleInterface, path: str = "") -> Iterator[Node]:
    if interface is None or not interface.isValid() or interface.state().invisible:
        return
    widget = interface.object()
    widget = widget if isinstance(widget, QWidget) else None
    where = f"{path}/{interface.role().name}"
    if widget is not None and widget.objectName():
        where += f"#{widget.objectName()}"
    yield Node(interface.role(), interface.text(Text.Name), visible_text(widget), where)
    for index in range(interface.childCount()):
        yield from walk(interface.child(index), where)


def normalise(text: str) -> str:
    """Words only: no decorative glyphs, no "…" that a button adds for "asks more"."""
    text = text.translate(DECORATION).replace("…", " ").replace("...", " ")
    return " ".join(text.split()).casefold()


def problems(root: QWidget) -> list[str]:
    found = []
    for node in walk(QAccessible.queryAccessibleInterface(root)):
        name, shown = normalise(node.name), normalise(node.text)
        if node.role in CONTROLS and not name:
            found.append(f"unnamed {node.role.name}: {node.path}")
        if node.role == Role.StaticText and GLYPH.match(node.name or node.text):
            found.append(f"decorative glyph {node.name or node.text!r} read out: {node.path}")
        elif shown and name and shown not in name:
            found.append(f"name {node.name!r} hides its text {node.text!r}: {node.path}")
    return found


@pytest.fixture
def demo_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    fill_demo_history(data, 0.5)
    return data


@pytest.mark.parametrize("area", ["library", "sessions", "plan", "history"])
def test_every_area_speaks_plainly(start_app: StartApp, demo_data: Path, area: str) -> None:
    app = start_app(view=area, skip_first_run=True)
    window = app.window
    window.resize(1280, 800)
    window.show()
    settle()
    if area == "library":
        view = window.page("library").view()  # type: ignore[attr-defined]
        view.list_view.setCurrentIndex(view.proxy.index(0, 0))  # an exercise, shown in full
        settle()
        # Step numbers beside their steps are decoration too; each step's name has its number.
        steps = list(walk(QAccessible.queryAccessibleInterface(view.detail.steps)))
        texts = [node for node in steps if node.role == Role.StaticText]
        assert [node.name for node in texts if node.name.strip().isdigit()] == []
        assert texts[0].name.startswith("Step 1: ")
        assert texts[0].name.endswith(texts[0].text)
    assert problems(window) == []


def test_the_first_run_questions_speak_plainly(qapp: QApplication, tmp_path: Path) -> None:
    dialog = FirstRunDialog(Settings(tmp_path / "settings.ini"))
    dialog.show()
    settle()
    try:
        assert problems(dialog) == []
    finally:
        dialog.close()
