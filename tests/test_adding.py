"""`python -m index add` and `remove` on saved pages of several layouts (tests/fixtures/pages) and
on links served by a loopback HTTP server the tests start: what is written, what is refused
(with one line, nothing changed), and that the corpus then loads and answers from the new
article with its link."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from index.__main__ import main
from index.adding import AddError, fetch, normal_url
from index.answerer import Answerer
from index.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "pages"
BANJIR = ROOT / "tests" / "fixtures" / "corpus_banjir"
OG_URL = "https://suarasampel.example/regional/2025/02/05/bantuan-logistik-posko-banjir-sungailebar"
JSON_LD_URL = "https://lintasfiktif.example/berita/jembatan-gantung-rantau-hulu-putus"


class _Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()  # ends the stalled answers when the test is over


class _Handler(BaseHTTPRequestHandler):
    server: _Site

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers.items())))
        path = self.path.split("?")[0]
        if path.endswith(".html") and (PAGES / path.lstrip("/")).is_file():
            self._send(200, (PAGES / path.lstrip("/")).read_bytes())
        elif path == "/redirect":
            # Sets a cookie on the way: the client must not send it back.
            self.send_response(302)
            self.send_header("Location", "/og_tags.html")
            self.send_header("Set-Cookie", "sesi=rahasia; Path=/")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/missing":
            self._send(404, b"<html><body>Halaman tidak ditemukan</body></html>")
        elif path == "/big":  # declared too big: refused before the body is read
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(6_000_000))
            self.end_headers()
            self.wfile.write(b"<html>" + b" " * 100_000)
        elif path == "/big-undeclared":  # no length given: cut off while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"berita " * 10_000 + b"</p>\n"
            try:
                for _ in range(200):  # 14 MB at most, never all of it read
                    self.wfile.write(chunk)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/slow":  # headers, then nothing until the test ends
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>Sebentar")
            self.wfile.flush()
            self.server.release.wait(30)
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4", kind="application/pdf")
        else:
            self._send(404, b"not here")


@pytest.fixture(scope="module")
def site() -> Iterator[_Site]:
    server = _Site()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def url_of(site: _Site, path: str) -> str:
    return f"http://127.0.0.1:{site.server_address[1]}{path}"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the flood corpus to add to."""
    folder = tmp_path / "corpus"
    shutil.copytree(BANJIR, folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def entry(folder: Path, article_id: str) -> dict:
    import tomllib

    meta = tomllib.loads((folder / "sources.toml").read_text(encoding="utf-8"))
    (found,) = [a for a in meta["article"] if a["id"] == article_id]
    return found


# -- saved pages ------------------------------------------------------------------------------


def test_a_page_with_open_graph_tags_is_added_with_its_metadata_and_comments_kept(capsys, corpus):
    before = (corpus / "sources.toml").read_text(encoding="utf-8")
    code, out, err = run(capsys, "add", "--corpus", str(corpus), str(PAGES / "og_tags.html"))
    assert code == 0, err
    assert out.splitlines() == [
        out.splitlines()[0]
    ] and out.startswith("added suara-sampel: Suara Sampel, 2025-02-05, “Bantuan Logistik")
    after = (corpus / "sources.toml").read_text(encoding="utf-8")
    assert after.startswith(before)  # comments, order and layout of what was there: untouched
    assert after[len(before) :].startswith("\n[[article]]\nid = \"suara-sampel\"\n")
    new = entry(corpus, "suara-sampel")
    assert new["outlet"] == "Suara Sampel"
    assert new["title"] == "Bantuan Logistik Dikirim dengan Perahu Karet ke 12 Posko Banjir Sungailebar"
    assert str(new["published"]) == "2025-02-05"
    assert new["url"] == OG_URL
    assert new["language"] == "id"
    text = (corpus / new["file"]).read_text(encoding="utf-8")
    assert "4.800 paket sembako" in text
    assert "Hak cipta" not in text and "Berita Terpopuler" not in text and "Komentar" not in text
    # the project's own loader and cleaning take it, and the bot answers from it with its link
    loaded = load_corpus(corpus)
    assert [a.source.id for a in loaded.articles][-1] == "suara-sampel"
    answer = Answerer.load(corpus).answer("Berapa paket sembako yang dikirim ke posko pengungsian?")
    assert answer.answered
    assert "4.800 paket sembako" in answer.sentences[0].text
    assert OG_URL in [s.url for s in answer.sources]


def test_a_page_with_only_a_title_and_a_byline_date(capsys, corpus):
    code, _out, err = run(capsys, "add", "--corpus", str(corpus), str(PAGES / "title_byline.html"))
    assert code == 0, err
    new = entry(corpus, "kabar-rekaan")
    assert new["outlet"] == "Kabar Rekaan"  # from "Headline | Kabar Rekaan"
    assert new["title"] == "Ratusan Pengungsi Banjir Sungailebar Terserang Diare dan Gatal-gatal"
    assert str(new["published"]) == "2025-02-06"  # the byline's 06/02/2025
    assert "url" not in new  # a saved page with no link of its own: none is made up
    answer = Answerer.load(corpus).answer("Berapa pengungsi yang terserang diare?")
    assert answer.answered and "312 pengungsi" in answer.sentences[0].text


def test_a_page_with_json_ld_news_article(capsys, corpus):
    code, _out, err = run(capsys, "add", "--corpus", str(corpus), str(PAGES / "json_ld.html"))
    assert code == 0, err
    new = entry(corpus, "lintas-fiktif")
    assert new["outlet"] == "Lintas Fiktif"  # the publisher
    assert str(new["published"]) == "2025-02-06"  # datePublished, not dateModified's day
    assert new["url"] == JSON_LD_URL
    assert new["title"] == "Jembatan Gantung Rantau Hulu Putus Diterjang Arus Sungai Lebar"


@pytest.mark.parametrize("name", ["list_page.html", "topic_cards.html"])
def test_a_list_page_is_refused_with_one_line_and_nothing_changed(capsys, corpus, name):
    before = snapshot(corpus)
    code, out, err = run(capsys, "add", "--corpus", str(corpus), str(PAGES / name))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [f"error: {PAGES / name}: a list of other stories, not one article"]
    assert snapshot(corpus) == before


def test_a_saved_page_over_5_mb_is_refused(capsys, corpus, tmp_path):
    page = tmp_path / "besar.html"
    page.write_bytes(b"<html><body>" + b"<p>berita panjang sekali</p>" * 200_000 + b"</body></html>")
    before = snapshot(corpus)
    code, _out, err = run(capsys, "add", "--corpus", str(corpus), str(page))
    assert code == 2 and err.splitlines() == [f"error: {page}: the page is larger than 5 MB"]
    assert snapshot(corpus) == before


def test_a_page_without_an_article_is_refused(capsys, corpus, tmp_path):
    page = tmp_path / "kosong.html"
    page.write_text("<html><head><title>Masuk</title></head><body><form>Kata sandi</form></body></html>")
    before = snapshot(corpus)
    code, _out, err = run(capsys, "add", "--corpus", str(corpus), str(page))
    assert code == 2 and len(err.splitlines()) == 1 and "no article text" in err
    assert snapshot(corpus) == before


def test_the_same_page_twice_or_a_near_identical_copy_is_one_article(capsys, corpus, tmp_path):
    assert run(capsys, "add", "--corpus", str(corpus), str(PAGES / "og_tags.html"))[0] == 0
    after_first = snapshot(corpus)
    code, out, _err = run(capsys, "add", "--corpus", str(corpus), str(PAGES / "og_tags.html"))
    assert code == 0 and out.strip() == (
        f"already in the corpus: {PAGES / 'og_tags.html'} is 'suara-sampel' (same link)"
    )
    # the same story republished elsewhere: no canonical link, other menus, one sentence changed
    html = (PAGES / "og_tags.html").read_text(encoding="utf-8")
    copy = (
        html.replace('<link rel="canonical"', '<link rel="alternate"')
        .replace('<meta property="og:url"', '<meta property="og:x"')
        .replace("Berita Terpopuler", "Paling Banyak Dibaca")
        .replace("apabila cuaca tetap cerah", "jika cuaca mendukung")
        .replace('content="Suara Sampel"', 'content="Salinan Berita"')
    )
    (tmp_path / "salinan.html").write_text(copy, encoding="utf-8")
    code, out, _err = run(capsys, "add", "--corpus", str(corpus), str(tmp_path / "salinan.html"))
    assert code == 0 and "'suara-sampel' (near-identical text)" in out
    assert snapshot(corpus) == after_first
    # another article on the same story is not a copy
    code, out, _err = run(capsys, "add", "--corpus", str(corpus), str(PAGES / "title_byline.html"))
    assert code == 0 and out.startswith("added kabar-rekaan")


def test_html_on_standard_input(corpus):
    result = subprocess.run(
        [sys.executable, "-m", "index", "add", "--corpus", str(corpus), "-"],
        input=(PAGES / "json_ld.html").read_bytes(),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("added lintas-fiktif: Lintas Fiktif, 2025-02-06")
    assert entry(corpus, "lintas-fiktif")["url"] == JSON_LD_URL


def test_the_date_and_outlet_can_be_given_when_the_page_lacks_them(capsys, corpus, tmp_path):
    body = "".join(
        f"<p>Paragraf {n}: warga Sungailebar kembali ke rumah masing-masing setelah banjir surut dan"
        f" mulai memperbaiki perabot yang rusak terendam air selama dua hari.</p>"
        for n in range(1, 6)
    )
    page = tmp_path / "tanpa.html"
    page.write_text(f"<html><body><h1>Warga Kembali ke Rumah</h1>{body}</body></html>", encoding="utf-8")
    before = snapshot(corpus)
    code, out, err = run(capsys, "add", "--corpus", str(corpus), str(page))
    assert code == 2 and len(err.splitlines()) == 1
    assert "--outlet NAME" in err or "--published YYYY-MM-DD" in err
    assert snapshot(corpus) == before
    code, out, err = run(
        capsys, "add", "--corpus", str(corpus), "--outlet", "Koran Uji", "--published", "2025-02-07",
        str(page),
    )
    assert code == 0, err
    assert out.startswith("added koran-uji: Koran Uji, 2025-02-07")


def test_a_broken_sources_toml_is_reported_and_left_alone(capsys, corpus):
    (corpus / "sources.toml").write_text("[event\ntitle = 'x'\n", encoding="utf-8")
    before = snapshot(corpus)
    code, _out, err = run(capsys, "add", "--corpus", str(corpus), str(PAGES / "og_tags.html"))
    assert code == 2 and len(err.splitlines()) == 1 and "not valid TOML" in err
    assert snapshot(corpus) == before


# -- links served from loopback -------------------------------------------------------------


def test_a_link_is_fetched_politely_and_its_address_kept(capsys, corpus, site):
    link = url_of(site, "/title_byline.html")
    code, out, err = run(capsys, "add", "--corpus", str(corpus), link)
    assert code == 0, err
    assert entry(corpus, "kabar-rekaan")["url"] == link  # no canonical link: the address it came from
    path, headers = site.requests[-1]
    assert path == "/title_byline.html"
    assert headers["User-Agent"].startswith("berita-bot/")
    # the same link again is recognised before anything is downloaded
    asked = len(site.requests)
    code, out, err = run(capsys, "add", "--corpus", str(corpus), link + "#atas")
    assert code == 0 and "already in the corpus" in out and "'kabar-rekaan'" in out
    assert len(site.requests) == asked


def test_a_redirect_is_followed_without_keeping_its_cookie(capsys, corpus, site):
    code, out, err = run(capsys, "add", "--corpus", str(corpus), url_of(site, "/redirect"))
    assert code == 0, err
    assert entry(corpus, "suara-sampel")["url"] == OG_URL  # the page's canonical link
    followed = [headers for path, headers in site.requests if path == "/og_tags.html"][-1]
    assert "Cookie" not in followed
    # the redirect again lands on the same canonical link: one article
    code, out, err = run(capsys, "add", "--corpus", str(corpus), url_of(site, "/redirect"))
    assert code == 0 and "'suara-sampel' (same link)" in out


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/big", "the page is larger than 5 MB (6,000,000 bytes)"),
        ("/big-undeclared", "the page is larger than 5 MB"),
        ("/pdf", "not a web page (application/pdf)"),
    ],
)
def test_a_failed_or_oversized_download_is_one_line_and_changes_nothing(capsys, corpus, site, path, message):
    before = snapshot(corpus)
    code, out, err = run(capsys, "add", "--corpus", str(corpus), url_of(site, path))
    assert code == 2 and out == ""
    assert err.splitlines() == [f"error: {url_of(site, path)}: {message}"]
    assert snapshot(corpus) == before


