"""The Library area: search and filters over the exercise list, the detail pane, the Learn pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePosixPath

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.exercises import Equipment, Exercise, Library, Mode, Muscle, Position
from gluteapp.gui.library.detail import ExerciseDetail
from gluteapp.gui.library.filter_proxy import (
    EquipmentChoice,
    EquipmentFilter,
    ExerciseFilterProxy,
    PositionChoice,
    PositionFilter,
)
from gluteapp.gui.library.model import ExerciseModel
from gluteapp.gui.library.pages import Page, builtin_pages
from gluteapp.gui.library.widgets import blend, scaled_font
from gluteapp.gui.settings import EQUIPMENT, FIRST_RUN_DONE, Settings, equipment_at_hand
from gluteapp.gui.tabs import RoomyTabWidget
from gluteapp.gui.words import equipment_label, mode_label, muscle_label, position_label

#: Combo box data for "any" and the two choices that are not a single enum value.
ANY = ""
NO_EQUIPMENT = EquipmentChoice.NONE_NEEDED.value
NO_FLOOR = PositionChoice.OFF_THE_FLOOR.value


class ExerciseDelegate(QStyledItemDelegate):
    """Two lines per exercise: its name, and its dosage in a quieter colour."""

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        name = QFontMetrics(scaled_font(option.font, 1.0, bold=True))
        return QSize(200, name.height() + option.fontMetrics.height() + 16)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if not opt.state & QStyle.StateFlag.State_Enabled:
            group = QPalette.ColorGroup.Disabled
        elif opt.state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Active
        else:
            group = QPalette.ColorGroup.Inactive
        text = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        back = opt.palette.color(
            group, QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        )
        area = opt.rect.adjusted(10, 7, -10, -7)
        name_font = scaled_font(opt.font, 1.0, bold=True)
        name_height = QFontMetrics(name_font).height()
        painter.save()
        painter.setFont(name_font)
        painter.setPen(text)
        name_width = area.width()
        if index.data(ExerciseModel.OwnRole):  # your own exercise: "Yours" at the right
            tag = QCoreApplication.translate("ExerciseDelegate", "Yours")
            tag_width = opt.fontMetrics.horizontalAdvance(tag) + 12
            tag_rect = QRect(area.right() - tag_width + 1, area.y() + 1, tag_width,
                             name_height - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(blend(back, text, 0.14))
            painter.drawRoundedRect(tag_rect, 4, 4)
            painter.setPen(text)
            painter.drawText(tag_rect, Qt.AlignmentFlag.AlignCenter, tag)
            name_width -= tag_width + 6
            painter.setFont(name_font)
        painter.drawText(
            QRect(area.x(), area.y(), name_width, name_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideRight, name_width),
        )
        dosage = index.data(ExerciseModel.DosageTextRole) or ""
        painter.setFont(opt.font)
        painter.setPen(blend(back, text, 0.72))
        painter.drawText(
            QRect(area.x(), area.y() + name_height + 2, area.width(), opt.fontMetrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            opt.fontMetrics.elidedText(dosage, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.restore()


class LibraryView(QWidget):
    """Browse the library: search and filter on the left, the chosen exercise on the right."""

    current_exercise_changed = Signal(str)  # the id shown in the detail pane
    page_shown = Signal(str)  # the slug of the educational page shown
    new_exercise_requested = Signal()  # "New exercise…": make one of your own
    edit_requested = Signal(str)  # the id of your own exercise to edit
    delete_requested = Signal(str)  # the id of your own exercise to delete

    EXERCISES_TAB = 0
    LEARN_TAB = 1

    def __init__(
        self,
        library: Library,
        pages: Sequence[Page] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("library_view")
        self._library = library
        self._pages = list(builtin_pages(library.language) if pages is None else pages)
        self._shown_id: str | None = None
        self._filtering = False
        self._user_split = False

        self.model = ExerciseModel(library, self)
        self.proxy = ExerciseFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.tabs = RoomyTabWidget()  # room for the dots of Ü
        self.tabs.setAccessibleName(self.tr("Library sections"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_exercises_tab(), self.tr("Exercises"))
        self.tabs.addTab(self._build_learn_tab(), self.tr("Learn"))
        self.tabs.setMinimumWidth(290)
        self.tabs.switch_keys_in(self)

        self.detail = ExerciseDetail(available_pages=[page.slug for page in self._pages])
        self.detail.movement.use_library(library)
        self.detail.set_own_ids(self.model.own_ids)
        self.proxy.set_own_ids(self.model.own_ids)
        self.detail.edit_requested.connect(self.edit_requested)
        self.detail.delete_requested.connect(self.delete_requested)
        self.page_browser = QTextBrowser()
        self.page_browser.setAccessibleName(self.tr("Educational page"))
        self.page_browser.setOpenLinks(False)
        self.page_browser.setFrameShape(QFrame.Shape.NoFrame)
        self.page_browser.document().setDocumentMargin(20)
        self.page_browser.setFont(scaled_font(self.font(), 1.08))
        self.page_browser.anchorClicked.connect(self._on_page_link)

        self.right_stack = QStackedWidget()
        self.right_stack.addWidget(self.detail)
        self.right_stack.addWidget(self.page_browser)
        self.right_stack.setMinimumWidth(340)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setAccessibleName(self.tr("Exercise list and details"))
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.right_stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.search_edit.textChanged.connect(self._on_search_text)
        self.search_edit.returnPressed.connect(self.open_current)
        self.search_edit.installEventFilter(self)
        for combo in self.filter_combos():
            combo.currentIndexChanged.connect(self._on_filter_combo)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.yours_check.toggled.connect(
            lambda on: self._filter(lambda: self.proxy.set_yours_only(on)))
        self.new_button.clicked.connect(self.new_exercise_requested)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list_view.activated.connect(self._open_index)
        self.detail.back_requested.connect(self.list_view.setFocus)
        self.detail.page_requested.connect(self.show_page)
        self.tabs.currentChanged.connect(self.right_stack.setCurrentIndex)
        self.pages_list.currentRowChanged.connect(self._on_page_row)

        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(self.focus_search)

        self._update_count()
        if self.proxy.rowCount() > 0:
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))
        if self._pages:
            self.pages_list.setCurrentRow(0)
        self.setFocusProxy(self.search_edit)

    # Building ---------------------------------------------------------------------------------

    def _build_exercises_tab(self) -> QWidget:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search exercises, muscles, equipment…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search exercises"))
        for button in self.search_edit.findChildren(QAbstractButton):  # Qt's clear button
            button.setAccessibleName(self.tr("Clear search"))
        self.search_edit.setToolTip(
            self.tr(
                "Search names, muscles, equipment and the steps (Ctrl+F); Down goes to the list"
            )
        )

        muscles, equipment, positions, modes = self._combo_items()
        self.muscle_combo = self._combo(self.tr("Muscle filter"), muscles)
        self.equipment_combo = self._combo(self.tr("Equipment filter"), equipment)
        self.position_combo = self._combo(self.tr("Position filter"), positions)
        self.mode_combo = self._combo(self.tr("Mode filter"), modes)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for text, combo in (
            (self.tr("&Muscle"), self.muscle_combo),
            (self.tr("&Equipment"), self.equipment_combo),
            (self.tr("&Position"), self.position_combo),
            (self.tr("M&ode"), self.mode_combo),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            form.addRow(label, combo)

        # Shown once the view knows what is at hand (set_equipment_at_hand).
        self.usable_only_check = QCheckBox(self.tr("Only what I can do with my equipment"))
        self.usable_only_check.setToolTip(
            self.tr("Hide exercises that need equipment you did not list in Settings")
        )
        self.usable_only_check.setAccessibleName(self.usable_only_check.text())
        self.usable_only_check.hide()
        self.usable_only_check.toggled.connect(self._on_usable_only)
        self._at_hand: frozenset[Equipment] | None = None
        self._settings: Settings | None = None
        self._answered = False

        self.yours_check = QCheckBox(self.tr("Only my own exercises"))
        self.yours_check.setAccessibleName(self.yours_check.text())
        self.yours_check.setVisible(bool(self.model.own_ids))
        self.new_button = QPushButton(self.tr("&New exercise…"))
        self.new_button.setAccessibleName(self.tr("Make a new exercise of your own"))
        self.new_button.setToolTip(
            self.tr("Add an exercise your physiotherapist gave you, with a picture"))
        self.new_button.setAutoDefault(False)

        self.count_label = QLabel()
        self.count_label.setAccessibleDescription(self.tr("Number of exercises shown"))
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        self.clear_filters_button.setAccessibleName(self.tr("Clear filters and search"))
        self.clear_filters_button.setAutoDefault(False)
        count_row = QHBoxLayout()
        count_row.setContentsMargins(0, 0, 0, 0)
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.clear_filters_button)

        self.list_view = QListView()
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(ExerciseDelegate(self.list_view))
        self.list_view.setAccessibleName(self.tr("Exercises"))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(10, 10, 8, 10)
        layout.setSpacing(8)
        layout.addWidget(self.search_edit)
        layout.addLayout(form)
        layout.addWidget(self.usable_only_check)
        layout.addWidget(self.yours_check)
        layout.addLayout(count_row)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _combo_items(self) -> list[list[tuple[str, str]]]:
        """What each filter offers: 'any', then what the exercises of the library have."""
        exercises = list(self._library)
        muscles = {m for e in exercises for m in e.muscles}
        equipment = {item for e in exercises for item in e.equipment}
        positions = {e.position for e in exercises}
        modes = {e.mode for e in exercises}
        return [
            [(self.tr("Any muscle"), ANY)]
            + [(muscle_label(m), m.value) for m in Muscle if m in muscles],
            [(self.tr("Any equipment"), ANY), (self.tr("No equipment"), NO_EQUIPMENT)]
            + [(equipment_label(item), item.value) for item in Equipment if item in equipment],
            [
                (self.tr("Any position"), ANY),
                (self.tr("No floor work (standing or seated)"), NO_FLOOR),
            ]
            + [(position_label(p), p.value) for p in Position if p in positions],
            [(self.tr("Any mode"), ANY)] + [(mode_label(m), m.value) for m in Mode if m in modes],
        ]

    def _combo(self, accessible_name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible_name)
        combo.view().setAccessibleName(self.tr("{0} choices").format(accessible_name))
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for text, data in items:
            combo.addItem(text, data)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        return combo

    def _build_learn_tab(self) -> QWidget:
        self.pages_list = QListWidget()
        self.pages_list.setAccessibleName(self.tr("Educational pages"))
        self.pages_list.setWordWrap(True)
        self.pages_list.setSpacing(4)
        for page in self._pages:
            self.pages_list.addItem(page.title)
        intro = QLabel(
            self.tr("Short reads on glute amnesia: what it is, why it happens and what helps.")
            if self._pages
            else self.tr("The educational pages are not installed.")
        )
        intro.setWordWrap(True)
        intro.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(10, 10, 8, 10)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addWidget(self.pages_list, 1)
        return tab

    # Public actions ---------------------------------------------------------------------------

    def filter_combos(self) -> list[QComboBox]:
        return [self.muscle_combo, self.equipment_combo, self.position_combo, self.mode_combo]

    @property
    def current_exercise(self) -> Exercise | None:
        return self.detail.exercise

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(self.EXERCISES_TAB)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def open_current(self) -> None:
        """Show the current list item in the detail pane and move the keyboard there."""
        index = self.list_view.currentIndex()
        if not index.isValid() and self.proxy.rowCount() > 0:
            index = self.proxy.index(0, 0)
            self.list_view.setCurrentIndex(index)
        if index.isValid():
            self._open_index(index)

    def show_exercise(self, exercise_id: str, version: str | None = None) -> None:
        """Select an exercise by id, clearing the filters if they hide it; its figure shows
        `version` (an easier or harder version's name), or the exercise as described."""
        row = self.model.row_of(exercise_id)
        if row < 0:
            raise KeyError(f"no exercise with id {exercise_id!r} in the library")
        self.tabs.setCurrentIndex(self.EXERCISES_TAB)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # it needs equipment that is not at hand
            self.usable_only_check.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)
        self._show_index(index)
        self.detail.movement.choose(version)  # None: the exercise as described

    def refresh_library(self, show_id: str | None = None) -> None:
        """Look at the library again after your exercises changed; show `show_id` if given."""
        shown = show_id or self._shown_id
        self._filtering = True
        try:
            self.model.set_library(self._library)
            self.proxy.set_own_ids(self.model.own_ids)
        finally:
            self._filtering = False
        self.detail.movement.use_library(self._library)
        self.detail.set_own_ids(self.model.own_ids)
        for combo, items in zip(self.filter_combos(), self._combo_items(), strict=True):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self._on_filter_combo()
        self.yours_check.setVisible(bool(self.model.own_ids))
        if not self.model.own_ids:
            self.yours_check.setChecked(False)
        self._shown_id = None
        if shown is not None and self.model.row_of(shown) >= 0:
            self.show_exercise(shown)
        else:
            self._filter(lambda: None)
        self._update_count()

    def show_page(self, slug: str) -> None:
        """Open an educational page in the Learn tab."""
        for row, page in enumerate(self._pages):
            if page.slug == slug:
                self.tabs.setCurrentIndex(self.LEARN_TAB)
                if self.pages_list.currentRow() == row:
                    self._on_page_row(row)
                else:
                    self.pages_list.setCurrentRow(row)
                return
        raise KeyError(f"no educational page {slug!r}")

    def clear_filters(self) -> None:
        """Empty the search and set every filter to 'any', filtering once rather than five times."""
        controls: list[QWidget] = [self.search_edit, *self.filter_combos()]
        for control in controls:
            control.blockSignals(True)
        try:
            self.search_edit.clear()
            for combo in self.filter_combos():
                combo.setCurrentIndex(0)
            self.yours_check.blockSignals(True)
            self.yours_check.setChecked(False)
            self.yours_check.blockSignals(False)
        finally:
            for control in controls:
                control.blockSignals(False)
        self._filter(self.proxy.clear_filters)

    def set_equipment_at_hand(
        self, at_hand: frozenset[Equipment], only_usable: bool | None = None
    ) -> None:
        """What the person has at home; `only_usable` also turns that filter on or off."""
        self._at_hand = at_hand
        self.detail.set_equipment_at_hand(at_hand)
        self.usable_only_check.show()
        check = self.usable_only_check
        if only_usable is not None and only_usable != check.isChecked():
            check.setChecked(only_usable)  # filters through _on_usable_only
        elif check.isChecked():
            self._filter(lambda: self.proxy.set_usable_with(at_hand))

    def follow_equipment(self, settings: Settings) -> None:
        """Take the equipment answer from `settings` and keep following it.

        The filter starts on once there is an answer; the first answer (the first-run
        questions, or Settings) turns it on, later changes only change what it allows.
        """
        self._settings = settings
        self._answered = settings.is_set(EQUIPMENT)
        self.set_equipment_at_hand(equipment_at_hand(settings), only_usable=self._answered)
        settings.changed.connect(self._on_setting_changed)

    def _on_setting_changed(self, key: str) -> None:
        settings = self._settings
        if settings is None or key not in (EQUIPMENT.key, FIRST_RUN_DONE.key):
            return
        first_answer = not self._answered and settings.is_set(EQUIPMENT)
        self._answered = settings.is_set(EQUIPMENT)
        self.set_equipment_at_hand(
            equipment_at_hand(settings), only_usable=True if first_answer else None
        )

    # Filtering --------------------------------------------------------------------------------

    def _on_usable_only(self, on: bool) -> None:
        at_hand = self._at_hand if on else None
        self._filter(lambda: self.proxy.set_usable_with(at_hand))

    def _on_search_text(self, text: str) -> None:
        self._filter(lambda: self.proxy.set_search_text(text))

    def _on_filter_combo(self) -> None:
        muscle = self.muscle_combo.currentData() or ANY
        equipment_key = self.equipment_combo.currentData() or ANY
        position_key = self.position_combo.currentData() or ANY
        mode = self.mode_combo.currentData() or ANY

        equipment: EquipmentFilter = None
        if equipment_key == NO_EQUIPMENT:
            equipment = EquipmentChoice.NONE_NEEDED
        elif equipment_key:
            equipment = Equipment(equipment_key)
        position: PositionFilter = None
        if position_key == NO_FLOOR:
            position = PositionChoice.OFF_THE_FLOOR
        elif position_key:
            position = Position(position_key)

        def apply() -> None:
            self.proxy.set_muscle(Muscle(muscle) if muscle else None)
            self.proxy.set_equipment(equipment)
            self.proxy.set_position(position)
            self.proxy.set_mode(Mode(mode) if mode else None)

        self._filter(apply)

    def _filter(self, change: Callable[[], None]) -> None:
        """Apply a filter change, then keep showing the same exercise or else the first match."""
        self._filtering = True
        try:
            change()
        finally:
            self._filtering = False
        index = QModelIndex()
        if self._shown_id is not None:
            row = self.model.row_of(self._shown_id)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid() and self.proxy.rowCount() > 0:
            index = self.proxy.index(0, 0)
        if index.isValid():
            self.list_view.setCurrentIndex(index)
            self.list_view.scrollTo(index)
        self._show_index(index)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} exercises").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )
        self.clear_filters_button.setEnabled(self.proxy.is_filtered())

    # Selection and keys -----------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self._filtering:
            self._show_index(current)

    def _open_index(self, index: QModelIndex) -> None:
        self._show_index(index, force=True)
        self.tabs.setCurrentIndex(self.EXERCISES_TAB)
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_index(self, index: QModelIndex | QPersistentModelIndex, force: bool = False) -> None:
        exercise = index.data(ExerciseModel.ExerciseRole) if index.isValid() else None
        if not isinstance(exercise, Exercise):
            exercise = None
        new_id = exercise.id if exercise else None
        if new_id == self._shown_id and not force and self.detail.exercise is exercise:
            return
        self._shown_id = new_id
        self.detail.show_exercise(exercise)
        if new_id is not None:
            self.current_exercise_changed.emit(new_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.proxy.rowCount() > 0:
                if not self.list_view.currentIndex().isValid():
                    self.list_view.setCurrentIndex(self.proxy.index(0, 0))
                self.list_view.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                return True
        return super().eventFilter(watched, event)

    # Pages ------------------------------------------------------------------------------------

    def _on_page_row(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            page = self._pages[row]
            self.page_browser.setMarkdown(page.markdown)
            self.page_browser.setAccessibleDescription(page.title)
            if self.tabs.currentIndex() == self.LEARN_TAB:
                self.page_shown.emit(page.slug)

    def _on_page_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        slug = PurePosixPath(url.path()).stem
        if any(page.slug == slug for page in self._pages):
            self.show_page(slug)

    # Layout -----------------------------------------------------------------------------------

    def _on_splitter_moved(self, pos: int, index: int) -> None:
        self._user_split = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self._user_split and event.size().width() > 0:
            width = event.size().width()
            left = max(self.tabs.minimumWidth(), min(380, round(width * 0.3)))
            self.splitter.setSizes([left, max(1, width - left)])
