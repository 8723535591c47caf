"""Reading the HTML report back for the tests, with the standard library's parser: a small tree of
elements, and the article text as a reader sees it with the place of every mark in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "input", "link", "hr", "area", "base", "col", "embed", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
        ]

    def by_id(self, ident: str) -> Element:
        (found,) = [e for e in self.iter() if e.attrs.get("id") == ident]
        return found


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), parent=self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.current.tag != tag:
            self.problems.append(f"</{tag}> closes <{self.current.tag}>")
            return
        self.current = self.current.parent or self.root

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> tuple[Element, list[str]]:
    """The tree, and the nesting mistakes found (an end tag that closes the wrong element)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    if builder.current is not builder.root:
        builder.problems.append(f"<{builder.current.tag}> never closed")
    return builder.root, builder.problems


def read_article(article: Element) -> tuple[str, dict[str, int]]:
    """The article's text without the inserted tags, control characters put back as they were,
    and for every tag (`m-<card id>`) the offset in that text right before it."""
    out: list[str] = []
    where: dict[str, int] = {}

    def walk(element: Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                out.append(child)
            elif child.classes & {"tag", "rule"}:
                where.setdefault(child.attrs.get("id") or "", len("".join(out)))
            elif "ctl" in child.classes:
                out.append(chr(int(child.text().strip("[]")[2:], 16)))
            else:
                walk(child)

    walk(article)
    return "".join(out), where
