"""Every kind of answer, rendered for the terminal, for Telegram and as JSON, from answers built
by hand: what a reader sees around the quotes (a digest's heading, a timeline's dates, a
comparison's outlets, the yes/no line, a follow-up's "(tentang: ...)"), and never an empty or
broken message."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram_html_check import assert_telegram_html, utf16_length

from bot import console, telegram_html
from bot.framing import shown_quotes
from bot.repl import repl
from index.answerer import Answerer
from index.answers import Answer, Disagreement, Kind, Note, Quote, Source

DW = Source("dw", "DW Indonesia", "Kim dan Putin", "2019-04-25", "https://p.dw.com/p/3HONg")
KOMPAS = Source("kompas", "Kompas.com", "Kim tiba", "2019-04-24", "https://kompas.com/a?x=1&y=2")
VIVA = Source("viva", "VIVA", "", "2019-04-26", None)
THREE = (DW, KOMPAS, VIVA)
EXAMPLES = ("Di mana Kim dan Putin bertemu?", "Naik apa Kim ke Rusia?")

WED, THU = "Rabu, 24 April 2019", "Kamis, 25 April 2019"


def quote(text: str, *sources: str, **fields: object) -> Quote:
    return Quote(text, sources, 1.0, **fields)  # type: ignore[arg-type]


SAMPLES: dict[str, Answer] = {
    "answer": Answer(
        "Apakah Kim naik pesawat?",
        Kind.ANSWER,
        "id",
        sentences=(
            quote("Kim Jong Un tiba di Vladivostok.", "dw", context=True),
            quote("Dia datang dengan kereta lapis baja, bukan pesawat.", "dw"),
            quote("Kereta itu berangkat dari Pyongyang.", "kompas"),
        ),
        sources=(DW, KOMPAS),
        lead="tidak",
        read_as="Apakah Kim naik pesawat ke Rusia?",
        topic="Apakah Kim naik pesawat ke Rusia?",
    ),
    "digest": Answer(
        "/ringkasan",
        Kind.DIGEST,
        "id",
        sentences=(
            quote("Kim Jong Un dan Vladimir Putin bertemu di Vladivostok.", "dw", "kompas"),
            quote("Pertemuan digelar di Universitas Federal Timur Jauh.", "kompas"),
            quote("Keduanya membahas denuklirisasi Semenanjung Korea.", "viva"),
            quote("Putin mengatakan Kim memerlukan jaminan keamanan.", "dw"),
        ),
        sources=THREE,
    ),
    "timeline": Answer(
        "/kronologi",
        Kind.TIMELINE,
        "id",
        sentences=(
            quote("Kim berangkat dari Pyongyang.", "kompas", when=WED, day="2019-04-24"),
            quote("Kim tiba di stasiun Khasan.", "dw", when=WED, day="2019-04-24"),
            quote("Pertemuan itu digelar di Pulau Russky.", "viva", context=True),
            quote("Dia bertemu Putin selama tiga jam.", "viva", when=THU, day="2019-04-25"),
            quote("Kim tiba di Vladivostok.", "kompas", when=THU, day="2019-04-25"),
        ),
        sources=THREE,
        notes=(Note("date_differs"),),
    ),
    "outlet": Answer(
        "Menurut VIVA, naik apa Kim?",
        Kind.OUTLET,
        "id",
        sentences=(quote("Kim naik kereta lapis baja.", "dw"),),
        sources=(DW,),
        outlet="viva",
        notes=(Note("outlet_silent", "VIVA"),),
    ),
    "comparison": Answer(
        "Apakah semua media sepakat soal tanggalnya?",
        Kind.COMPARISON,
        "id",
        sentences=(quote("Kim tiba pada Rabu (24/4).", "kompas"), quote("Kim tiba pada Kamis.", "dw")),
        sources=(DW, KOMPAS),
        disagreements=(Disagreement("date", (("Rabu (24/4)", ("kompas",)), ("Kamis", ("dw",)))),),
    ),
    "comparison_time": Answer(
        "media2 sama gak soal jam dapur mulai masak?",
        Kind.COMPARISON,
        "id",
        sentences=(quote("Dapur memasak pukul 02.00 WITA.", "kompas"), quote("Mulai pukul 03.00.", "dw")),
        sources=(DW, KOMPAS),
        disagreements=(Disagreement("time", (("pukul 02.00 WITA", ("kompas",)), ("pukul 03.00", ("dw",)))),),
    ),
    "comparison_agree": Answer(
        "Do the sources agree on where they met?",
        Kind.COMPARISON,
        "en",
        sentences=(quote("Mereka bertemu di Vladivostok.", "dw"), quote("Di Vladivostok.", "viva")),
        sources=(DW, VIVA),
        notes=(Note("sources_agree"),),
    ),
    "comparison_single_report": Answer(
        "Apakah semua media sepakat soal tanggal keberangkatan Kim?",
        Kind.COMPARISON,
        "id",
        sentences=(quote("Kim berangkat dari Pyongyang pada Rabu (23/4).", "kompas"),),
        sources=(KOMPAS,),
        notes=(Note("single_report", "Kompas.com"),),
    ),
    "comparison_one_outlet": Answer(
        "Apakah semua media sepakat?", Kind.COMPARISON, "id", notes=(Note("one_outlet"),)
    ),
    "digest_one_outlet": Answer(
        "/ringkasan",
        Kind.DIGEST,
        "id",
        sentences=(quote("Kim dan Putin bertemu.", "dw"),),
        sources=(DW,),
        notes=(Note("one_outlet"),),
    ),
    "timeline_no_dates": Answer("/timeline", Kind.TIMELINE, "en", notes=(Note("no_dates"),)),
    "clarify": Answer("kapan itu?", Kind.CLARIFY, "id", examples=EXAMPLES),
    "decline": Answer("Siapa presiden Indonesia?", Kind.DECLINE, "id", examples=EXAMPLES),
    "greeting": Answer("halo", Kind.GREETING, "en", examples=EXAMPLES, question_type="greeting"),
    "empty": Answer("???", Kind.EMPTY, "id", examples=EXAMPLES),
    "too_long": Answer("x" * 5000, Kind.TOO_LONG, "id"),
}


def every_reply(answer: Answer) -> list[str]:
    return [
        telegram_html.render_answer(answer, event="KTT <Kim-Putin>"),
        telegram_html.render_answer(answer, event="E", asked="/ringkasan"),
        telegram_html.render_more(answer),
    ]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_kind_renders_for_telegram_console_and_json(name: str) -> None:
    answer = SAMPLES[name]
    for html in every_reply(answer):
        assert_telegram_html(html)  # valid, not empty, at most 4,096
    assert console.render_answer(answer, "E").strip()
    assert console.render_more(answer).strip()
    shape = json.loads(json.dumps(answer.to_json(), ensure_ascii=False))
    assert shape["kind"] == answer.kind.value
    assert shape["answered"] is answer.answered
    assert [s["context"] for s in shape["sentences"]] == [q.context for q in answer.sentences]
    assert [s["when"] for s in shape["sentences"]] == [q.when for q in answer.sentences]
    assert [(n["key"], n["outlet"]) for n in shape["notes"]] == [(n.key, n.outlet) for n in answer.notes]
    assert (shape["lead"], shape["read_as"], shape["outlet"]) == (answer.lead, answer.read_as, answer.outlet)


@pytest.mark.parametrize("name", [n for n, a in SAMPLES.items() if a.sentences])
def test_a_long_reply_of_every_kind_drops_whole_quotes_to_fit(name: str) -> None:
    answer = SAMPLES[name]
    long = tuple(
        Quote(f"Kalimat {n}: " + "sangat panjang & <rinci> " * 40, q.sources, 1.0, q.context, q.when, q.day)
        for n, q in enumerate(answer.sentences * 4)
    )
    html = telegram_html.render_answer(replace(answer, sentences=long), event="E")
    assert_telegram_html(html)
    assert "Kalimat 0:" in html and f"Kalimat {len(long) - 1}:" not in html
    assert "<b>Sumber</b>" in html or "<b>Sources</b>" in html
    # a context sentence is never left without the quote it introduces
    for n, q in enumerate(long[:-1]):
        if q.context and f"Kalimat {n}:" in html:
            assert f"Kalimat {n + 1}:" in html


def test_an_answer_leads_with_yes_or_no_then_what_it_was_read_as() -> None:
    answer = SAMPLES["answer"]
    html = telegram_html.render_answer(answer, event="E")
    assert html.startswith(
        "<b>Menurut sumber: tidak</b>\n<i>(tentang: Apakah Kim naik pesawat ke Rusia?)</i>\n\n“"
    )
    text = console.render_answer(answer)
    assert text.startswith("Menurut sumber: tidak\n(tentang: Apakah Kim naik pesawat ke Rusia?)\n\n• ")
    english = replace(answer, language="en", lead="ya")
    assert console.render_answer(english).startswith("According to the sources: yes\n(about: ")
    plain = replace(answer, lead="", read_as="")
    assert telegram_html.render_answer(plain, event="E").startswith("“Kim Jong Un tiba")


def test_a_context_sentence_and_its_quote_are_one_quote_cited_once() -> None:
    answer = SAMPLES["answer"]
    joined = "Kim Jong Un tiba di Vladivostok. Dia datang dengan kereta lapis baja, bukan pesawat."
    html = telegram_html.render_answer(answer, event="E")
    assert f"“{joined}” [1]\n“Kereta itu berangkat dari Pyongyang.” [2]" in html
    assert html.count("“") == 2
    text = console.render_answer(answer)
    assert f"• {joined} [1]\n• Kereta itu berangkat dari Pyongyang. [2]" in text
    assert text.count("• ") == 2
    # in "more" too
    more = replace(answer, more=answer.sentences[:2], more_sources=())
    assert f"“{joined}” [1]" in telegram_html.render_more(more)
    assert f"• {joined} [1]" in console.render_more(more)


def test_a_digest_has_a_heading_and_each_quote_cited_as_a_bullet() -> None:
    answer = SAMPLES["digest"]
    html = telegram_html.render_answer(answer, event="E")
    assert html.startswith(
        "<b>Ringkasan</b>\n\n• “Kim Jong Un dan Vladimir Putin bertemu di Vladivostok.” [1][2]\n"
    )
    assert html.count("\n• “") == 4
    assert "[3] VIVA, 26 April 2019 (tautan tidak diketahui)" in html
    text = console.render_answer(answer)
    assert text.startswith("Ringkasan\n\n• Kim Jong Un dan Vladimir Putin bertemu di Vladivostok. [1][2]\n")
    assert text.count("\n• ") == 4 and "\nSumber:\n[1] DW Indonesia" in text
    english = replace(answer, language="en")
    assert telegram_html.render_answer(english, event="E").startswith("<b>Summary</b>")
    assert console.render_answer(english).startswith("Summary\n")


def test_a_digest_from_one_outlet_says_so() -> None:
    html = telegram_html.render_answer(SAMPLES["digest_one_outlet"], event="E")
    assert "“Kim dan Putin bertemu.” [1]" in html
    assert "\n\nSemua artikel saya dari satu media, jadi ini versi satu sumber saja.\n\n<b>Sumber" in html


def test_a_timeline_groups_its_entries_under_their_dates_in_order() -> None:
    answer = SAMPLES["timeline"]
    html = telegram_html.render_answer(answer, event="E")
    assert html.startswith(
        f"<b>Kronologi</b>\n\n<b>{WED}</b>\n• “Kim berangkat dari Pyongyang.” [2]\n"
        f"• “Kim tiba di stasiun Khasan.” [1]\n\n<b>{THU}</b>\n"
        "• “Pertemuan itu digelar di Pulau Russky. Dia bertemu Putin selama tiga jam.” [3]\n"
        "• “Kim tiba di Vladivostok.” [2]\n\n"
        "Media-media menyebut tanggal yang berbeda"
    )
    text = console.render_answer(answer)
    assert (
        f"Kronologi\n\n{WED}\n• Kim berangkat dari Pyongyang. [2]\n"
        f"• Kim tiba di stasiun Khasan. [1]\n\n{THU}\n" in text
    )
    assert "Media-media menyebut tanggal yang berbeda untuk kejadian yang sama" in text
    assert text.index("Media-media") < text.index("Sumber:")


def test_an_outlet_that_does_not_report_it_is_named_before_the_others() -> None:
    answer = SAMPLES["outlet"]
    expected = "VIVA tidak memberitakan hal ini. Menurut sumber lain:"
    html = telegram_html.render_answer(answer, event="E")
    assert html.startswith(f"{expected}\n\n“Kim naik kereta lapis baja.” [1]")
    assert console.render_answer(answer).startswith(f"{expected}\n\n• Kim naik kereta lapis baja. [1]")
    unnamed = replace(answer, notes=(Note("outlet_silent"),), language="en")
    assert console.render_answer(unnamed).startswith("viva does not report this. According to the other")


def test_a_comparison_shows_each_outlet_then_where_they_differ_or_that_they_agree() -> None:
    html = telegram_html.render_answer(SAMPLES["comparison"], event="E")
    assert html.startswith(
        "<b>Kompas.com</b>: “Kim tiba pada Rabu (24/4).” [2]\n<b>DW Indonesia</b>: “Kim tiba pada Kamis.” [1]"
    )
    assert "<i>Sumber berbeda soal tanggal:</i> Rabu (24/4) [2]; Kamis [1]" in html
    text = console.render_answer(SAMPLES["comparison"])
    assert text.startswith(
        "• Kompas.com: Kim tiba pada Rabu (24/4). [2]\n• DW Indonesia: Kim tiba pada Kamis. [1]"
    )
    agree = SAMPLES["comparison_agree"]
    assert "\n\nThe sources agree on this.\n\n<b>Sources</b>" in telegram_html.render_answer(agree, event="E")
    assert "\n\nThe sources agree on this.\n\nSources:" in console.render_answer(agree)


def test_a_comparison_only_one_outlet_reports_says_so() -> None:
    answer = SAMPLES["comparison_single_report"]
    note = "Hanya Kompas.com yang memberitakan hal ini, jadi tidak ada yang bisa dibandingkan."
    html = telegram_html.render_answer(answer, event="E")
    quoted = "<b>Kompas.com</b>: “Kim berangkat dari Pyongyang pada Rabu (23/4).” [1]"
    assert html.startswith(f"{quoted}\n\n{note}")
    assert f"[1]\n\n{note}\n\nSumber:" in console.render_answer(answer)
    unnamed = replace(answer, notes=(Note("single_report"),), language="en")
    english = console.render_answer(unnamed)
    assert "\n\nOnly Kompas.com reports this, so there is nothing to compare." in english


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        (
            "comparison_one_outlet",
            "Semua artikel saya dari satu media, jadi tidak ada yang bisa dibandingkan.",
        ),
        ("timeline_no_dates", "These articles give no dates, so I cannot put together a timeline."),
    ],
)
def test_a_thin_corpus_gets_one_plain_sentence(name: str, sentence: str) -> None:
    answer = SAMPLES[name]
    assert telegram_html.render_answer(answer, event="E") == sentence
    assert console.render_answer(answer) == sentence
    assert not answer.to_json()["answered"]


def test_quoting_kinds_without_quotes_or_notes_are_never_empty() -> None:
    digest = Answer("/ringkasan", Kind.DIGEST, "id")
    assert (
        telegram_html.render_answer(digest, event="E")
        == "Maaf, artikel-artikel saya belum cukup untuk dibuat ringkasan."
    )
    timeline = Answer("/kronologi", Kind.TIMELINE, "id")
    assert "tidak memuat tanggal" in console.render_answer(timeline)
    outlet = Answer("Menurut X?", Kind.OUTLET, "id", examples=EXAMPLES)
    html = telegram_html.render_answer(outlet, event="E")
    assert html.startswith("Maaf, artikel-artikel yang saya punya tidak menjawab") and "• Naik apa" in html


def test_clarify_asks_back_with_examples() -> None:
    html = telegram_html.render_answer(SAMPLES["clarify"], event="E")
    assert html == (
        "Maksudnya tentang apa? Tanyakan lengkap, misalnya:\n"
        "• Di mana Kim dan Putin bertemu?\n• Naik apa Kim ke Rusia?"
    )
    assert console.render_answer(SAMPLES["clarify"]).startswith(
        "Maksudnya tentang apa? Tanyakan lengkap, misalnya:\n  • Di mana"
    )
    bare = Answer("what about it?", Kind.CLARIFY, "en")
    assert console.render_answer(bare) == telegram_html.render_answer(bare, event="E")
    assert console.render_answer(bare).startswith("What do you mean? Ask the whole question")


# -- any answer of any kind --------------------------------------------------------------

texts = st.text(min_size=0, max_size=400)
sources = st.builds(
    Source,
    id=st.sampled_from(["a", "b", "c"]),
    outlet=st.text(min_size=1, max_size=300),
    title=texts,
    published=st.sampled_from(["2019-04-25", "kemarin"]),
    url=st.one_of(st.none(), st.builds(lambda s: "https://example.org/" + s, st.text(max_size=200))),
)


@st.composite
def any_answers(draw: st.DrawFn) -> Answer:
    pool = draw(st.lists(sources, min_size=1, max_size=3, unique_by=lambda s: s.id))
    ids = [s.id for s in pool]
    quote = st.builds(
        Quote,
        text=st.text(min_size=1, max_size=1500),
        sources=st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True).map(tuple),
        score=st.floats(0, 1),
        context=st.booleans(),
        when=st.sampled_from(["", WED, THU, "<Jumat> & later"]),
    )
    notes = st.lists(
        st.builds(
            Note,
            key=st.sampled_from(
                ["outlet_silent", "sources_agree", "one_outlet", "single_report", "no_dates", "date_differs"]
            ),
            outlet=texts,
        ),
        max_size=3,
    )
    return Answer(
        question=draw(texts),
        kind=draw(st.sampled_from(list(Kind))),
        language=draw(st.sampled_from(["id", "en"])),
        sentences=tuple(draw(st.lists(quote, max_size=7))),
        sources=tuple(pool),
        more=tuple(draw(st.lists(quote, max_size=3))),
        examples=tuple(draw(st.lists(texts, max_size=3))),
        lead=draw(st.sampled_from(["", "ya", "tidak", "<mungkin>"])),
        read_as=draw(texts),
        outlet=draw(st.sampled_from(["", "a", "<x>"])),
        notes=tuple(draw(notes)),
        question_type=draw(st.sampled_from(["other", "thanks", "greeting"])),
    )


@settings(max_examples=200, deadline=None)
@given(any_answers(), st.one_of(st.none(), texts))
def test_any_answer_of_any_kind_renders_to_acceptable_html_and_text(
    answer: Answer, asked: str | None
) -> None:
    for html in (
        telegram_html.render_answer(answer, event="E", asked=asked),
        telegram_html.render_more(answer),
    ):
        assert_telegram_html(html)
        assert utf16_length(html) <= telegram_html.MAX_LENGTH
    assert console.render_answer(answer, "E").strip()
    json.dumps(answer.to_json())


# -- the real engine's digests and timelines ----------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "corpus", *sorted((ROOT / "tests" / "fixtures").glob("corpus_*"))]


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_every_corpus_digest_and_timeline_fit_one_telegram_message(folder: Path) -> None:
    answerer = Answerer.load(folder)
    for language in ("id", "en"):
        for answer in (answerer.digest(language), answerer.timeline(language)):
            html = telegram_html.render_answer(answer, event=answerer.corpus.event.title_in(language))
            assert_telegram_html(html)
            shown = html.count("\n• “")
            assert shown == len(shown_quotes(answer.sentences)), folder.name  # nothing cut
            assert console.render_answer(answer).count("\n• ") == shown


def corpus(folder: Path, articles: dict[str, str]) -> Path:
    """A corpus of the given articles (outlet: text), one a day from 4 February 2025."""
    entries = ['[event]\ntitle = "Kerja bakti di Sukamaju"\nexamples = ["Berapa warga yang ikut?"]']
    for n, (outlet, body) in enumerate(articles.items()):
        (folder / f"a{n}.txt").write_text(body, encoding="utf-8")
        entries.append(
            f'[[article]]\nid = "a{n}"\nfile = "a{n}.txt"\noutlet = "{outlet}"\n'
            f'title = "Kerja bakti {n}"\npublished = 2025-02-0{4 + n}\nlanguage = "id"'
        )
    (folder / "sources.toml").write_text("\n\n".join(entries) + "\n", encoding="utf-8")
    return folder


UNDATED = {
    "Kabar A": "Warga Desa Sukamaju bergotong royong membersihkan saluran air.\n\n"
    "Kepala desa, Budi Santoso, mengatakan kegiatan itu diikuti sekitar 200 warga.\n\n"
    '"Kami ingin saluran air bersih agar tidak banjir," kata Budi.\n',
    "Warta B": "Sekitar 200 warga Sukamaju ikut kerja bakti membersihkan saluran air desa.\n\n"
    "Budi Santoso, kepala desa, menyebut kerja bakti itu untuk mencegah banjir.\n",
}


def test_a_corpus_without_dates_says_it_cannot_make_a_timeline(tmp_path: Path) -> None:
    answerer = Answerer.load(corpus(tmp_path, UNDATED))
    out = io.StringIO()
    repl(answerer, io.StringIO(":kronologi\n:ringkasan\n"), out)
    timeline, digest = out.getvalue().split("\n\n> ", 1)
    sentence = "Artikel-artikel ini tidak memuat tanggal, jadi saya tidak bisa menyusun kronologi."
    assert timeline == f"> :kronologi\n{sentence}"
    assert digest.startswith(":ringkasan\nRingkasan\n\n• ")  # the gist needs no dates
    html = telegram_html.render_answer(answerer.timeline("en"), event="E")
    assert html == "These articles give no dates, so I cannot put together a timeline."


def test_a_corpus_of_one_outlet_says_there_is_nothing_to_compare(tmp_path: Path) -> None:
    answerer = Answerer.load(corpus(tmp_path, {"Kabar A": UNDATED["Kabar A"]}))
    asked = answerer.answer("Apakah semua media sepakat soal jumlah warga yang ikut?")
    html = telegram_html.render_answer(asked, event="E")
    assert_telegram_html(html)
    assert "Semua artikel saya dari satu media, jadi tidak ada yang bisa dibandingkan." in html
    digest = telegram_html.render_answer(answerer.digest("id"), event="E")
    assert digest.startswith("<b>Ringkasan</b>\n\n• “")
    assert "Semua artikel saya dari satu media, jadi ini versi satu sumber saja." in digest
