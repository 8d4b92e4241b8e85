import random

import pytest

from timeline import parallel
from timeline.benchmarks import _extract_many, extraction_bench, synthetic_report
from timeline.selectors import gazetteer_load

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("jobs", [1, 2])
def test_extraction_bench_measures_sentences_per_second(jobs):
    assert extraction_bench(reports=30, sentences=6, jobs=jobs, rounds=2) > 0


def test_synthetic_reports_read_like_live_blogs():
    body = synthetic_report(random.Random(1), 9)
    assert body.count(".") >= 9 and "\n\n" in body


def test_the_timed_reports_yield_events_so_the_rate_is_of_real_extraction():
    parallel.start_worker(gazetteer_load())
    bodies = [synthetic_report(random.Random(n), 6) for n in range(5)]
    assert _extract_many((bodies, "2022-05-18")) >= 5
