"""The short educational pages (assets/pages/*.md), in reading order, with their titles."""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct

from gluteapp.core.assets import assets_dir
from gluteapp.core.content_language import is_translation, page_path

#: The order a newcomer should read them in; any other page follows, by name.
PAGE_ORDER = (
    "what-is-glute-amnesia",
    "causes",
    "signs",
    "anatomy",
    "how-often",
    "fit-into-your-day",
    "disclaimer",
)


class Page(Struct, frozen=True):
    slug: str
    title: str
    markdown: str


def parse_page(slug: str, text: str) -> Page:
    """A page whose title is its first '# ' heading, or made from the slug when it has none."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("# "):
            return Page(slug, stripped[2:].strip(), text)
        if stripped:
            break
    return Page(slug, slug.replace("-", " ").capitalize(), text)


def load_pages(folder: Path, language: str = "en") -> list[Page]:
    """Every page in `folder`, in PAGE_ORDER, each in `language` where it is translated
    (`causes.de.md` for `causes.md`); an absent folder gives no pages."""
    if not folder.is_dir():
        return []
    files = {path.stem: path for path in folder.glob("*.md")
             if path.is_file() and is_translation(path) is None}

    def rank(slug: str) -> tuple[int, str]:
        return (PAGE_ORDER.index(slug) if slug in PAGE_ORDER else len(PAGE_ORDER), slug)

    return [
        parse_page(slug, page_path(folder, slug, language).read_text(encoding="utf-8",
                                                                     errors="replace"))
        for slug in sorted(files, key=rank)
    ]


def builtin_pages(language: str = "en") -> list[Page]:
    """The pages shipped with the app, in `language` where translated."""
    return load_pages(assets_dir() / "pages", language)
