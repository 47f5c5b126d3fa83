"""The detail pane: everything about one exercise, laid out to be read at a glance."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.equipment import missing_equipment
from gluteapp.core.exercises import Equipment, Exercise, Variation
from gluteapp.gui.figure_panel import MovementPanel
from gluteapp.gui.library.body_diagram import PRIMARY_COLOUR, SECONDARY_COLOUR, BodyDiagram
from gluteapp.gui.library.icons import svg_pixmap
from gluteapp.gui.library.model import dosage_text
from gluteapp.gui.library.widgets import Callout, CalloutKind, ChipStrip, scaled_font
from gluteapp.gui.words import (
    dosage_words,
    equipment_label,
    mode_label,
    muscle_label,
    position_label,
)

#: Below this width the body diagram moves under the cautions instead of beside the text.
NARROW_WIDTH = 520
#: Pixels between a painted marker (a step number, a bullet) and its text.
MARKER_GAP = 10


def _text_label() -> QLabel:
    """A wrapped, plain-text (never HTML) label whose text can be selected and copied."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ItemList(QWidget):
    """Numbered or bulleted paragraphs; rows are reused, never deleted, when the text changes.

    The numbers (in filled circles) and the bullets are painted, not labels: a screen reader
    would read "1", "•" or "!" on their own. A step's own label says its number in words.
    """

    def __init__(self, *, numbered: bool, marker: str = "•", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._numbered = numbered
        self._marker = marker
        self._grid = QGridLayout(self)
        # The markers are painted in the left margin, beside each row's first line.
        self._grid.setContentsMargins(self._marker_side() + MARKER_GAP, 0, 0, 0)
        self._grid.setVerticalSpacing(8 if numbered else 5)
        self._rows: list[QLabel] = []

    def _marker_font(self) -> QFont:
        return scaled_font(self.font(), 0.95 if self._numbered else 1.0, bold=True)

    def _marker_side(self) -> int:
        metrics = QFontMetrics(self._marker_font())
        if self._numbered:
            return metrics.height() + 6
        return metrics.horizontalAdvance(self._marker) + 2

    def set_items(self, items: Sequence[str]) -> None:
        while len(self._rows) < len(items):
            row = len(self._rows)
            text = _text_label()
            if self._numbered:
                text.setMinimumHeight(self._marker_side())  # a one-line step sits by its circle
            self._grid.addWidget(text, row, 0)
            self._rows.append(text)
        for index, text in enumerate(self._rows):
            shown = index < len(items)
            if shown:
                text.setText(items[index])
                if self._numbered:
                    text.setAccessibleName(
                        self.tr("Step {number}: {text}").format(number=index + 1,
                                                                 text=items[index]))
            text.setVisible(shown)
        self.update()

    def texts(self) -> list[str]:
        return [text.text() for text in self._rows if not text.isHidden()]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._marker_font())
        side = self._marker_side()
        line = QFontMetrics(self.font()).height()
        palette = self.palette()
        for index, text in enumerate(self._rows):
            if text.isHidden():
                continue
            top = text.geometry().top()
            if self._numbered:
                box = QRectF(0, top, side, side).adjusted(0.5, 0.5, -0.5, -0.5)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
                painter.drawEllipse(box)
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(index + 1))
            else:
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                painter.drawText(QRectF(0, top, side, line),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 self._marker)
        painter.end()


class VariationCard(Callout):
    """An easier or harder version: its name, its own dosage and how it differs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CalloutKind.NEUTRAL, parent)
        self.name_label = _text_label()
        self.name_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.dosage_label = _text_label()
        self.dosage_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.how_label = _text_label()
        self.content_layout.addWidget(self.name_label)
        self.content_layout.addWidget(self.dosage_label)
        self.content_layout.addWidget(self.how_label)

    def show_variation(self, variation: Variation, per_side: bool) -> None:
        self.name_label.setText(variation.shown_name)
        self.dosage_label.setText(
            self.tr("{dosage} · rest {rest} s").format(
                dosage=dosage_words(variation.dosage, per_side), rest=variation.dosage.rest_s
            )
        )
        self.how_label.setText(variation.how)


class VariationList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._cards: list[VariationCard] = []

    def set_variations(self, variations: Sequence[Variation], per_side: bool) -> None:
        while len(self._cards) < len(variations):
            card = VariationCard()
            self._layout.addWidget(card)
            self._cards.append(card)
        for index, card in enumerate(self._cards):
            if index < len(variations):
                # A version is done on one side or both as it says itself, not as the exercise.
                card.show_variation(variations[index], variations[index].per_side)
            card.setVisible(index < len(variations))

    def cards(self) -> list[VariationCard]:
        return [card for card in self._cards if not card.isHidden()]


class Section(QWidget):
    """A heading over a body widget; hidden as a whole when it has nothing to say."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        self.title_label.setFont(scaled_font(self.font(), 1.12, bold=True))
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(body)


