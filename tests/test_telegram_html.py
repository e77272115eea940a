"""Telegram HTML rendering: escaped, balanced, supported tags only, never over 4,096."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram_html_check import assert_telegram_html, problems, utf16_length

from bot.telegram_html import (
    MAX_LENGTH,
    render_answer,
    render_help,
    render_more,
    render_plain,
    render_sources,
    render_start,
)
from index.answers import Answer, Disagreement, Kind, Quote, Source
from index.corpus import load_corpus

DW = Source("dw", "DW Indonesia", "Kim dan Putin", "2019-04-25", "https://p.dw.com/p/3HONg")
KONTAN = Source("kontan", "Kontan", "", "2019-04-25", None, credit="terjemahan dari Reuters")
ODD = Source(
    "odd",
    "<Outlet & Co>",
    'Title with <i>tags</i> & "quotes"',
    "2019-04-24",
    'https://example.org/a?x=1&y="2"<3>',
)


def answer(*quotes: Quote, sources=(DW, KONTAN), **fields) -> Answer:
    return Answer(
        question="q", kind=Kind.ANSWER, language="id", sentences=quotes, sources=sources, **fields
    )


def test_answer_quotes_sentences_with_marks_and_linked_sources():
    html = render_answer(
        answer(Quote("Mereka bertemu di Vladivostok.", ("dw", "kontan"), 1.0)), event="E"
    )
    assert_telegram_html(html)
    assert "“Mereka bertemu di Vladivostok.” [1][2]" in html
    assert '[1] <a href="https://p.dw.com/p/3HONg">DW Indonesia</a>, 25 April 2019' in html
    # No link is invented for an article whose link is unknown.
    assert "[2] Kontan, 25 April 2019 (terjemahan dari Reuters; tautan tidak diketahui)" in html
    assert html.count("<a ") == 1


def test_english_answer_uses_english_framing():
    reply = Answer(
        question="q",
        kind=Kind.ANSWER,
        language="en",
        sentences=(Quote("They met.", ("dw",), 1.0),),
        sources=(DW,),
    )
    html = render_answer(reply, event="E")
    assert "<b>Sources</b>" in html and "25 April 2019" in html


def test_every_piece_of_text_is_escaped():
    html = render_answer(
        answer(Quote("a < b && c > d <script>alert(1)</script>", ("odd",), 1.0), sources=(ODD,)),
        event="E",
        asked="<b>bold?</b> & more",
    )
    assert_telegram_html(html)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "❓ <b>&lt;b&gt;bold?&lt;/b&gt; &amp; more</b>" in html
    assert 'href="https://example.org/a?x=1&amp;y=&quot;2&quot;&lt;3&gt;"' in html
    assert "&lt;Outlet &amp; Co&gt;" in html


def test_disagreements_are_shown_with_their_sources():
    reply = answer(
        Quote("Pada 25 April.", ("dw",), 1.0),
        disagreements=(Disagreement("date", (("25 April", ("dw",)), ("24 April", ("kontan",)))),),
    )
    html = render_answer(reply, event="E")
    assert_telegram_html(html)
    assert "<i>Sumber berbeda soal tanggal:</i> 25 April [1]; 24 April [2]" in html
    assert "[2] Kontan" in html  # cited only by the disagreement, still listed


def test_a_long_answer_drops_whole_quotes_not_tags():
    quotes = tuple(Quote(f"Kalimat {n} " + "panjang " * 200, ("dw",), 1.0) for n in range(3))
    html = render_answer(answer(*quotes), event="E")
    assert_telegram_html(html)
    assert "Kalimat 0" in html and "Kalimat 2" not in html
    assert "<b>Sumber</b>" in html


def test_one_quote_too_long_for_a_message_is_shortened_with_an_ellipsis():
    huge = Quote("<&>" * 3000, ("dw", "kontan"), 1.0)
    html = render_answer(answer(huge), event="E")
    assert_telegram_html(html)
    assert "…” [1][2]" in html
    assert utf16_length(html) <= MAX_LENGTH


def test_emoji_count_twice_towards_the_limit():
    quote = Quote("😀" * 2100, ("dw",), 1.0)  # 2100 code points, 4200 UTF-16 units
    html = render_answer(answer(quote), event="E")
    assert_telegram_html(html)


@pytest.mark.parametrize(
    ("kind", "question_type", "expected"),
    [
        (Kind.DECLINE, "other", "tidak menjawab pertanyaan itu"),
        (Kind.GREETING, "greeting", "Halo! Saya menjawab pertanyaan tentang &lt;Event&gt;"),
        (Kind.GREETING, "thanks", "Sama-sama!"),
        (Kind.EMPTY, "other", "Silakan ketik pertanyaan"),
        (Kind.TOO_LONG, "other", "terlalu panjang"),
    ],
)
def test_replies_without_quotes(kind, question_type, expected):
    reply = Answer(
        question="<q>",
        kind=kind,
        language="id",
        examples=("Di mana <mereka> bertemu?", "Kapan & di mana?"),
        question_type=question_type,
    )
    html = render_answer(reply, event="<Event>")
    assert_telegram_html(html)
    assert expected in html
    if kind is not Kind.TOO_LONG:
        assert "• Di mana &lt;mereka&gt; bertemu?" in html


def test_more_numbers_new_sources_after_the_answers_sources():
    reply = answer(
        Quote("Satu.", ("dw",), 1.0),
        sources=(DW,),
        more=(Quote("Dua.", ("kontan",), 0.5), Quote("Tiga.", ("dw",), 0.4)),
        more_sources=(KONTAN,),
    )
    html = render_more(reply)
    assert_telegram_html(html)
    assert html.startswith("<b>Kutipan lain:</b>")
    assert "“Dua.” [2]" in html and "“Tiga.” [1]" in html
    assert "[1] <a" in html and "[2] Kontan" in html


def test_more_without_more_evidence_says_so():
    assert render_more(answer(Quote("Satu.", ("dw",), 1.0))) == (
        "Tidak ada kutipan lain yang relevan."
    )


def test_sources_list_every_article_and_link_only_known_urls(corpus_dir):
    corpus = load_corpus(corpus_dir)
    html = render_sources(corpus.sources, "id")
    assert_telegram_html(html)
    for number, source in enumerate(corpus.sources, start=1):
        assert f"[{number}] " in html
        if source.url:
            assert f'href="{source.url}"' in html
    assert html.count("<a href=") == sum(1 for s in corpus.sources if s.url)
    assert "tautan tidak diketahui" in html


def test_start_and_help_are_valid_and_in_the_persons_language(corpus_dir):
    corpus = load_corpus(corpus_dir)
    start_id = render_start(corpus.event.title, corpus.sources, "id")
    start_en = render_start(corpus.event.title_en, corpus.sources, "en")
    for html in (start_id, start_en):
        assert_telegram_html(html)
        assert "5" in html and "DW Indonesia" in html
    assert "Halo!" in start_id and "Hello!" in start_en
    help_en = render_help("the <event>", "berita_bot", "en")
    assert_telegram_html(help_en)
    assert "@berita_bot" in help_en and "/tanya" in help_en and "&lt;event&gt;" in help_en
    assert "/summary:" in help_en and "/timeline:" in help_en
    help_id = render_help("x", "b", "id")
    assert_telegram_html(help_id)
    assert "/ringkasan:" in help_id and "/kronologi:" in help_id
    assert_telegram_html(render_plain("a < b & c"))


texts = st.text(min_size=0, max_size=600)
urls = st.one_of(st.none(), st.builds(lambda s: "https://example.org/" + s, st.text(max_size=300)))
sources = st.builds(
    Source,
    id=st.sampled_from(["a", "b", "c", "d"]),
    outlet=st.text(min_size=1, max_size=400),
    title=texts,
    published=st.sampled_from(["2019-04-25", "2019-13-40", "kemarin"]),
    url=urls,
    credit=st.text(max_size=300),
)


@st.composite
def answers(draw):
    pool = draw(st.lists(sources, min_size=1, max_size=4, unique_by=lambda s: s.id))
    ids = [s.id for s in pool]
    quote = st.builds(
        Quote,
        text=st.text(min_size=1, max_size=2500),
        sources=st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True).map(tuple),
        score=st.floats(0, 1),
    )
    split = draw(st.integers(1, len(pool)))
    quotes = tuple(draw(st.lists(quote, min_size=1, max_size=4)))
    disagreement = st.builds(
        Disagreement,
        what=st.sampled_from(["date", "number", "<other>"]),
        values=st.lists(
            st.tuples(texts, st.lists(st.sampled_from(ids), min_size=1, max_size=2).map(tuple)),
            min_size=2,
            max_size=2,
        ).map(tuple),
    )
    return Answer(
        question=draw(texts),
        kind=Kind.ANSWER,
        language=draw(st.sampled_from(["id", "en"])),
        sentences=quotes,
        sources=tuple(pool[:split]),
        more=tuple(draw(st.lists(quote, max_size=4))),
        more_sources=tuple(pool[split:]),
        disagreements=tuple(draw(st.lists(disagreement, max_size=2))),
    )


@settings(max_examples=150, deadline=None)
@given(answers(), st.one_of(st.none(), texts))
def test_any_answer_renders_to_acceptable_html(reply, asked):
    assert_telegram_html(render_answer(reply, event="E", asked=asked))
    assert_telegram_html(render_more(reply))


@settings(max_examples=50, deadline=None)
@given(st.lists(sources, min_size=1, max_size=30))
def test_any_source_list_renders_to_acceptable_html(source_list):
    assert_telegram_html(render_sources(tuple(source_list), "id"))


# -- the checker itself -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<script>x</script>", "unsupported tag"),
        ("a < b", "unescaped '<'"),
        ("a > b", "unescaped '>'"),
        ("fish & chips", "unescaped '&'"),
        ("&nbsp;", "unescaped '&'"),
        ("<b>open", "unclosed"),
        ("<b><i>x</b></i>", "does not close"),
        ('<a href="javascript:x">x</a>', "http(s) href"),
        ('<b class="x">x</b>', "attribute class"),
        ("x" * 4097, "over 4096"),
        ("", "empty"),
    ],
)
def test_checker_rejects(html, problem):
    assert any(problem in p for p in problems(html)), problems(html)


def test_checker_accepts_telegram_html():
    html = '<b>a</b> &lt; <i>b &amp; c</i> <a href="https://x.org/?a=1&amp;b=2">d</a> &#128512;'
    assert problems(html) == []
    assert utf16_length("😀") == 2 and utf16_length("a😀") == 3


def test_start_without_examples_does_not_point_at_buttons(corpus_dir) -> None:  # type: ignore[no-untyped-def]
    corpus = load_corpus(corpus_dir)
    with_examples = render_start(corpus.event.title, corpus.sources, "id")
    without = render_start(corpus.event.title, corpus.sources, "id", has_examples=False)
    assert "contoh di bawah" in with_examples
    assert "contoh di bawah" not in without and "Ketik pertanyaan" in without
