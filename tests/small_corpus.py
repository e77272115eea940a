"""Writes a small corpus for a test: article files and their sources.toml."""

from __future__ import annotations

from pathlib import Path


def write_corpus(folder: Path, title: str, articles: list[tuple[str, str, str, str]]) -> Path:
    """(id, outlet, published ISO date, text) per article, into `folder`; returns it."""
    entries = [f'[event]\ntitle = "{title}"\n']
    for source_id, outlet, published, text in articles:
        (folder / f"{source_id}.txt").write_text(text + "\n", encoding="utf-8")
        entries.append(
            f'[[article]]\nid = "{source_id}"\nfile = "{source_id}.txt"\noutlet = "{outlet}"\n'
            f'title = ""\npublished = {published}\n'
        )
    (folder / "sources.toml").write_text("\n".join(entries), encoding="utf-8")
    return folder


def one_article(folder: Path, text: str, published: str = "2025-09-08") -> Path:
    """A corpus of one article by one outlet ("A"): for a rule one story shows."""
    return write_corpus(folder, "Satu artikel (contoh)", [("a", "A", published, text)])