class _Content(QWidget):
    """The scrolled page; its height always comes from height-for-width."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # QScrollArea takes the larger of this and heightForWidth(); a wrapped label's minimum
        # height is measured at its narrowest, which left a screenful of blank space at the end.
        return QSize(super().minimumSizeHint().width(), 0)


class ExerciseDetail(QScrollArea):
    """Shows one exercise; cautions sit right under the dosage, never folded away."""

    page_requested = Signal(str)  # the slug of an educational page a link points to
    back_requested = Signal()  # Escape: the person wants to return to the list
    edit_requested = Signal(str)  # the id of your own exercise to edit
    delete_requested = Signal(str)  # the id of your own exercise to delete

    def __init__(self, available_pages: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages = frozenset(available_pages)
        self._exercise: Exercise | None = None
        self._at_hand: frozenset[Equipment] | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Exercise details"))

        content = _Content()
        content.setObjectName("exercise_detail_content")
        outer = QVBoxLayout(content)
        outer.setContentsMargins(20, 16, 20, 20)
        outer.setSpacing(0)

        self.empty_label = QLabel(
            self.tr(
                "No exercise matches the search and filters. Try fewer words or clear the filters."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        outer.addWidget(self.empty_label)

        # Two columns: everything to read on the left, the body diagram at the top right.
        self._body = QWidget()
        self._columns = QHBoxLayout(self._body)
        self._columns.setContentsMargins(0, 0, 0, 0)
        self._columns.setSpacing(24)
        self._column = QVBoxLayout()
        self._column.setSpacing(18)
        self._columns.addLayout(self._column, 1)
        outer.addWidget(self._body)
        outer.addStretch(1)

        # Header: what it is, how much, what it works, and what to watch out for.
        self.name_label = _text_label()
        self.name_label.setFont(scaled_font(self.font(), 1.7, bold=True))
        self.name_label.setAccessibleDescription(self.tr("Exercise name"))
        self.aliases_label = _text_label()
        self.aliases_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.summary_label = _text_label()
        self.summary_label.setFont(scaled_font(self.font(), 1.08))

        self.dosage_box = Callout(CalloutKind.ACCENT)
        self.dosage_label = _text_label()
        self.dosage_label.setFont(scaled_font(self.font(), 1.35, bold=True))
        self.dosage_label.setAccessibleDescription(self.tr("Dosage"))
        self.dosage_note_label = _text_label()
        self.dosage_box.content_layout.addWidget(self.dosage_label)
        self.dosage_box.content_layout.addWidget(self.dosage_note_label)

        self.muscle_chips = ChipStrip(self.tr("Works"))
        self.fact_chips = ChipStrip(self.tr("How"))

        # Said only when the person has told us what they have at home.
        self.missing_box = Callout(CalloutKind.NEUTRAL)
        self.missing_box.setAccessibleName(self.tr("Missing equipment"))
        self.missing_label = _text_label()
        self.missing_box.content_layout.addWidget(self.missing_label)
        self.missing_box.hide()

        # Cautions: warning colour and sign, always open, in the header before the steps.
        self.cautions_box = Callout(CalloutKind.WARNING)
        self.cautions_box.setAccessibleName(self.tr("Cautions"))
        caution_icon = QLabel()
        caution_icon.setPixmap(svg_pixmap("caution.svg", QSize(22, 22), self.devicePixelRatioF()))
        caution_icon.setAccessibleName(self.tr("Caution"))
        self.cautions_title = QLabel(self.tr("Cautions"))
        self.cautions_title.setFont(scaled_font(self.font(), 1.12, bold=True))
        title_row = QHBoxLayout()
        title_row.setSpacing(8)
        title_row.addWidget(caution_icon)
        title_row.addWidget(self.cautions_title, 1)
        self.cautions = ItemList(numbered=False, marker="!")
        self.cautions_box.content_layout.setSpacing(6)
        self.cautions_box.content_layout.addLayout(title_row)
        self.cautions_box.content_layout.addWidget(self.cautions)

        # Your own exercise: marked as yours, with Edit and Delete beside the mark.
        self._own_ids: frozenset[str] = frozenset()
        self.own_label = QLabel(self.tr("Your own exercise"))
        self.own_label.setObjectName("own_exercise_mark")
        self.own_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit your exercise"))
        self.delete_button = QPushButton(self.tr("De&lete…"))
        self.delete_button.setAccessibleName(self.tr("Delete your exercise"))
        for button, signal in ((self.edit_button, self.edit_requested),
                               (self.delete_button, self.delete_requested)):
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _=False, s=signal: s.emit(self._exercise.id) if self._exercise else None)
        self.own_row = QWidget()
        own_layout = QHBoxLayout(self.own_row)
        own_layout.setContentsMargins(0, 0, 0, 0)
        own_layout.addWidget(self.own_label)
        own_layout.addStretch(1)
        own_layout.addWidget(self.edit_button)
        own_layout.addWidget(self.delete_button)
        self.own_row.hide()

        header_text = QVBoxLayout()
        header_text.setSpacing(8)
        header_text.addWidget(self.own_row)
        header_text.addWidget(self.name_label)
        header_text.addWidget(self.aliases_label)
        header_text.addWidget(self.summary_label)
        header_text.addSpacing(4)
        header_text.addWidget(self.dosage_box)
        header_text.addSpacing(2)
        header_text.addWidget(self.muscle_chips)
        header_text.addWidget(self.fact_chips)
        header_text.addWidget(self.missing_box)
        header_text.addSpacing(6)
        header_text.addWidget(self.cautions_box)
        self._column.addLayout(header_text)

        self.body_diagram = BodyDiagram()
        self.anatomy_link = QLabel()
        self.anatomy_link.setAccessibleName(self.tr("About these muscles"))
        self._make_link(self.anatomy_link, "anatomy", self.tr("About these muscles"))
        self.body_diagram.add_to_legend(self.anatomy_link)
        self._columns.addWidget(self.body_diagram, 0, Qt.AlignmentFlag.AlignTop)
        self._narrow = False

        self.steps = ItemList(numbered=True)
        self.tips = ItemList(numbered=False)
        self.mistakes = ItemList(numbered=False, marker="✗")
        self.easier = VariationList()
        self.harder = VariationList()
        self.why_label = _text_label()
        self.steps_section = Section(self.tr("How to do it"), self.steps)
        self.tips_section = Section(self.tr("Coach tips"), self.tips)
        self.mistakes_section = Section(self.tr("Common mistakes"), self.mistakes)
        self.easier_section = Section(self.tr("Easier"), self.easier)
        self.harder_section = Section(self.tr("Harder"), self.harder)
        self.why_section = Section(self.tr("Why this dose"), self.why_label)
        # The start and end figures, of the version chosen, before the steps that describe them.
        self.movement = MovementPanel()
        self.movement_section = Section(self.tr("The movement"), self.movement)
        for section in (
            self.movement_section,
            self.steps_section,
            self.tips_section,
            self.mistakes_section,
            self.easier_section,
            self.harder_section,
            self.why_section,
        ):
            self._column.addWidget(section)

        self.sources_label = _text_label()
        self.sources_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._column.addWidget(self.sources_label)
        self.disclaimer_label = QLabel()
        self.disclaimer_label.setWordWrap(True)
        self.disclaimer_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.disclaimer_label.setAccessibleDescription(self.tr("Medical disclaimer"))
        notice = self.tr(
            "General guidance, not medical advice. Stop when it hurts, as the safety rule in "
            "the disclaimer says, and follow what your physiotherapist prescribed."
        )
        self._make_link(self.disclaimer_label, "disclaimer", self.tr("Read the disclaimer"), notice)
        self._column.addWidget(self.disclaimer_label)

        self.setWidget(content)
        self.show_exercise(None)

    # Showing an exercise ----------------------------------------------------------------------

    @property
    def exercise(self) -> Exercise | None:
        return self._exercise

    def show_exercise(self, exercise: Exercise | None) -> None:
        self._exercise = exercise
        self.empty_label.setVisible(exercise is None)
        self._body.setVisible(exercise is not None)
        self.body_diagram.set_exercise(exercise)
        self.movement.show_exercise(exercise)
        self.movement_section.setVisible(self.movement.has_picture)
        self.own_row.setVisible(exercise is not None and exercise.id in self._own_ids)
        if exercise is None:
            return
        self.name_label.setText(exercise.name)
        self.aliases_label.setText(
            self.tr("Also called: {0}").format(", ".join(exercise.aliases))
            if exercise.aliases
            else ""
        )
        self.aliases_label.setVisible(bool(exercise.aliases))
        self.summary_label.setText(exercise.summary)
        self.dosage_label.setText(dosage_text(exercise))
        note = self._dosage_note(exercise)
        self.dosage_note_label.setText(note)
        self.dosage_note_label.setVisible(bool(note))

        self.muscle_chips.set_chips(
            [
                ChipStrip.Spec(muscle_label(m), bold=True, dot=PRIMARY_COLOUR)
                for m in exercise.primary_muscles
            ]
            + [
                ChipStrip.Spec(muscle_label(m), dot=SECONDARY_COLOUR)
                for m in exercise.secondary_muscles
            ]
        )
        self.fact_chips.set_chips([ChipStrip.Spec(text) for text in self._facts(exercise)])
        self._show_missing()

        self.cautions.set_items(exercise.cautions)
        self.steps.set_items(exercise.steps)
        self.tips.set_items(exercise.tips)
        self.tips_section.setVisible(bool(exercise.tips))
        self.mistakes.set_items(exercise.mistakes)
        self.mistakes_section.setVisible(bool(exercise.mistakes))
        self.easier.set_variations(exercise.easier, exercise.per_side)
        self.easier_section.setVisible(bool(exercise.easier))
        self.harder.set_variations(exercise.harder, exercise.per_side)
        self.harder_section.setVisible(bool(exercise.harder))
        self.why_label.setText(exercise.why)
        self.why_section.setVisible(bool(exercise.why.strip()))
        self.sources_label.setText(
            "\n".join(
                self.tr("Source: {title} — {publisher}").format(
                    title=source.title, publisher=source.publisher
                )
                for source in exercise.sources
            )
        )
        self.verticalScrollBar().setValue(0)

    def set_own_ids(self, own_ids: Iterable[str]) -> None:
        """Which exercises are your own: they get the mark and Edit and Delete."""
        self._own_ids = frozenset(own_ids)
        exercise = self._exercise
        self.own_row.setVisible(exercise is not None and exercise.id in self._own_ids)

    def set_equipment_at_hand(self, at_hand: frozenset[Equipment] | None) -> None:
        """What the person has at home (None: not known); the pane names what is missing."""
        self._at_hand = at_hand
        self._show_missing()

    def missing_text(self) -> str:
        """The missing-equipment note shown for the current exercise ("" when none is)."""
        return self.missing_label.text() if not self.missing_box.isHidden() else ""

    def _show_missing(self) -> None:
        exercise = self._exercise
        missing = (
            missing_equipment(exercise, self._at_hand)
            if exercise is not None and self._at_hand is not None
            else frozenset()
        )
        if missing:
            # In the library's order of equipment, with the names the settings use.
            names = [equipment_label(item) for item in Equipment if item in missing]
            self.missing_label.setText(
                self.tr(
                    "Needs what you do not have at hand: {0}. You can change your equipment "
                    "in Settings."
                ).format(", ".join(names))
            )
        self.missing_box.setVisible(bool(missing))

    def _dosage_note(self, exercise: Exercise) -> str:
        lines = []
        tempo = exercise.dosage.tempo_parsed
        if tempo is not None:
            parts = [self.tr("{0} s down").format(tempo.down_s)]
            if tempo.pause_s:
                parts.append(self.tr("{0} s pause").format(tempo.pause_s))
            parts.append(self.tr("{0} s up").format(tempo.up_s))
            lines.append(self.tr("Each rep: {0}").format(", ".join(parts)))
        if exercise.dosage.note:
            lines.append(exercise.dosage.note)
        return "\n".join(lines)

    def _facts(self, exercise: Exercise) -> list[str]:
        if not exercise.equipment:
            facts = [self.tr("No equipment")]
        elif exercise.equipment == [Equipment.MAT]:
            facts = [self.tr("No equipment (a mat helps)")]
        else:
            facts = [equipment_label(item) for item in exercise.equipment]
        facts += [position_label(exercise.position), mode_label(exercise.mode)]
        if exercise.per_side:
            facts.append(self.tr("Each side"))
        return facts

    # Links, keys and layout -------------------------------------------------------------------

    def _make_link(self, label: QLabel, slug: str, link_text: str, before: str = "") -> None:
        """A label that opens an educational page, or plain text when the page is not there."""
        if slug in self._pages:
            label.setTextFormat(Qt.TextFormat.RichText)
            text = f'{html.escape(before)} <a href="page:{slug}">{html.escape(link_text)}</a>'
            label.setText(text.strip())
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            label.linkActivated.connect(self._on_link)
            label.setVisible(True)
        else:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(before)
            label.setVisible(bool(before))

    def _on_link(self, link: str) -> None:
        if link.startswith("page:"):
            self.page_requested.emit(link.removeprefix("page:"))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._set_narrow(self.viewport().width() < NARROW_WIDTH)
        super().resizeEvent(event)

    def _set_narrow(self, narrow: bool) -> None:
        """Narrow: the diagram leaves its column and sits, legend beside it, under the cautions."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        if narrow:
            self._columns.removeWidget(self.body_diagram)
            self._column.insertWidget(1, self.body_diagram)
            self.body_diagram.set_orientation(Qt.Orientation.Horizontal)
        else:
            self._column.removeWidget(self.body_diagram)
            self._columns.addWidget(self.body_diagram, 0, Qt.AlignmentFlag.AlignTop)
            self.body_diagram.set_orientation(Qt.Orientation.Vertical)
