"""The settings dialog, generated from the option declarations; every change applies at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gluteapp.gui.settings import (
    ALL_OPTIONS,
    GROUPS,
    Option,
    Settings,
    option_by_key,
    tr_setting,
)

if TYPE_CHECKING:
    from gluteapp.gui.backup_dialog import BackupHost

AnyOption = Option[bool] | Option[int] | Option[str]
#: How a time-of-day option is stored and shown.
TIME_FORMAT = "HH:mm"


def visible_options() -> list[AnyOption]:
    """The options a person can change here: all but those the app keeps itself."""
    return [o for o in ALL_OPTIONS if not o.internal]


def grouped_options() -> dict[str, list[AnyOption]]:
    """Visible options by key prefix, in the order of GROUPS, then declaration order."""
    groups: dict[str, list[AnyOption]] = {name: [] for name in GROUPS}
    for option in visible_options():
        groups.setdefault(option.group, []).append(option)
    return {name: options for name, options in groups.items() if options}


class MultiChoice(QWidget):
    """Check boxes for a comma-separated set of choices, two to a row."""

    def __init__(self, option: Option[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        for index, choice in enumerate(option.choices):
            box = QCheckBox(option.choice_text(choice))
            box.setAccessibleName(box.text())
            grid.addWidget(box, index // 2, index % 2)
            self.boxes[choice] = box

    def value(self) -> str:
        return ",".join(c for c, box in self.boxes.items() if box.isChecked())

    def set_value(self, value: str) -> None:
        chosen = set(value.split(","))
        for choice, box in self.boxes.items():
            box.setChecked(choice in chosen)


class SettingsDialog(QDialog):
    """One group per key prefix (Sounds, Session, Reminders, Appearance)."""

    PREFERRED_WIDTH = 860

    #: "Restart now" was pressed after changing a setting that only applies on the next start.
    restart_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settings_dialog")
        self.editors: dict[str, QWidget] = {}
        self.group_boxes: dict[str, QGroupBox] = {}

        self.audio_status = QLabel()
        self.audio_status.setObjectName("audio_status")
        self.audio_status.setWordWrap(True)
        self.audio_status.setAccessibleName(self.tr("Sound"))
        self.audio_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.audio_status.setContentsMargins(0, 6, 0, 0)
        self.audio_status.hide()

        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(12, 12, 12, 12)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        # Two groups to a row, in the declared order; a row is as tall as its taller group.
        for name, options in grouped_options().items():
            self.group_boxes[name] = self._build_group(name, options)
        self._grid = grid
        self._sections: list[QWidget] = []
        self._columns = 0
        self._place(columns=2)

        scroll = self._scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close settings"))
        self.restart_note = QLabel()
        self.restart_note.setObjectName("restart_note")
        self.restart_note.setWordWrap(True)
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.setAccessibleName(self.tr("Restart Gluteapp now"))
        self.restart_button.setAutoDefault(False)
        self.restart_button.clicked.connect(self.restart_requested)
        buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.ActionRole)
        # The note sits left of the buttons, where the eye goes on the way to Close.
        bottom = QWidget()
        bottom_row = QHBoxLayout(bottom)
        bottom_row.setContentsMargins(0, 0, 0, 0)
        bottom_row.addWidget(self.restart_note, 1)
        bottom_row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 10)
        layout.addWidget(scroll, 1)
        bottom.setContentsMargins(12, 0, 12, 0)
        layout.addWidget(bottom)
        self._show_restart_offer()

        self._content = content
        self._fit_to_content()
        settings.changed.connect(self._on_changed)

    # --- building --------------------------------------------------------------------------
    def _build_group(self, name: str, options: list[AnyOption]) -> QGroupBox:
        box = QGroupBox(tr_setting(GROUPS.get(name, name.capitalize())))
        box.setObjectName(f"group_{name}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        for option in options:
            editor = self._build_editor(option)
            editor.setObjectName(f"edit_{option.key.replace('/', '_')}")
            description = tr_setting(option.description)
            editor.setToolTip(description)
            editor.setAccessibleDescription(description)
            self.editors[option.key] = editor
            field = QWidget()
            column = QVBoxLayout(field)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
            note = QLabel(description)
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            font = note.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            note.setFont(font)
            if option.type is bool:
                # Under the check box's text, not under its square.
                style = note.style()
                indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                indent += style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing)
                indented = QHBoxLayout()
                indented.addSpacing(indent)
                indented.addWidget(note, 1)
                column.addLayout(indented)
            else:
                column.addWidget(note)
            if option.type is bool:
                # The check box carries its own label; line it up with the other editors.
                form.addRow(QLabel(), field)
            else:
                label = QLabel(tr_setting(option.label))
                label.setBuddy(editor)
                form.addRow(label, field)
        if name == "audio":
            form.addRow(self.audio_status)
        return box

    def _build_editor(self, option: AnyOption) -> QWidget:
        label = tr_setting(option.label)
        value = self._settings.get_any(option)
        editor: QWidget
        if option.type is bool:
            check = QCheckBox(label)
            check.setChecked(bool(value))
            check.toggled.connect(lambda on, o=option: self._settings.set(o, bool(on)))
            editor = check
        elif option.type is int:
            spin = QSpinBox()
            spin.setRange(
                option.minimum if option.minimum is not None else -(2**31),
                option.maximum if option.maximum is not None else 2**31 - 1,
            )
            if option.unit:
                spin.setSuffix(" " + tr_setting(option.unit))
            spin.setKeyboardTracking(False)  # typing "120" writes 120, not 1 and 12 first
            spin.setValue(int(value))
            spin.valueChanged.connect(lambda v, o=option: self._settings.set(o, int(v)))
            spin.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            editor = spin
        elif option.multiple:
            assert isinstance(value, str)
            multi = MultiChoice(option)  # type: ignore[arg-type]
            multi.set_value(value)
            for box in multi.boxes.values():
                box.toggled.connect(lambda _on, m=multi: self._settings.set(m.option, m.value()))
            editor = multi
        elif option.time_of_day:
            editor = self._time_editor(option)  # type: ignore[arg-type]
        elif option.choices:
            combo = QComboBox()
            for choice in option.choices:
                combo.addItem(option.choice_text(choice), choice)
            combo.setCurrentIndex(combo.findData(value))
            combo.currentIndexChanged.connect(
                lambda _i, o=option, c=combo: self._settings.set(o, str(c.currentData()))
            )
            combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            editor = combo
        else:
            raise TypeError(f"no editor for {option.key} ({option.type.__name__})")
        editor.setAccessibleName(label)
        return editor

    def _time_editor(self, option: Option[str]) -> QTimeEdit:
        edit = QTimeEdit(QTime.fromString(self._settings.get(option), TIME_FORMAT))
        edit.setDisplayFormat(TIME_FORMAT)  # 24 hours, as stored
        edit.setKeyboardTracking(False)
        edit.timeChanged.connect(
            lambda moment: self._settings.set(option, moment.toString(TIME_FORMAT)))
        edit.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return edit

    def _place(self, columns: int) -> None:
        """The groups `columns` to a row in the declared order, the sections across below."""
        if columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        for widget in [*self.group_boxes.values(), *self._sections]:
            grid.removeWidget(widget)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        for index, box in enumerate(self.group_boxes.values()):
            grid.addWidget(box, index // columns, index % columns)
        rows = (len(self.group_boxes) + columns - 1) // columns
        for offset, section in enumerate(self._sections):
            grid.addWidget(section, rows + offset, 0, 1, columns)
        grid.setRowStretch(rows + len(self._sections), 1)
        for column in range(2):
            grid.setColumnStretch(column, 1 if column < columns else 0)

    def _fit_to_content(self) -> None:
        """As large as the content needs (no scroll bar), within the screen; the groups in one
        column on a screen too narrow for two side by side (nothing cut off at the right)."""
        screen = self.screen()
        if screen is not None:
            self._place(2)
            too_narrow = (self._content.minimumSizeHint().width()
                          > screen.availableGeometry().width() - 40)
            self._place(1 if too_narrow else 2)
        width = max(self._content.sizeHint().width(), self.PREFERRED_WIDTH)
        # Wrapped descriptions make the height depend on the width.
        content_height = self._content.heightForWidth(width)
        if content_height < 0:
            content_height = self._content.sizeHint().height()
        layout = self.layout()
        item = layout.itemAt(1) if layout is not None else None
        buttons = item.sizeHint().height() if item is not None else 40
        height = content_height + buttons + 24
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() - 40)
            height = min(height, available.height() - 60)
        self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Wrapped text only knows its height once laid out: grow until nothing scrolls.
        for _ in range(3):
            layout = self.layout()
            if layout is not None:
                layout.activate()
            overflow = self._scroll.verticalScrollBar().maximum()
            screen = self.screen()
            room = screen.availableGeometry().height() - 60 - self.height() if screen else 0
            if overflow <= 0 or room <= 0:
                break
            self.resize(self.width(), self.height() + min(overflow, room))

    # --- echoing changes made elsewhere ----------------------------------------------------
    def _show_restart_offer(self) -> None:
        """Say which changes wait for the next start, and offer to restart now."""
        waiting = self._settings.waiting_for_restart()
        self.restart_note.setText(
            self.tr("Applies when Gluteapp starts again: {0}.").format(
                ", ".join(tr_setting(option.label) for option in waiting)
            )
            if waiting
            else ""
        )
        self.restart_note.setVisible(bool(waiting))
        self.restart_button.setVisible(bool(waiting))

    def _on_changed(self, key: str) -> None:
        if option_by_key(key).needs_restart:
            self._show_restart_offer()
        editor = self.editors.get(key)
        if editor is None:
            return
        option = option_by_key(key)
        value = self._settings.get_any(option)
        widgets = list(editor.boxes.values()) if isinstance(editor, MultiChoice) else [editor]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, MultiChoice):
                editor.set_value(str(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findData(value))
            elif isinstance(editor, QTimeEdit):
                editor.setTime(QTime.fromString(str(value), TIME_FORMAT))
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    # --- for the composition root ----------------------------------------------------------
    def add_section(self, section: QWidget) -> None:
        """A section across both columns below the option groups (Backups)."""
        self._sections.append(section)
        columns, self._columns = self._columns, 0
        self._place(columns)
        self._fit_to_content()

    def editor(self, option: AnyOption) -> QWidget:
        return self.editors[option.key]

    def set_audio_status(self, audio: AudioStatus) -> None:
        """Say how the cues and the spoken words reach the person, in the window's language;
        the backends' own names and reasons (for a bug report) are its tooltip."""
        sound = {
            "qt": self.tr("played through the sound device"),
            "playsound": self.tr("played through the sound device (the fallback player)"),
        }.get(audio.backend_name, self.tr("shown only, not played"))
        words = (self.tr("spoken from recorded clips") if audio.speech_name == "clips"
                 else self.tr("spoken by the system's speech engine"))
        self.audio_status.setText(self.tr("Sound: cues {0}; words {1}.").format(sound, words))
        self.audio_status.setToolTip(f"{audio.backend_name} ({audio.backend_reason}); "
                                     f"speech: {audio.speech_name} ({audio.speech_reason})")
        self.audio_status.show()


class AudioStatus(Protocol):
    """What the dialog says about the sound: which backend plays and which speech engine."""

    @property
    def backend_name(self) -> str: ...
    @property
    def backend_reason(self) -> str: ...
    @property
    def speech_name(self) -> str: ...
    @property
    def speech_reason(self) -> str: ...


def open_settings_dialog(settings: Settings, parent: QWidget, audio: AudioStatus,
                         restart: Callable[[], None],
                         backups: BackupHost | None = None) -> SettingsDialog:
    """Open Settings over `parent` (not modal: a session behind it keeps its keys and sounds)."""
    dialog = SettingsDialog(settings, parent)
    dialog.set_audio_status(audio)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def restart_now() -> None:
        dialog.reject()
        restart()

    dialog.restart_requested.connect(restart_now)
    if backups is not None:
        from gluteapp.gui.backup_dialog import BackupSection

        dialog.add_section(BackupSection(backups, restart_now))
    dialog.open()
    return dialog
