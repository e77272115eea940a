"""Would Telegram accept this as parse_mode=HTML? Its documented rules, checked strictly.

https://core.telegram.org/bots/api#html-style: only the listed tags; tags must be balanced
and properly nested; every `<`, `>` and `&` that is not part of a tag or an entity must be
escaped; only &lt; &gt; &amp; &quot; and numeric entities; a message is 1-4096 characters.
"""

from __future__ import annotations

import re

MAX_LENGTH = 4096

# tag -> attributes it may carry
ALLOWED_TAGS: dict[str, set[str]] = {
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "ins": set(),
    "s": set(),
    "strike": set(),
    "del": set(),
    "span": {"class"},
    "tg-spoiler": set(),
    "a": {"href"},
    "tg-emoji": {"emoji-id"},
    "code": {"class"},
    "pre": set(),
    "blockquote": {"expandable"},
}

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:=\"[^\"<>]*\")?)*)\s*>")
_ATTRIBUTE = re.compile(r"([a-zA-Z-]+)(?:=\"([^\"]*)\")?")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")


def utf16_length(value: str) -> int:
    """Length in UTF-16 code units, the way Telegram counts."""
    return len(value.encode("utf-16-le")) // 2


def problems(html: str) -> list[str]:
    """Every reason Telegram would reject `html`; empty when it is acceptable."""
    found: list[str] = []
    if not html.strip():
        found.append("empty message")
    if utf16_length(html) > MAX_LENGTH:
        found.append(f"{utf16_length(html)} characters, over {MAX_LENGTH}")
    stack: list[str] = []
    visible: list[str] = []
    position = 0
    while position < len(html):
        char = html[position]
        if char == "<":
            match = _TAG.match(html, position)
            if match is None:
                found.append(f"unescaped '<' at {position}: {html[position : position + 30]!r}")
                position += 1
                continue
            closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
            if name not in ALLOWED_TAGS:
                found.append(f"unsupported tag <{name}> at {position}")
            elif closing:
                if attributes.strip():
                    found.append(f"closing tag </{name}> with attributes at {position}")
                if not stack or stack[-1] != name:
                    found.append(
                        f"</{name}> at {position} does not close {stack[-1:] or 'anything'}"
                    )
                else:
                    stack.pop()
            else:
                for attribute, value in _ATTRIBUTE.findall(attributes):
                    if attribute not in ALLOWED_TAGS[name]:
                        found.append(f"attribute {attribute} not allowed on <{name}>")
                    elif "&" in value and _bad_ampersand(value):
                        found.append(f"unescaped '&' in attribute of <{name}>")
                if name == "a":
                    href = dict(_ATTRIBUTE.findall(attributes)).get("href", "")
                    if not href.startswith(("http://", "https://", "tg://")):
                        found.append(f"<a> without an http(s) href at {position}")
                    if "a" in stack:
                        found.append(f"nested <a> at {position}")
                stack.append(name)
            position = match.end()
        elif char == ">":
            found.append(f"unescaped '>' at {position}")
            position += 1
        elif char == "&":
            match = _ENTITY.match(html, position)
            if match is None:
                found.append(f"unescaped '&' at {position}: {html[position : position + 12]!r}")
                position += 1
            else:
                visible.append("x")
                position = match.end()
        else:
            visible.append(char)
            position += 1
    if stack:
        found.append(f"unclosed tags: {stack}")
    if html.strip() and not "".join(visible).strip():
        found.append("no visible text")
    return found


def _bad_ampersand(value: str) -> bool:
    return any(_ENTITY.match(value, i) is None for i, char in enumerate(value) if char == "&")


def assert_telegram_html(html: str) -> None:
    """Fail with every problem listed when Telegram would reject `html`."""
    issues = problems(html)
    assert not issues, f"not Telegram HTML: {issues}\n---\n{html[:1000]}"
