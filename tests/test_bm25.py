"""The BM25 wrapper: rank-bm25's numbers, and scoring only candidate passages changes nothing."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from index.bm25 import PassageIndex

SMALL = [
    ["kim", "tiba", "khasan"],
    ["putin", "kim", "temu", "vladivostok", "kampus", "pulau"],
    ["buruh", "rusia", "kim", "putin", "temu"],
]


def test_hand_checkable_corpus() -> None:
    index = PassageIndex(SMALL)
    assert index.doc_len.tolist() == [3, 6, 5]
    # "kim" is in every passage: BM25Okapi would floor its IDF near zero; BM25L keeps it positive.
    assert index.idf("kim") > 0
    assert index.idf("khasan") > index.idf("temu") > index.idf("kim")
    ranked = index.top(["vladivostok", "temu"], 3)
    assert [n for n, _ in ranked] == [1, 2]
    assert index.top(["bitcoin"], 3) == []  # nothing is returned when nothing matches


def test_a_name_group_counts_once() -> None:
    index = PassageIndex(SMALL)
    grouped = index.scores({("kim", "khasan"): 1.0})
    summed = index.scores({"kim": 1.0, "khasan": 1.0})
    assert grouped[0] < summed[0]
    assert grouped[0] == max(index.scores({"kim": 1.0})[0], index.scores({"khasan": 1.0})[0])


words_ = st.sampled_from(["kim", "putin", "temu", "buruh", "rusia", "kereta", "pulau", "khasan", "a", "b"])


@settings(max_examples=150, deadline=None)
@given(
    passages=st.lists(st.lists(words_, min_size=1, max_size=12), min_size=1, max_size=25),
    query=st.lists(words_, min_size=1, max_size=5),
)
def test_candidate_scoring_ranks_like_scoring_everything(passages, query) -> None:
    index = PassageIndex(passages)
    full = index.all_scores(query)
    partial = index.scores(query)
    for number, score in enumerate(full):
        if score > 0:
            assert abs(partial[number] - score) < 1e-9
        else:
            assert number not in partial


params_ = st.fixed_dictionaries(
    {
        "k1": st.floats(0.1, 3.0),
        "b": st.floats(0.0, 1.0),
        "delta": st.floats(0.0, 2.0),
    }
)
# rank-bm25's own variants; "BM25L" is the corrected formula, checked against all_scores.
variants_ = st.sampled_from(["BM25L-0.2.2", "BM25Okapi", "BM25Plus"])
passages_ = st.lists(st.lists(words_, min_size=1, max_size=12), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(passages=passages_, variant=variants_, params=params_, term=words_)
def test_a_terms_scores_are_rank_bm25s_own_numbers(passages, variant, params, term) -> None:
    index = PassageIndex(passages, variant, **params)
    full = index._bm25.get_scores([term])
    for number, score in index.scores([term]).items():
        assert score == full[number]  # the same floating-point number, not merely close
    holding = [n for n, p in enumerate(passages) if term in p]
    assert sorted(index.scores([term])) == [n for n in holding if full[n] > 0]


@settings(max_examples=150, deadline=None)
@given(
    passages=passages_,
    variant=variants_,
    params=params_,
    query=st.dictionaries(
        st.one_of(words_, st.lists(words_, min_size=2, max_size=3).map(tuple)),
        st.floats(0.1, 2.0),
        min_size=1,
        max_size=5,
    ),
)
def test_weighted_groups_score_like_rank_bm25_term_by_term(passages, variant, params, query) -> None:
    index = PassageIndex(passages, variant, **params)
    holding = set()
    expected = [0.0] * len(passages)
    for key, weight in query.items():
        terms = [key] if isinstance(key, str) else list(key)
        known = [t for t in terms if index.knows(t)]
        holding |= {n for n, p in enumerate(passages) if set(known) & set(p)}
        best = [0.0] * len(passages)
        for t in known:
            best = [max(b, s) for b, s in zip(best, index._bm25.get_scores([t]), strict=True)]
        expected = [e + weight * b for e, b in zip(expected, best, strict=True)]
    scores = index.scores(query)
    assert set(scores) == {n for n in holding if expected[n] > 0}
    for number, score in scores.items():
        assert score == expected[number]


@settings(max_examples=150, deadline=None)
@given(passages=passages_, query=st.lists(words_, min_size=1, max_size=5), n=st.integers(0, 8))
def test_top_is_the_head_of_the_full_ranking_ties_by_passage_number(passages, query, n) -> None:
    index = PassageIndex(passages)
    ranked = sorted(index.scores(query).items(), key=lambda item: (-item[1], item[0]))
    assert index.top(query, n) == ranked[:n]


def test_bm25l_counts_a_terms_frequency_once() -> None:
    # rank-bm25 0.2.2 multiplies by the count a second time, so a word printed twice scored
    # more than twice a word printed once; the textbook BM25L saturates.
    passages = [["gempa", "x", "y", "z"], ["gempa", "gempa", "x", "y"], ["a", "b", "c", "d"]]
    fixed = PassageIndex(passages).scores(["gempa"])
    old = PassageIndex(passages, "BM25L-0.2.2").scores(["gempa"])
    assert fixed[1] < 2 * fixed[0]
    assert old[1] > 2 * old[0]


@settings(max_examples=150, deadline=None)
@given(passages=passages_, params=params_, query=st.lists(words_, min_size=1, max_size=5))
def test_bm25l_scores_are_the_textbook_formula(passages, params, query) -> None:
    index = PassageIndex(passages, "BM25L", **params)
    full = index.all_scores(query)
    for number, score in index.scores(query).items():
        assert abs(score - full[number]) < 1e-9


@settings(max_examples=60, deadline=None)
@given(
    passages=st.lists(
        st.lists(st.sampled_from(["kim", "putin", "temu", "tiba", "rusia", "kereta"]), max_size=6),
        min_size=1,
        max_size=8,
    ),
    spare=st.lists(st.sampled_from(["unused", "other"]), max_size=2),
)
def test_an_index_of_numbered_terms_is_the_index_of_the_token_lists(passages, spare) -> None:
    # The index build's workers send each passage's terms as numbers into a table of stems
    # (which may hold stems no passage uses, in any order).
    table = sorted({t for p in passages for t in p} | set(spare), reverse=True)
    number = {t: n for n, t in enumerate(table)}
    flat = np.array([number[t] for p in passages for t in p], dtype=np.int32)
    lengths = np.array([len(p) for p in passages], dtype=np.int32)
    numbered = PassageIndex.numbered(flat, lengths, table)
    listed = PassageIndex(passages)
    assert numbered.__dict__.keys() == listed.__dict__.keys()
    for name, value in listed.__dict__.items():
        if isinstance(value, np.ndarray):
            assert (
                value.dtype == numbered.__dict__[name].dtype
                and value.tolist() == numbered.__dict__[name].tolist()
            )
        else:
            assert numbered.__dict__[name] == value, name
