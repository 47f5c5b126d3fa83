"""Gluteapp's own widget style: Fusion, drawn from our palettes, with visible check marks.

Loaded only when the light or dark theme replaces the platform's style: creating the Python
side of QStyle (its enums) costs more than the rest of the theme together.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from gluteapp.gui.theme import Role, is_dark


class GluteappStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons outlined so they show on a dark window.

    Fusion draws their border a shade darker than the window, which vanishes on dark grey.
    """

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("fusion"))
        self.setObjectName("gluteapp_style")

    def drawPrimitive(  # noqa: N802 - Qt override
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        round_box = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not (round_box or element == QStyle.PrimitiveElement.PE_IndicatorCheckBox):
            return
        if not is_dark(option.palette):
            return
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(option.palette.color(Role.PlaceholderText), 1.0))
        if round_box:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2.0, 2.0)
        painter.restore()
