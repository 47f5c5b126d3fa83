"""`--screenshot` writes exactly what the window shows, quickly compressed but lossless."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gluteapp.gui.screenshot import as_painted, save_window


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


def test_offscreen_the_window_is_copiedas_painted_not_painted_again(qtbot: QtBot) -> None:
    label = QLabel("Seitstütz · 30 s")
    qtbot.addWidget(label)
    label.resize(300, 90)
    label.setStyleSheet("background: #183848; color: #f8e0a0; font-size: 30px;")
    label.show()
    qtbot.waitExposed(label)
    for _ in range(3):
        QApplication.processEvents()
    screen = label.screen()
    assert screen is not None
    kept = screen.grabWindow(label.winId())  # the offscreen platform's copy of the painting
    assert not kept.isNull()  # or save_window would fall back to painting it again
    copied = as_painted(label).toImage().convertToFormat(QImage.Format.Format_RGB32)
    painted = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert copied.size() == painted.size()
    assert copied == painted