def test_a_download_that_stalls_is_given_up_at_the_deadline(site):
    with pytest.raises(AddError, match=r"no complete answer within 0.5 s"):
        fetch(url_of(site, "/slow"), timeout=0.5)


def test_a_server_that_is_not_there(capsys, corpus):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _out, err = run(capsys, "add", "--corpus", str(corpus), f"http://127.0.0.1:{port}/x.html")
    assert code == 2 and len(err.splitlines()) == 1 and "download failed (connection refused)" in err


def test_several_sources_each_get_a_line_and_a_failure_sets_the_exit_status(capsys, corpus, site):
    code, out, err = run(
        capsys,
        "add",
        "--corpus",
        str(corpus),
        str(PAGES / "og_tags.html"),
        url_of(site, "/missing"),
        str(PAGES / "json_ld.html"),
    )
    assert code == 2
    assert [line.split(":")[0] for line in out.splitlines()] == ["added suara-sampel", "added lintas-fiktif"]
    assert len(err.splitlines()) == 1
    assert len(load_corpus(corpus).articles) == 5


def test_links_compare_without_scheme_www_fragment_or_tracking():
    assert normal_url("https://www.Contoh.example/a/b/?utm_source=x#top") == normal_url("http://contoh.example/a/b")
    assert normal_url("https://contoh.example/a?id=1") != normal_url("https://contoh.example/a?id=2")


