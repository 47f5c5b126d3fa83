"""Photos of your own exercises: taken in scaled and re-encoded, read back, and shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QImageWriter, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from gluteapp.core.exercises import LibraryError
from gluteapp.core.own_exercises import MAX_PICTURE_BYTES, check_picture, photo_info
from gluteapp.core.safe_files import UnusableFileError, read_limited_bytes, shown_path

#: The longest side a photo is kept at: sharp on a printed sheet, small in the data folder.
KEPT_SIDE = 1600
#: Qt refuses to decode pictures needing more memory than this (a "decompression bomb").
ALLOCATION_MB = 256

_cache: dict[tuple[str, int, int], QImage] = {}


def prepare_photo(source: Path) -> tuple[bytes, str]:
    """The photo a person picked, at most KEPT_SIDE pixels a side, as JPEG (PNG when it has
    transparency), and the file ending to keep it under; LibraryError says why it cannot be."""
    try:
        data = read_limited_bytes(source, MAX_PICTURE_BYTES, "picture")
    except UnusableFileError as problem:
        raise LibraryError(str(problem)) from None
    check_picture(data, shown_path(source))  # the format and size, before Qt decodes it
    image = _decode(QByteArray(data), shown_path(source))
    if max(image.width(), image.height()) > KEPT_SIDE:
        image = image.scaled(QSize(KEPT_SIDE, KEPT_SIDE), Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    alpha = image.hasAlphaChannel()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    kind = "png" if alpha else "jpg"
    if not alpha:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    writer = QImageWriter(buffer, QByteArray(b"PNG" if alpha else b"JPEG"))
    if not alpha:
        writer.setQuality(88)
    if not writer.write(image):
        raise LibraryError(f"{shown_path(source)}: could not be stored as a picture "
                           f"({writer.errorString()})")
    return bytes(buffer.data().data()), kind


def _decode(data: QByteArray, origin: str) -> QImage:
    QImageReader.setAllocationLimit(ALLOCATION_MB)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone's photo taken on its side stands up
    image = reader.read()
    if image.isNull():
        raise LibraryError(f"{origin}: cannot be read as a picture ({reader.errorString()})")
    return image


def load_photo(path: Path) -> QImage | None:
    """A kept photo, checked first and decoded once per version of the file; None if unusable."""
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in _cache:
            photo_info(path)
            _cache[key] = _decode(QByteArray(path.read_bytes()), shown_path(path))
        return _cache[key]
    except (OSError, LibraryError):
        return None


class PhotoView(QWidget):
    """A photo drawn as large as fits, keeping its proportions, centred."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 240)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        if self.image is not None and not self.image.isNull():
            paint_photo(painter, self.image, QRectF(self.rect()))
        painter.end()


def paint_photo(painter: QPainter, image: QImage, rect: QRectF) -> None:
    """`image` scaled into `rect`, keeping its proportions, centred."""
    scale = min(rect.width() / image.width(), rect.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    target = QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)
    painter.restore()
