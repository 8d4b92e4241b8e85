"""Event headlines: a heading or a condensed first sentence, never a blunt cut."""

import pytest

from timeline.extraction.titles import make_title

LONG = (
    "A senior U.S. defense official says the Russian convoy still appears to be stalled outside "
    "the city center of Kyiv and has made no real progress in the last couple of days."
)


@pytest.mark.parametrize(
    ("first", "title"),
    [
        (
            "Vatican peace mission: Ukraine said it has “no knowledge” of a peace mission.",
            "Vatican peace mission",
        ),
        (
            "Intense fighting continues for control of Bakhmut: The Ukrainian military says so.",
            "Intense fighting continues for control of Bakhmut",
        ),
        (
            '"Irregular" talks on detained Americans: Dialogue has been "irregular," Blinken said.',
            '"Irregular" talks on detained Americans',
        ),
        (
            "Zelensky: Ukraine is “moving very carefully”",
            "Zelensky: Ukraine is “moving very carefully”",
        ),
    ],
)
def test_bullet_heading_is_the_title(first: str, title: str) -> None:
    assert make_title([first, "More detail follows."]) == title


@pytest.mark.parametrize(
    ("first", "title"),
    [
        # scene-setting openers
        (
            "On Wednesday, Russia ordered its troops to leave Kherson.",
            "Russia ordered its troops to leave Kherson",
        ),
        (
            "Earlier on Monday, Kyiv said the grain deal must be extended.",
            "Kyiv said the grain deal must be extended",
        ),
        (
            "Meanwhile, Finland closed its border crossings with Russia.",
            "Finland closed its border crossings with Russia",
        ),
        (
            "In the face of massive sanctions, Russia’s finance "
            "minister says Moscow will pay in rubles.",
            "Russia’s finance minister says Moscow will pay in rubles",
        ),
        # attribution at the end
        (
            "Moscow has occasional contact with US officials, a "
            "spokeswoman for the ministry has said.",
            "Moscow has occasional contact with US officials",
        ),
        (
            "More than 4 million refugees have fled Ukraine, according to the UN refugee agency.",
            "More than 4 million refugees have fled Ukraine",
        ),
        (
            "Some Russian units are returning to Belarus to regroup, "
            "the U.K. Defense Ministry said on Twitter.",
            "Some Russian units are returning to Belarus to regroup",
        ),
        (
            "Talks in Istanbul yielded “no breakthrough,” Kremlin spokesman Dmitry Peskov said.",
            "Talks in Istanbul yielded “no breakthrough”",
        ),
        # asides, appositives and parentheses
        (
            "Kirill Stremousov, the Russian-installed deputy head "
            "of the Kherson region, died in a car "
            "crash, Russian state news agencies reported.",
            "Kirill Stremousov died in a car crash",
        ),
        (
            "Russia’s deputy foreign minister, Andrey Rudenko, "
            "said the Kremlin has not yet decided.",
            "Andrey Rudenko said the Kremlin has not yet decided",
        ),
        (
            "The official, who spoke on condition of anonymity, said Russia lacks air superiority.",
            "The official said Russia lacks air superiority",
        ),
        (
            "Kuleba and Lavrov met the head of the International "
            "Atomic Energy Agency (IAEA) in Antalya.",
            "Kuleba and Lavrov met the head of the International Atomic Energy Agency in Antalya",
        ),
        # trailing subordinate clauses
        (
            "The White House has announced new sanctions against "
            "Russia, including export controls on oil.",
            "The White House has announced new sanctions against Russia",
        ),
        (
            "Vladimir Medinsky struck an upbeat tone on the talks, saying Kyiv showed readiness.",
            "Vladimir Medinsky struck an upbeat tone on the talks",
        ),
    ],
)
def test_first_sentence_is_condensed(first: str, title: str) -> None:
    assert make_title([first]) == title


@pytest.mark.parametrize("max_length", [30, 45, 60, 90, 120])
def test_title_fits_and_has_no_trailing_period(max_length: int) -> None:
    title = make_title([LONG], max_length=max_length)
    assert 0 < len(title) <= max_length
    assert not title.endswith(".")
    assert title[0].isupper()


def test_long_sentence_is_cut_at_a_clause_not_mid_phrase() -> None:
    title = make_title([LONG])
    assert (
        title
        == "A senior U.S. defense official says the Russian convoy still appears to be stalled"
    )


def test_word_cut_gets_an_ellipsis_and_closes_the_quote() -> None:
    title = make_title(
        [
            "Zelensky has stated that the “situation is "
            "complicated along the entire frontline today.”"
        ],
        max_length=60,
    )
    assert len(title) <= 60
    assert title.endswith("…”")
    assert title.count("“") == title.count("”")


def test_short_sentence_is_kept_whole() -> None:
    assert make_title(["Russia shelled Kharkiv."]) == "Russia shelled Kharkiv"


@pytest.mark.parametrize("sentences", [[], [""], ["   "]])
def test_no_text_no_title(sentences: list[str]) -> None:
    assert make_title(sentences) == ""


def test_titles_are_deterministic() -> None:
    assert make_title([LONG]) == make_title([LONG])
