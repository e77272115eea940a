"""Any text a person can send: the answering object and every renderer stay well-behaved."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram_html_check import assert_telegram_html

from bot.console import render_answer as render_console
from bot.telegram_html import render_answer, render_more
from index.answerer import Answerer
from index.answers import Answer, Kind

NASTY = [
    "<b>Di mana</b> mereka bertemu?",
    "<script>alert(1)</script>",
    "Robert'); DROP TABLE questions;--",
    "{0} {1!r} %s %d %(x)s {__class__}",
    "**bold** _it_ `code` [link](http://x)",
    "\u202eKapan Kim tiba?\u202c",
    "Di\u200bmana\u200d Kim\u2060 bertemu",
    "\x00\x01\x07\x1b[31m merah",
    "&amp; &lt; &#0; &",
    "مرحبا كيف حالك",
    "👨‍👩‍👧‍👦" * 50,
    "a" * 10_000,
    "Kim " * 1_200,
]

# Control characters, joiners, bidi marks, emoji, markup and ordinary Indonesian words.
alphabet = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("<>&\"'{}%$\\\u200b\u200d\u202e\u2066\ufeff\n\t")),
)
words = st.sampled_from(["Kim", "Putin", "di", "mana", "bertemu", "kapan", "<i>", "</a>", "&", "%s"])
questions = st.one_of(
    st.text(alphabet, max_size=5_000),
    st.lists(words, max_size=60).map(" ".join),
    st.sampled_from(NASTY),
)


def _quotes_within_bounds(answer: Answer) -> bool:
    """At most three quotes answer one fact (a "Dia ..." quote's context sentence aside); a
    digest holds at most five, a timeline eight."""
    shown = [q for q in answer.sentences if not q.context]
    return len(shown) <= {Kind.DIGEST: 5, Kind.TIMELINE: 8, Kind.COMPARISON: 5}.get(answer.kind, 3)


def _check(answerer: Answerer, question: str) -> Answer:
    answer = answerer.answer(question)
    assert isinstance(answer.kind, Kind)
    assert _quotes_within_bounds(answer)
    if answer.answered:
        assert answer.sentences and answer.sources
    echoed = render_answer(answer, event=answerer.corpus.event.title, asked=question)
    for rendered in (render_answer(answer, event=answerer.corpus.event.title), echoed, render_more(answer)):
        assert_telegram_html(rendered)
    # The person's text comes back as text: with the bot's own tags removed and entities
    # read, the visible reply holds it as typed (on one line, maybe shortened), so none of
    # its "<i>" or "&amp;" was taken as markup.
    visible = html.unescape(re.sub(r"<[^>]*>", "", echoed))
    typed = " ".join(question.split())
    if typed:
        assert typed[:400] in visible
    render_console(answer, answerer.corpus.event.title)
    return answer


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=questions)
def test_any_text_gets_an_answer_that_renders(answerer: Answerer, question: str) -> None:
    _check(answerer, question)


def test_the_nasty_cases(answerer: Answerer) -> None:
    for question in NASTY:
        _check(answerer, question)


def test_previous_question_can_be_anything(answerer: Answerer) -> None:
    for previous in NASTY:
        answer = answerer.answer("kapan itu?", previous=previous)
        assert isinstance(answer.kind, Kind) and _quotes_within_bounds(answer)
        assert not answer.answered or (answer.sentences and answer.sources)
        for rendered in (render_answer(answer, event=answerer.corpus.event.title), render_more(answer)):
            assert_telegram_html(rendered)
        # the topic is kept for the next follow-up: it must not grow with each one
        assert len(answer.topic) <= 2 * (len(previous) + len("kapan itu?"))
