def test_types_import():
    from timeline.extraction.types import Block

    assert Block("x").bullet is False
