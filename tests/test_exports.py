import pytest

from timeline.exports import csv_safe


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+7", "'+7"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Kyiv", "Kyiv"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_formula_cells_are_neutralised(value, expected):
    assert csv_safe(value) == expected
