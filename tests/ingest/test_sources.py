import pytest

from app.ingest.parsing import ArticleParseError
from app.ingest.sources import decode_text, discover_files, parse_bytes


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\xef\xbb\xbf \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
        (bytes(range(1, 8)) * 20, "binary content"),
        (" date 2024-01-01 Caf\xe9 talks".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_unusable_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(ArticleParseError, match=reason):
        decode_text(data)


def test_byte_order_mark_is_removed():
    assert decode_text("\ufeff date 2024-01-01 Text.".encode()) == " date 2024-01-01 Text."


def test_json_files_are_parsed_as_json_and_bad_json_is_refused():
    article = parse_bytes(b'{"body": "Ministers met.", "published_at": "2024-01-01"}', suffix=".json")
    assert article.body == "Ministers met."
    with pytest.raises(ArticleParseError, match="invalid JSON"):
        parse_bytes(b'{"body": ', suffix=".json")


def test_discovery_lists_supported_files_in_folders_in_sorted_order(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.json").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.TXT").write_text("x")

    assert [p.relative_to(tmp_path).as_posix() for p in discover_files([tmp_path])] == [
        "a.json",
        "b.txt",
        "sub/c.TXT",
    ]
