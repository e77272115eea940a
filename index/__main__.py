"""`python -m index build|add|remove`: prebuild a corpus's index into the cache and say what it
holds; add an article by its link or saved page; take one out."""

from __future__ import annotations

import argparse
import sys
import time
from importlib import metadata
from pathlib import Path

from index.cache import cache_path, load_index, update_cached
from index.corpus import Corpus, CorpusError, load_corpus


def main(argv: list[str] | None = None) -> int:
    """Build (or find current) the index of a corpus; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    try:
        version = f"berita-bot {metadata.version('berita-bot')}"
    except metadata.PackageNotFoundError:
        version = "berita-bot (not installed)"
    parser.add_argument("--version", action="version", version=version)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser("build", help="build the index and save it to the cache")
    build.add_argument("--corpus", default="corpus", metavar="DIR", help="corpus folder (default: corpus)")
    build.add_argument(
        "--cache-dir",
        default="data/index-cache",
        metavar="DIR",
        help="index cache folder, as the bot's INDEX_CACHE_DIR (default: data/index-cache)",
    )
    build.add_argument("--force", action="store_true", help="rebuild even if the cache is current")
    add = commands.add_parser("add", help="add articles by link, saved HTML file, or - for HTML on stdin")
    add.add_argument("sources", nargs="+", metavar="SOURCE", help="https://... link, file.html, or -")
    add.add_argument("--corpus", default="corpus", metavar="DIR", help="corpus folder (default: corpus)")
    add.add_argument("--outlet", metavar="NAME", help="the outlet, when the page does not name it")
    add.add_argument("--published", metavar="YYYY-MM-DD", help="the date, when the page does not give it")
    remove = commands.add_parser("remove", help="take an article out: its entry and its file")
    remove.add_argument("id", metavar="ID", help="the article's id in sources.toml")
    remove.add_argument("--corpus", default="corpus", metavar="DIR", help="corpus folder (default: corpus)")
    for command in (add, remove):
        command.add_argument(
            "--cache-dir",
            default="data/index-cache",
            metavar="DIR",
            help="index cache folder whose index of the corpus is brought up to date, when it holds "
            "one (default: data/index-cache)",
        )
    args = parser.parse_args(argv)
    if args.command in ("add", "remove"):
        from index import adding  # httpx and tomlkit: only these two commands need them

        def changed(corpus: Corpus) -> None:
            _update_cached_index(corpus, Path(args.cache_dir))

        if args.command == "add":
            return adding.add(
                args.corpus,
                args.sources,
                stdin=sys.stdin.buffer,
                outlet=args.outlet,
                published=args.published,
                changed=changed,
            )
        return adding.remove(args.corpus, args.id, changed=changed)
    try:
        corpus = load_corpus(args.corpus)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    cache_dir = Path(args.cache_dir)
    started = time.perf_counter()
    if args.force:
        cache_path(corpus, cache_dir).unlink(missing_ok=True)
    index = load_index(corpus, cache_dir)
    seconds = time.perf_counter() - started
    stats = index.stats()
    state = "already current, loaded from the cache" if index.loaded_from_cache else "built"
    print(f"index {state}: {cache_path(corpus, cache_dir)}")
    print(
        f"{stats['articles']} articles, {stats['passages']} passages, {stats['sentences']} sentences, "
        f"{stats['vocabulary']} distinct words, {stats['protected_names']} protected names"
    )
    print(f"took {seconds * 1000:.0f} ms (build alone: {index.build_seconds * 1000:.0f} ms)")
    return 0


def _update_cached_index(corpus: Corpus, cache_dir: Path) -> None:
    """Bring the cached index of the corpus as it was up to the corpus as it is, when the cache
    folder holds one: the bot's next start or reload then finds it current."""
    if not cache_dir.is_dir():
        return
    started = time.perf_counter()
    index = update_cached(corpus, cache_dir)
    if index is not None and not index.loaded_from_cache:
        print(
            f"index brought up to date in {index.build_seconds:.2f} s "
            f"({time.perf_counter() - started:.2f} s with loading and saving it): {cache_dir}"
        )


if __name__ == "__main__":
    sys.exit(main())
