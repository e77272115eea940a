"""The BM25 wrapper: rank-bm25's numbers, and scoring only candidate passages changes nothing."""

from __future__ import annotations

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
    assert index._bm25.doc_len == [3, 6, 5]
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
