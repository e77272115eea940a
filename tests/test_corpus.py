"""The corpus folder: the real one loads; every kind of broken one gets one clear error."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from index.answerer import Answerer
from index.corpus import CorpusError, load_corpus


def test_real_corpus_loads_with_citation_data(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    assert [a.source.id for a in corpus.articles] == ["dw", "kompas", "kumparan", "viva", "kontan"]
    dw = corpus.articles[0].source
    assert dw.outlet == "DW Indonesia"
    assert dw.url == "https://p.dw.com/p/3HONg"
    assert dw.published == "2019-04-25"
    kontan = corpus.articles[4].source
    assert kontan.url is None  # its link is unknown and must never be invented
    assert "Reuters" in kontan.credit
    assert len(corpus.event.examples) == 3


def test_fingerprint_changes_with_an_article(tmp_path: Path, corpus_dir: Path) -> None:
    copy = tmp_path / "c"
    shutil.copytree(corpus_dir, copy)
    before = load_corpus(copy).fingerprint()
    article = copy / "004_b724f73c1ca55076.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nKalimat baru.", encoding="utf-8")
    assert load_corpus(copy).fingerprint() != before


def _broken(tmp_path: Path, corpus_dir: Path) -> Path:
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    return copy


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda d: (d / "000_e1a1f6dd65dc8a54.txt").unlink(), "000_e1a1f6dd65dc8a54.txt: listed"),
        (
            lambda d: (d / "extra.txt").write_text("Teks.", encoding="utf-8"),
            "extra.txt: article file has no entry",
        ),
        (
            lambda d: (d / "003_51472091feba746b.txt").write_text("  \n", encoding="utf-8"),
            "003_51472091feba746b.txt: the article is empty",
        ),
        (
            lambda d: (d / "sources.toml").write_text(
                (d / "sources.toml").read_text(encoding="utf-8").replace("2019-04-24", '"24 April"'),
                encoding="utf-8",
            ),
            "article 'kumparan': `published` must be a date",
        ),
        (
            lambda d: (d / "sources.toml").write_text("[event\n", encoding="utf-8"),
            "sources.toml: not valid TOML",
        ),
        (
            lambda d: (d / "sources.toml").write_text(
                (d / "sources.toml").read_text(encoding="utf-8").replace("2019-04-24", "2024-13-45"),
                encoding="utf-8",
            ),
            "`published` must be a real date like 2019-04-25, got 2024-13-45",
        ),
        (
            lambda d: (d / "sources.toml").write_text(
                (d / "sources.toml").read_text(encoding="utf-8").replace("2019-04-24", "2019-04-24T10:00:00"),
                encoding="utf-8",
            ),
            "article 'kumparan': `published` must be a date like 2019-04-25, not a date and time",
        ),
        (lambda d: (d / "sources.toml").unlink(), "sources.toml: metadata file not found"),
        (
            lambda d: (d / "001_ed5145d0c32323f7.txt").write_bytes(b"\xff\xfe\x00bad"),
            "001_ed5145d0c32323f7.txt: not UTF-8",
        ),
    ],
)
def test_broken_corpus_names_the_file(tmp_path: Path, corpus_dir: Path, breakage, message: str) -> None:
    folder = _broken(tmp_path, corpus_dir)
    breakage(folder)
    with pytest.raises(CorpusError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_corpus(folder)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="corpus folder not found"):
        load_corpus(tmp_path / "nope")


def test_an_article_that_is_all_page_furniture_is_named(tmp_path: Path, corpus_dir: Path) -> None:
    folder = _broken(tmp_path, corpus_dir)
    (folder / "004_b724f73c1ca55076.txt").write_text(
        "Menu\nBeranda\nRegional\nADVERTISEMENT\nhttps://contoh.example/\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError, match=r"004_b724f73c1ca55076\.txt: nothing left after cleaning"):
        Answerer.load(folder)


def test_an_article_that_is_a_symbolic_link_out_of_the_folder_is_refused(
    tmp_path: Path, corpus_dir: Path
) -> None:
    copy = _broken(tmp_path, corpus_dir)
    secret = tmp_path / "outside.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    article = copy / "000_e1a1f6dd65dc8a54.txt"
    article.unlink()
    article.symlink_to(secret)
    with pytest.raises(CorpusError, match=re.escape("000_e1a1f6dd65dc8a54.txt: a symbolic link")):
        load_corpus(copy)


def test_sources_toml_as_a_symbolic_link_is_refused(tmp_path: Path, corpus_dir: Path) -> None:
    copy = _broken(tmp_path, corpus_dir)
    meta = copy / "sources.toml"
    (tmp_path / "elsewhere.toml").write_bytes(meta.read_bytes())
    meta.unlink()
    meta.symlink_to(tmp_path / "elsewhere.toml")
    with pytest.raises(CorpusError, match=re.escape("sources.toml: a symbolic link")):
        load_corpus(copy)


def test_an_article_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path, corpus_dir: Path) -> None:
    copy = _broken(tmp_path, corpus_dir)
    article = copy / "000_e1a1f6dd65dc8a54.txt"
    article.unlink()
    os.mkfifo(article)  # opening it for reading would wait for a writer forever
    with pytest.raises(CorpusError, match=re.escape("000_e1a1f6dd65dc8a54.txt: not a regular file")):
        load_corpus(copy)