# -- remove ---------------------------------------------------------------------------------


def test_remove_takes_out_the_entry_and_its_file_and_keeps_the_rest(capsys, corpus):
    before = (corpus / "sources.toml").read_text(encoding="utf-8")
    assert run(capsys, "add", "--corpus", str(corpus), str(PAGES / "og_tags.html"))[0] == 0
    file_name = entry(corpus, "suara-sampel")["file"]
    code, out, _err = run(capsys, "remove", "suara-sampel", "--corpus", str(corpus))
    assert code == 0 and out.strip() == f"removed suara-sampel ({file_name})"
    assert not (corpus / file_name).exists()
    assert (corpus / "sources.toml").read_text(encoding="utf-8").rstrip() == before.rstrip()
    # an article in the middle, with comments around it: the others and their comments stay
    code, out, _err = run(capsys, "remove", "kabar", "--corpus", str(corpus))
    assert code == 0
    after = (corpus / "sources.toml").read_text(encoding="utf-8")
    assert 'id = "kabar"' not in after and "# No link known for this one" in after
    assert [a.source.id for a in load_corpus(corpus).articles] == ["warta", "harian"]


def test_remove_refuses_an_unknown_id_and_the_last_article(capsys, corpus):
    before = snapshot(corpus)
    code, _out, err = run(capsys, "remove", "tidak-ada", "--corpus", str(corpus))
    assert code == 2 and err.startswith("error: tidak-ada: no article with that id")
    assert snapshot(corpus) == before
    assert run(capsys, "remove", "warta", "--corpus", str(corpus))[0] == 0
    assert run(capsys, "remove", "kabar", "--corpus", str(corpus))[0] == 0
    code, _out, err = run(capsys, "remove", "harian", "--corpus", str(corpus))
    assert code == 2 and "the only article left" in err
    assert len(load_corpus(corpus).articles) == 1


