"""`--screenshot` writes exactly what the window shows, quickly compressed but lossless."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gluteapp.gui.screenshot import save_window


def test_the_png_holds_every_pixel_of_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    label = QLabel("Glute bridge · Gesäßbrücke · 30 s")
    qtbot.addWidget(label)
    label.resize(420, 120)
    label.setStyleSheet("background: qlineargradient(x1:0, y1:0, x2:1, y2:1, "
                        "stop:0 #204060, stop:1 #f0c040); font-size: 28px;")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    target = tmp_path / "shots" / "label.png"
    assert save_window(app, label, target) == 0
    written = QImage(str(target)).convertToFormat(QImage.Format.Format_RGB32)
    shown = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert written.size() == shown.size()
    assert written == shown  # PNG at any zlib level is lossless: no pixel may differ
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
