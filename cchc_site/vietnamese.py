"""Vietnamese text: NFC, ASCII slugs, alphabetical order, numbers and dates."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial
from decimal import Decimal

# The Vietnamese alphabet in order; letters with a breve, circumflex or horn
# are letters of their own, tones only break ties.
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn


nfc = partial(unicodedata.normalize, "NFC")  # called for every value read: no Python frame


def _base_letters() -> dict[int, str]:
    """Each accented Latin letter → its base letter ('ệ' → 'e', 'đ' → 'd')."""
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0xC0, 0x1F00):
        decomposed = unicodedata.normalize("NFD", chr(code))
        if len(decomposed) > 1 and decomposed[0].isascii() and all(
                unicodedata.combining(ch) for ch in decomposed[1:]):
            table[code] = decomposed[0]
    return table


_BASE_LETTERS = _base_letters()


def strip_diacritics(text: str) -> str:
    """'Cải cách' → 'Cai cach'.  Precomposed letters map one to one, so a
    position in the result is the same position in an NFC original."""
    if text.isascii():
        return text
    # Vietnamese text is ASCII letters with marks, and đ: decomposed, it is
    # ASCII once the marks are dropped, as encoding drops them (translating
    # letter by letter costs several times more).  No character decomposes
    # to two ASCII ones, or to one beside anything but marks (a test holds
    # Unicode to that), so the same length means only marks were dropped.
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    quick = decomposed.encode("ascii", "ignore").decode("ascii")
    if len(quick) == len(text):
        return quick
    return _strip_marks(text)


def _strip_marks(text: str) -> str:
    stripped = text.translate(_BASE_LETTERS)
    if stripped.isascii():
        return stripped
    decomposed = unicodedata.normalize("NFD", stripped)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """``Cải cách thể chế`` → ``cai-cach-the-che``; readable ASCII for URLs."""
    ascii_text = strip_diacritics(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _rank(ch: str) -> int:
    if ch in _RANK:
        return _RANK[ch]
    # Spaces, digits and punctuation come before letters; other scripts after.
    return ord(ch) - 0x110000 if not ch.isalpha() else len(_ALPHABET) + ord(ch)


_DIGITS = re.compile(r"\d+")


def _padded(text: str) -> str:
    """Numbers made as long as each other, so that they sort by their value."""
    return _DIGITS.sub(lambda digits: digits[0].zfill(12), text) if _DIGITS.search(text) else text


@lru_cache(maxsize=65536)
def sort_key(text: str) -> tuple:
    """Order as a Vietnamese dictionary does: a ă â b c d đ e ê …, then tones;
    numbers by their value ('Sở Số 2' before 'Sở Số 10')."""
    lowered = _padded(text.lower())
    try:
        keys = [_LETTER_KEYS[ch] for ch in lowered]
    except KeyError:  # a mark on its own, a letter of another script…
        return _sort_key(text)
    return tuple(rank for rank, _ in keys), tuple(tone for _, tone in keys), text


def _sort_key(text: str) -> tuple:
    return *_decomposed_key(_padded(text.lower())), text


def _decomposed_key(lowered: str) -> tuple[tuple, tuple]:
    letters: list[str] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", lowered):
        if ch in _LETTER_MARKS and letters:
            joined = nfc(letters[-1] + ch)
            if len(joined) == 1:  # ă, â, ơ…: a letter of its own; on any other letter
                letters[-1] = joined  # ('q\u0306') the mark is passed over
        elif ch in _TONES and tones:
            tones[-1] = _TONES[ch]
        elif not unicodedata.combining(ch):
            letters.append(ch)
            tones.append(0)
    return tuple(_rank(ch) for ch in letters), tuple(tones)


def format_number(value: int | Decimal | float, decimals: int | None = None) -> str:
    """12000000 → ``12.000.000``; 95.5 → ``95,5``."""
    number = Decimal(str(value))
    if decimals is not None:
        number = round(number, decimals)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0") if decimals is None else frac
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def format_percent(value: Decimal | float, decimals: int = 1) -> str:
    """'97,4%'; a rate short of 100% or above 0% is never shown as either:
    17 late of 49.532 is 0,03%, not 0%, and the on-time rate 99,97%."""
    exact = Decimal(str(value))
    shown = round(exact, decimals)
    while shown in (0, 100) and shown != exact and decimals < 4:
        decimals += 1
        shown = round(exact, decimals)
    return format_number(shown) + "%"


def _letter_keys() -> dict[str, tuple[int, int]]:
    """Each Latin character that is one letter with its marks ('ệ', 'b', '.')
    → its (rank, tone) in ``sort_key``, so that text made of them is ordered
    a character at a time rather than decomposed and recomposed (the same
    key: each such character decomposes to its letter, then marks that
    belong to it).  Digits too: a text's numbers are padded before it is keyed."""
    keys = {}
    for code in [*range(0x20, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(code)
        decomposed = unicodedata.normalize("NFD", ch)
        if ch.lower() != ch or unicodedata.combining(decomposed[0]):
            continue
        ranks, tones = _decomposed_key(ch)
        if len(ranks) == 1:
            keys[ch] = (ranks[0], tones[0])
    return keys


_LETTER_KEYS = _letter_keys()


# What text typed in a legacy Vietnamese font (TCVN3's .VnTime, VNI-Times) shows as once the
# font is gone: 'NhiÖm vô', '§¬n vÞ chñ tr×', 'Keá hoaïch'; no word written in Unicode holds these.
_LEGACY_GLYPHS = re.compile("[¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾ÆÇËÎÏÐÑÖ×ØÞßåæçëîïñö÷øûüþ]")
_WORD_WITH_GLYPHS = re.compile(r"\S*" + _LEGACY_GLYPHS.pattern + r"\S*")


def garbled(text: str) -> tuple[int, str, str] | None:
    """Where ``text``'s first garbled word starts, when garbled words fill it
    (a '©' or a '×' in Unicode text is not one), and what to tell of it,
    (Vietnamese, English), the caller adding what to do next: typed in a
    legacy font, or Unicode read with the wrong code page ('hoáº¡ch' for
    'hoạch': the UTF-8 bytes of 'ạ' read as Windows-1252 or -1258)."""
    if len(_LEGACY_GLYPHS.findall(text)) < max(3, len(text) // 200):
        return None
    word = _WORD_WITH_GLYPHS.search(text)
    meant = _read_as_utf8(word[0])
    if meant:
        return (word.start(), f"chữ có vẻ là văn bản Unicode bị mở sai bảng mã (Windows-1252, -1258), "
                f"nay hiện thành '{word[0]}', đúng ra là '{meant}'; hãy chép lại từ văn bản gốc, "
                "hay mở tệp với bảng mã UTF-8 rồi lưu lại",
                f"the text looks like Unicode opened with the wrong code page (Windows-1252, -1258), "
                f"now showing as '{word[0]}' for '{meant}'; copy it again from the original, or "
                "open the file as UTF-8 and save it")
    return (word.start(), f"chữ có vẻ gõ bằng phông cũ TCVN3 (.VnTime) hay VNI, nay hiện thành "
            f"'{word[0]}'; hãy chuyển mã văn bản gốc sang Unicode (Unikey: Công cụ → Chuyển mã) "
            "rồi chép lại",
            f"the text looks typed in a legacy font (TCVN3 .VnTime or VNI), now showing as "
            f"'{word[0]}'; convert the source to Unicode (Unikey: Tools → Convert) and copy it "
            "again")


def _read_as_utf8(word: str) -> str | None:
    """``word`` as meant, when it is UTF-8 bytes shown a byte a character, in
    Windows-1252 or -1258 (whose gaps Windows shows as the control characters
    of those numbers)."""
    data = bytearray()
    for ch in word:
        for codec in ("cp1252", "cp1258", "latin-1"):
            try:
                data += ch.encode(codec)
                break
            except UnicodeError:
                continue
        else:
            return None
    try:
        meant = data.decode("utf-8")
    except UnicodeError:
        return None
    return nfc(meant) if meant != word else None
