"""The index on disk: kept under a cache folder, keyed by the corpus and by the code that
built it, signed so that only an index this installation wrote is ever loaded."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import pickle
import tempfile
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from index.build import BuildState, article_key, build_index, build_with_state, update_index
from index.corpus import Corpus
from index.model import Index
from index.stemmer import known_stems, remember_stems, stems_version

log = logging.getLogger(__name__)


@cache
def code_version() -> str:
    """A hash of the index package's code and data and of the stemming and ranking libraries'
    versions: a cached index built by other code is stale."""
    digest = hashlib.sha256()
    for library in ("PySastrawi", "rank-bm25", "numpy"):
        digest.update(f"{library}={metadata.version(library)}".encode())
    package = resources.files("index")
    for entry in sorted(_files(package), key=lambda e: e[0]):
        digest.update(entry[0].encode())
        digest.update(entry[1])
    return digest.hexdigest()[:16]


def _files(folder, prefix: str = "") -> list[tuple[str, bytes]]:  # type: ignore[no-untyped-def]
    found: list[tuple[str, bytes]] = []
    for item in folder.iterdir():
        name = prefix + item.name
        if item.is_dir():
            if item.name != "__pycache__":
                found.extend(_files(item, name + "/"))
        elif item.name.endswith((".py", ".tsv", ".txt")):
            found.append((name, item.read_bytes()))
    return found


def cache_path(corpus: Corpus, cache_dir: Path) -> Path:
    """Where the index of this corpus, built by this code, is kept."""
    return cache_dir / f"index-{corpus.fingerprint()[:24]}-{code_version()}.pickle"


# The cache is a pickle signed with HMAC-SHA256 under a key kept outside the cache folder:
# whoever can write the cache folder (DATA_DIR) but not the key cannot make the bot unpickle
# a file of theirs, since a file whose signature does not verify is never unpickled.
_MAGIC = b"berita-index-1\n"
_DIGEST = 32


def cache_key() -> bytes:
    """The key that signs index caches: a random 32 bytes in the user's cache folder
    ($XDG_CACHE_HOME or ~/.cache, "berita-bot/index-cache.key"), made on first use with
    owner-only permissions; never in the index cache folder itself."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "berita-bot" / "index-cache.key"
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = os.urandom(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
    except OSError as exc:
        # Nowhere to keep it: this process's key only, so caches are rebuilt each start.
        log.warning("no place for the index cache key (%s); the cache will not outlive this process", exc)
    return key


def load_index(
    corpus: Corpus, cache_dir: Path | None, key: bytes | None = None, previous: Index | None = None
) -> Index:
    """The corpus's index from the cache when it is there, current and signed with our key;
    else the cached index of the corpus as it was before articles were added or removed (or
    `previous`, that index in memory) brought up to date; else built. Either way saved, signed."""
    if cache_dir is None:
        return build_index(corpus)
    key = key if key is not None else cache_key()
    path = cache_path(corpus, cache_dir)
    try:
        index = _read_signed(path, key)
        if isinstance(index, Index):
            index.corpus = corpus
            index.loaded_from_cache = True
            return index
        log.warning("index cache %s holds something else; rebuilding", path)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated, foreign or forged cache file is only a reason to rebuild
        log.warning("index cache %s not used (%s); rebuilding", path, exc)
    kept = load_stems(cache_dir, key)
    built = _update(corpus, cache_dir, key, previous, path) or build_with_state(corpus)
    _save(built, path, key, kept)
    return built[0]


def update_cached(corpus: Corpus, cache_dir: Path, key: bytes | None = None) -> Index | None:
    """The corpus's index, when the cache holds it already or holds the index of this corpus
    as it was before some articles were added or removed (then brought up to date and saved);
    None when it holds neither (nothing is built)."""
    key = key if key is not None else cache_key()
    path = cache_path(corpus, cache_dir)
    if path.exists():
        return load_index(corpus, cache_dir, key)
    kept = load_stems(cache_dir, key)
    built = _update(corpus, cache_dir, key, None, path)
    if built is None:
        return None
    _save(built, path, key, kept)
    return built[0]


def stems_path(cache_dir: Path) -> Path:
    """Where the stems of every word indexed so far are kept: they outlive the index cache (a
    change to the code), not a change of the stemmer or its overrides."""
    return cache_dir / f"stems-{stems_version()}.pickle"


def load_stems(cache_dir: Path, key: bytes) -> int:
    """Take the stem cache's stems, when it is there and signed with our key; gives how many."""
    path = stems_path(cache_dir)
    try:
        stems = _read_signed(path, key)
        if not isinstance(stems, dict):
            raise ValueError("it holds something else")
        remember_stems(stems)
        return len(stems)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged or foreign file: the words are stemmed again
        log.warning("stem cache %s not used (%s)", path, exc)
    return 0


def _state_path(index_path: Path) -> Path:
    return index_path.with_suffix(".state")


def _update(
    corpus: Corpus, cache_dir: Path, key: bytes, previous: Index | None, path: Path
) -> tuple[Index, BuildState] | None:
    """The cached index (or `previous`) of this corpus as it was before some articles were
    added or removed, brought up to date; None when there is none to start from."""
    for old_path in sorted(cache_dir.glob(f"index-*-{code_version()}.pickle")):
        if old_path == path:
            continue
        try:
            state = _read_signed(_state_path(old_path), key)
            if not isinstance(state, BuildState):
                continue
            old: object = previous
            if previous is None or [article_key(a) for a in previous.corpus.articles] != state.articles:
                old = _read_signed(old_path, key)
            if isinstance(old, Index):
                return update_index(old, state, corpus)
        except FileNotFoundError:
            continue
        except Exception as exc:  # a damaged or foreign file: build anew
            log.warning("index cache %s not used to update from (%s)", old_path, exc)
    return None


def _read_signed(path: Path, key: bytes) -> object:
    """The object pickled in `path`, only if its signature verifies under `key` (else ValueError)."""
    # Verified, then unpickled, from one open file, read in pieces: the file is never held
    # whole in memory beside what it holds (at 1,000 times the corpus, 60 MB).
    with path.open("rb") as handle:
        if handle.read(len(_MAGIC)) != _MAGIC:
            raise ValueError("not a signed cache file")
        signature = handle.read(_DIGEST)
        mac = hmac.new(key, digestmod=hashlib.sha256)
        while chunk := handle.read(1 << 20):
            mac.update(chunk)
        if not hmac.compare_digest(signature, mac.digest()):
            raise ValueError("its signature does not verify")
        handle.seek(len(_MAGIC) + _DIGEST)
        return pickle.load(handle)


def _save(built: tuple[Index, BuildState], path: Path, key: bytes, stems_kept: int) -> None:
    # The index first, then what updating it needs (an index without its state is only
    # never updated from), then the stems when there are new ones.
    index, state = built
    if _write_signed(path, index, key, "index-*.pickle"):
        _write_signed(_state_path(path), state, key, "index-*.state")
    if len(known_stems()) > stems_kept:
        _write_signed(stems_path(path.parent), dict(known_stems()), key, "stems-*.pickle")


def _write_signed(path: Path, value: object, key: bytes, replaces: str) -> bool:
    """Pickle `value` to `path`, signed, removing the other files named like `replaces`;
    False (and a warning) when it cannot be written."""
    # Write to a temporary file and rename, so a crash or a full disk never leaves a
    # half-written cache that a later start would trust.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(replaces):
            if old != path:
                old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache-", suffix=".tmp")
        try:
            body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + hmac.new(key, body, hashlib.sha256).digest() + body)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        log.warning("could not save %s (%s); it will be made again next start", path, exc)
        return False
    return True