def test_stdin_is_read_from_the_stream_given(corpus):
    from index.adding import add

    out, err = io.StringIO(), io.StringIO()
    code = add(corpus, ["-"], stdin=io.BytesIO((PAGES / "og_tags.html").read_bytes()), out=out, err=err)
    assert code == 0 and out.getvalue().startswith("added suara-sampel")


# -- the index cache ----------------------------------------------------------------------------


def test_add_and_remove_bring_a_cached_index_up_to_date(capsys, corpus, tmp_path):
    from index.cache import load_index

    cache = tmp_path / "cache"
    load_index(load_corpus(corpus), cache)
    code, out, err = run(
        capsys, "add", "--corpus", str(corpus), "--cache-dir", str(cache), str(PAGES / "og_tags.html")
    )
    assert code == 0, err
    assert out.splitlines()[-1].startswith("index brought up to date in ")
    index = load_index(load_corpus(corpus), cache)
    assert index.loaded_from_cache and index.corpus.articles[-1].source.id == "suara-sampel"
    code, out, err = run(capsys, "remove", "kabar", "--corpus", str(corpus), "--cache-dir", str(cache))
    assert code == 0 and out.splitlines()[-1].startswith("index brought up to date in "), err
    assert load_index(load_corpus(corpus), cache).loaded_from_cache


def test_an_entry_that_cannot_just_be_appended_is_written_into_the_document(capsys, corpus):
    meta = corpus / "sources.toml"
    # the articles as an inline array: a [[article]] written after it would not load
    text = meta.read_text(encoding="utf-8")
    import tomllib

    entries = tomllib.loads(text)["article"]
    head = text[: text.index("[[article]]")]
    inline = ",\n".join(
        "{ " + ", ".join(f"{k} = {v!r}" if isinstance(v, str) else f"{k} = {v}" for k, v in e.items()) + " }"
        for e in entries
    )
    meta.write_text(head.replace("[event]", f"article = [\n{inline},\n]\n\n[event]", 1), encoding="utf-8")
    assert len(load_corpus(corpus).articles) == 3
    before = snapshot(corpus)
    code, _out, err = run(capsys, "add", "--corpus", str(corpus), str(PAGES / "og_tags.html"))
    assert code == 2 and "must be [[article]] tables" in err
    assert snapshot(corpus) == before
