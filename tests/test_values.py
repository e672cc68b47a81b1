"""Vietnamese values: dates, numbers, amounts, order, slugs."""

import sys
import unicodedata
from decimal import Decimal

import pytest

from cchc_site.values import (PartialDate, amount_written_foreign, parse_amount, parse_date,
                               parse_integer, parse_number)
from cchc_site.vietnamese import (_LETTER_KEYS, _sort_key, _strip_marks, format_number, slugify,
                                  sort_key, strip_diacritics)


@pytest.mark.parametrize("text, expected", [
    ("28/01/2023", PartialDate(2023, 1, 28)),
    ("1/3/2023", PartialDate(2023, 3, 1)),
    ("2023-01-31", PartialDate(2023, 1, 31)),
    ("01/2023", PartialDate(2023, 1)),
    ("2023", PartialDate(2023)),
    ("ngày 28 tháng 01 năm 2023", PartialDate(2023, 1, 28)),
    ("ngày   tháng 01 năm 2023", PartialDate(2023, 1)),
    ("tháng 01 năm 2023", PartialDate(2023, 1)),
    ("ngày 28/01/2023", PartialDate(2023, 1, 28)), ("Tháng 1/2023", PartialDate(2023, 1)),
])
def test_dates_are_read_the_vietnamese_way(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2023", "13/2023", "28-01", "Quý I", "", "32/01/2023"])
def test_impossible_or_foreign_dates_are_refused(text):
    assert parse_date(text) is None


def test_partial_dates_print_what_is_known():
    assert PartialDate(2023, 1, 28).vietnamese() == "28/01/2023"
    assert PartialDate(2023, 1).vietnamese() == "tháng 01/2023"
    assert PartialDate(2023, 2).last_day() == (2023, 2, 28)


@pytest.mark.parametrize("text, value", [
    ("12.000.000", Decimal(12000000)), ("149", Decimal(149)), ("95,5", Decimal("95.5")),
    ("1.234,75", Decimal("1234.75")), ("-3", Decimal(-3)),
])
def test_numbers_use_dot_for_thousands_and_comma_for_decimals(text, value):
    assert parse_number(text).value == value
    assert parse_number(text).text == text


@pytest.mark.parametrize("text", ["1.5", "12,000,000", "abc", "1.23.456", ""])
def test_ambiguous_numbers_are_refused(text):
    assert parse_number(text) is None


def test_integers_refuse_fractions():
    assert parse_integer("1.500") == 1500
    assert parse_integer("2,5") is None


@pytest.mark.parametrize("text, amount", [
    ("12.000.000 đồng", 12_000_000), ("50 triệu đồng", 50_000_000),
    ("1,5 tỷ đồng", 1_500_000_000), ("Ngân sách tỉnh", None), ("", None),
    ("10.000.000 đồng và 5.000.000 đồng", None),
    # written the English way: not a piece of it ('5 tỷ đồng', '000 đồng')
    ("1.5 tỷ đồng", None), ("50,000,000 đồng", None), ("500,000 đồng", None),
    # in words the way plans write them: all of it, not its last part
    ("1 tỷ 500 triệu đồng", 1_500_000_000), ("2 tỷ 300 triệu 500 nghìn đồng", 2_300_500_000),
    ("1 triệu 200 nghìn đồng", 1_200_000), ("1 TỶ 500 TRIỆU", 1_500_000_000),
    ("500 triệu 1 tỷ đồng", None), ("1 tỷ 500 triệu đồng và 5 triệu đồng", None),
    # a range is no one amount: not its upper end added into the total
    ("20-30 triệu đồng", None), ("Từ 20 đến 30 triệu đồng", None),
    ("Năm 2024-2025: 20 triệu đồng", 20_000_000),
    # about or at most so much is not the amount either
    ("Khoảng 20 triệu đồng", None), ("tối đa 1 tỷ đồng", None), ("Dưới 50 triệu", None),
    ("Ước tính 1 tỷ 500 triệu đồng", None), ("Không quá 30.000.000 đồng", None),
    ("Trên cơ sở dự toán: 20 triệu đồng", 20_000_000), ("Chi hơn dự kiến", None),
    # thousands grouped by spaces, as some documents do; a stray space is no amount ('0 triệu')
    ("1 500 000 đồng", 1_500_000), ("1\u00a0500\u00a0000 đ", 1_500_000),
    ("2 500 triệu đồng", 2_500_000_000), ("5 0 triệu đồng", None), ("15 00 000 đồng", None),
    # triệu abbreviated, as budget tables do
    ("15tr", 15_000_000), ("15 tr.đ", 15_000_000), ("15 trđ", 15_000_000), ("15 trường", None),
    # a product is its result, not its first factor
    ("10.000.000 đồng x 2 đợt", 20_000_000), ("4 đơn vị x 5 triệu đồng", 20_000_000),
    ("10 triệu đồng/đợt × 2 đợt", 20_000_000), ("10 triệu đồng x 2 x 3", None),
    ("Hỗ trợ 5 xã, 10 triệu đồng", 10_000_000),
])
def test_budget_amounts(text, amount):
    assert parse_amount(text) == amount


@pytest.mark.parametrize("text, meant", [
    ("1.5 tỷ đồng", "1,5 tỷ đồng"), ("2.25 triệu đồng", "2,25 triệu đồng"),
    ("50,000,000 đồng", "50.000.000 đồng"), ("500,000 đồng", "500.000 đồng"),
    ("1,5 tỷ đồng", None), ("1,500 tỷ đồng", None), ("12.000.000 đồng", None), ("150", None),
])
def test_an_amount_written_the_english_way_is_rewritten_for_the_editor(text, meant):
    assert amount_written_foreign(text) == meant


def test_numbers_print_the_vietnamese_way():
    assert format_number(12000000) == "12.000.000"
    assert format_number(Decimal("95.5")) == "95,5"
    assert format_number(0) == "0"


def test_vietnamese_alphabetical_order():
    words = ["Đào", "Dũng", "ơ", "ô", "o", "Ánh", "Anh", "ăn", "Âu", "Cấp", "cap", "Ê", "en"]
    assert sorted(words, key=sort_key) == ["Anh", "Ánh", "ăn", "Âu", "cap", "Cấp", "Dũng",
                                           "Đào", "en", "Ê", "o", "ô", "ơ"]


def test_numbers_in_names_sort_by_their_value():
    names = ["Sở Số 10", "Sở Số 2", "Sở Số 1", "Phòng 3", "Sở Số 11", "Sở A"]
    assert sorted(names, key=sort_key) == ["Phòng 3", "Sở A", "Sở Số 1", "Sở Số 2", "Sở Số 10",
                                           "Sở Số 11"]


def test_a_mark_no_letter_takes_is_passed_over_in_the_order():
    """Text pasted from elsewhere may put a breve or a horn on a letter that
    has no such letter ('q\u0306'): it sorts as the bare letter, no crash."""
    assert sorted(["r", "q\u0306", "p"], key=sort_key) == ["p", "q\u0306", "r"]
    assert sort_key("q\u0306x")[0] == sort_key("qx")[0]


def test_order_is_the_same_for_nfd_text():
    import unicodedata
    words = ["Đường", "Dân", "Ấp", "An"]
    nfd = [unicodedata.normalize("NFD", w) for w in words]
    assert [unicodedata.normalize("NFC", w) for w in sorted(nfd, key=sort_key)] == \
        sorted(words, key=sort_key)


def test_slugs_are_readable_ascii():
    assert slugify("Cải cách thể chế") == "cai-cach-the-che"
    assert slugify("Đường điện tử") == "duong-dien-tu"
    assert slugify("II.3") == "ii-3"
    assert slugify("1.004510") == "1-004510"


def test_diacritics_are_stripped_alike_the_quick_way_and_letter_by_letter():
    """The quick way (decompose, drop what is not ASCII, compare lengths)
    needs every character to decompose to at most one ASCII character, and
    then to it and marks only; that makes it agree on any text."""
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        decomposed = unicodedata.normalize("NFD", chr(code))
        ascii_part = [ch for ch in decomposed if ch.isascii()]
        assert len(ascii_part) <= 1, hex(code)
        assert not ascii_part or all(ch.isascii() or unicodedata.combining(ch)
                                     for ch in decomposed), hex(code)
    for text in ["Cải cách hành chính", "ĐỒNG Đăng", "e\u0301 tách dấu", "≠ và ø", "Ωμέγα Ệ",
                 "“Báo cáo” – năm 2023", "Ǆ İ ﬁ", "한국 Việt", "ǅ\u0301x", "ø\u0301"]:
        assert strip_diacritics(text) == _strip_marks(text)


def test_sort_keys_made_a_character_at_a_time_are_the_decomposed_ones():
    texts = [chr(code) for code in range(0x20, 0x2000)] + [
        "Cải cách hành chính", "ĐẮK LẮK", "Ủy ban", "e\u0301 tách dấu", "a\u0323\u0302",
        "Ωμέγα", "İstanbul", "ǅ", "ﬁ", "“Văn phòng” – 2023", "Æ ø ß"]
    texts += ["Sở Số 2", "Quý I/2027", "Kế hoạch 15/KH-SNV"]  # numbers are padded, then keyed
    assert [sort_key.__wrapped__(text) for text in texts] == [_sort_key(text) for text in texts]
    assert set("0123456789") <= _LETTER_KEYS.keys()  # keyed a character at a time too
