"""Stem audit: where the project's stemmer loses or confuses words of general Indonesian.

Run: .venv/bin/python benchmarks/audit_stems.py [--top 31000] [--all]
(needs wordfreq, which is not a project dependency: `.venv/bin/pip install wordfreq`)

Stems every word of wordfreq's Indonesian list (the `--top` most frequent, letters a-z only)
with index.stemmer.sastrawi_stem, i.e. Sastrawi after index/data/stem_overrides.tsv, and
prints four lists for a person to judge. Nothing here decides by itself: each list is a set
of candidates, and the fixes that a reader finds right go to index/data/stem_overrides.tsv.
Run again after editing the overrides: fixed words leave the lists. Candidates a reader
judged right stay listed (b1 keeps "memberikan" -> "beri": mem+ber+ikan is a parse, not the
word), so read the lists, do not aim to empty them.

(a) STEM IS A STOPWORD. The question reader drops a term whose stem is a stopword, so the
    word vanishes from search ("peserta" -> "serta"). A function word with a clitic
    ("untukmu" -> "untuk", "didalam" -> "dalam") is meant to vanish: those are counted, not
    listed, unless --all.
(b) STEM IS ANOTHER WORD. Candidates for a wrong root, found three ways:
    b1 another regular parse of the word gives a different root that is in Sastrawi's
       dictionary ("terasa": Sastrawi says ter+asa, te+rasa is the word);
    b2 the stem is a real word much rarer than the word itself, a sign that the word is a
       root or a name that Sastrawi cut ("sekedar" -> "dar", "milan" -> "mil"); a stem that
       is no word at all ("pasukan" -> "pasu") is left to b1;
    b3 the word and the same word with a clitic stem differently ("memakai" -> "pakai" but
       "memakainya" -> "maka").
(c) AFFIXED BUT UNSTEMMED. Words left whole although a regular parse gives a root that is
    itself a frequent word of the list, typically because Sastrawi's dictionary lacks the
    root ("ponselnya" -> "ponsel", "merespon" -> "respon").

Each line: word, its stem, wordfreq's Zipf frequency of each, and for b1/c the alternative.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterator

try:
    from wordfreq import top_n_list, zipf_frequency
except ImportError:  # pragma: no cover
    sys.exit("wordfreq is needed: .venv/bin/pip install wordfreq")

from index.stemmer import _overrides, _sastrawi, sastrawi_stem, stopwords

PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
DERIVATIONAL = ("kan", "an", "i")
CLITIC_PREFIXES = ("ku", "kau", "di", "ke", "se")  # "kulihat", "didalam", "kedalam"
VOWELS = "aeiou"


def _zipf(word: str) -> float:
    return zipf_frequency(word, "id")


def _suffix_bases(word: str) -> Iterator[tuple[str, str]]:
    """(base, suffixes stripped) for every way of taking particle, possessive and derivational
    suffixes off the end, each optional, in that order."""
    for p in ("", *PARTICLES):
        if p and not word.endswith(p):
            continue
        w1 = word[: len(word) - len(p)] if p else word
        for s in ("", *POSSESSIVES):
            if s and not w1.endswith(s):
                continue
            w2 = w1[: len(w1) - len(s)] if s else w1
            for d in ("", *DERIVATIONAL):
                if d and not w2.endswith(d):
                    continue
                w3 = w2[: len(w2) - len(d)] if d else w2
                if len(w3) >= 2:
                    yield w3, "-".join(x for x in (d, s, p) if x)


def _first_syllable_er(root: str) -> bool:
    """True for roots like kerja, serta, ternak: the first syllable ends in -er."""
    return bool(re.match(r"^[^aeiou]er[^aeiou]", root))


def _nasal_roots(rest: str) -> Iterator[str]:
    """Roots that meN-/peN- with the nasal part already removed could stand for."""
    # rest is what follows "me"/"pe": e.g. "ngambil", "nulis", "mbaca", "nyapu"
    if rest.startswith("nge") and len(rest) > 4:
        yield rest[3:]  # menge-bom
    if rest.startswith("ng"):
        tail = rest[2:]
        if tail[:1] in VOWELS:
            yield tail
            yield "k" + tail
            yield rest  # me-ngeri
        elif tail[:1] in ("g", "h", "k"):
            yield tail
    elif rest.startswith("ny"):
        tail = rest[2:]
        if tail[:1] in VOWELS:
            yield "s" + tail
            yield "c" + tail
        yield rest  # nyanyi
    elif rest.startswith("m"):
        tail = rest[1:]
        if tail[:1] in VOWELS:
            yield "p" + tail
            yield rest  # me-makan
        elif tail[:1] in ("b", "f", "v", "p"):
            yield tail
    elif rest.startswith("n"):
        tail = rest[1:]
        if tail[:1] in VOWELS:
            yield "t" + tail
            yield rest  # me-nanti
        elif tail[:1] in ("d", "c", "j", "t", "s", "z"):
            yield tail
    if rest[:1] in ("l", "r", "w", "y"):
        yield rest


def _prefix_roots(base: str, depth: int = 2) -> Iterator[tuple[str, str]]:
    """(root, prefixes) for every regular way of taking up to `depth` prefixes off `base`."""
    yield base, ""
    if depth == 0:
        return
    found: list[tuple[str, str]] = []
    for p in ("di", "ke", "se", "ku", "kau"):
        if base.startswith(p):
            found.append((base[len(p) :], p))
    for full, short in (("ber", "be"), ("ter", "te"), ("per", "pe")):
        if base.startswith(full):
            found.append((base[len(full) :], full))
        if base.startswith(short):
            rest = base[len(short) :]
            if rest.startswith("r") or _first_syllable_er(rest):
                found.append((rest, short))
    if base.startswith("belajar") or base.startswith("pelajar"):
        found.append((base[3:], base[:3]))
    for p in ("me", "pe"):
        if base.startswith(p):
            found.extend((r, p + "N") for r in _nasal_roots(base[2:]))
    if base.startswith("pe") and len(base) > 4 and base[2] not in VOWELS:
        found.append((base[2:], "pe"))  # petani, petinju: agent nouns of pe + consonant
    for root, prefix in found:
        if len(root) >= 2:
            for deeper, inner in _prefix_roots(root, depth - 1):
                yield deeper, "+".join(x for x in (prefix, inner) if x)


def parses(word: str) -> dict[str, str]:
    """{root: "prefixes+[root]+suffixes"} for every regular parse of the word (the word included)."""
    out: dict[str, str] = {}
    for base, suffixes in _suffix_bases(word):
        for root, prefixes in _prefix_roots(base):
            out.setdefault(root, "+".join(x for x in (prefixes, "[" + root + "]", suffixes) if x))
    return out


def _clitic_only(word: str, stem: str) -> bool:
    """True when the word is its (stopword) stem with clitics only: "untukmu", "didalam"."""
    for base, suffixes in _suffix_bases(word):
        if any(s in DERIVATIONAL for s in suffixes.split("-")):
            continue
        if base == stem:
            return True
        for p in CLITIC_PREFIXES:
            if base == p + stem:
                return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=31000, help="how many of wordfreq's words")
    parser.add_argument("--all", action="store_true", help="also list the clitic-only stopword cases")
    args = parser.parse_args()

    dictionary = _sastrawi().delegatedStemmer.get_dictionary()
    stop = stopwords()
    words = [w for w in top_n_list("id", args.top) if re.fullmatch(r"[a-z]+", w)]
    known = set(words)
    stems = {w: sastrawi_stem(w) for w in words}
    overrides = _overrides()

    print(f"# Stem audit: {len(words)} words of wordfreq's Indonesian top {args.top}")
    print(
        f"# {len(overrides)} overrides in index/data/stem_overrides.tsv; "
        f"{sum(1 for w in words if w in overrides)} of them are in this list"
    )

    # (a) stem is a stopword
    vanishing: dict[str, list[str]] = defaultdict(list)
    meant = 0
    for w in words:
        s = stems[w]
        if w in stop or s == w or s not in stop:
            continue
        if _clitic_only(w, s) and not args.all:
            meant += 1
            continue
        vanishing[s].append(w)
    total = sum(len(v) for v in vanishing.values())
    print(
        f"\n## (a) stem is a stopword: {total} words under {len(vanishing)} stems "
        f"(+{meant} function words with clitics, not listed)"
    )
    for s in sorted(vanishing, key=lambda s: -max(_zipf(w) for w in vanishing[s])):
        listed = sorted(vanishing[s], key=lambda w: -_zipf(w))
        print(f"{s}\t" + " ".join(listed))

    # (b1) another regular parse gives another dictionary root
    print("\n## (b1) another parse gives another dictionary root  (word stem|zipf  alternatives|zipf)")
    rows = []
    for w in words:
        s = stems[w]
        if s == w or w in overrides:
            continue
        alternatives = [
            (r, how)
            for r, how in parses(w).items()
            if r not in (s, w) and dictionary.contains(r) and len(r) >= 3 and _zipf(r) >= _zipf(s) - 1.0
        ]
        if alternatives:
            alts = "  ".join(f"{how}|{_zipf(r):.1f}" for r, how in alternatives)
            rows.append((_zipf(w), f"{w}\t{s}|{_zipf(s):.1f}\t{alts}"))
    for _, row in sorted(rows, reverse=True):
        print(row)

    # (b2) the stem is much rarer than the word
    print("\n## (b2) stem much rarer than the word  (word|zipf stem|zipf)")
    rows = []
    for w in words:
        s = stems[w]
        if s == w or w in overrides:
            continue
        zw, zs = _zipf(w), _zipf(s)
        # a stem of frequency 0 is a bound root (libat, hindar): b1 catches its wrong parses
        if zs > 0 and (zs < zw - 1.0 or (len(s) <= 3 and zs < zw)):
            rows.append((zw, f"{w}|{zw:.1f}\t{s}|{zs:.1f}"))
    for _, row in sorted(rows, reverse=True):
        print(row)

    # (b3) a clitic changes the stem
    print("\n## (b3) a clitic changes the stem  (word stem  word-without-clitic stem)")
    for w in words:
        for c in (*PARTICLES, *POSSESSIVES):
            base = w[: len(w) - len(c)]
            if (
                w.endswith(c)
                and len(base) > 3
                and base in known
                and stems[w] != w
                and stems[base] != stems[w]
            ):
                print(f"{w}\t{stems[w]}\t{base}\t{stems[base]}")

    # (c) affixed words left unstemmed, whose root is a frequent word of the list
    print("\n## (c) affixed, unstemmed, root is a frequent word  (word|zipf  parse|root zipf)")
    rows = []
    for w in words:
        if stems[w] != w or w in overrides or dictionary.contains(w):
            continue
        candidates = [
            (r, how)
            for r, how in parses(w).items()
            if r != w and len(r) >= 4 and r in known and _zipf(r) >= 3.0 and not dictionary.contains(r)
        ]
        if candidates:
            alts = "  ".join(f"{how}|{_zipf(r):.1f}" for r, how in candidates)
            rows.append((_zipf(w), f"{w}|{_zipf(w):.1f}\t{alts}"))
    for _, row in sorted(rows, reverse=True):
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
