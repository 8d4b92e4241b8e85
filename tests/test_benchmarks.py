import random

import pytest

from timeline.benchmarks import extraction_bench, synthetic_report

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("jobs", [1, 2])
def test_extraction_bench_measures_sentences_per_second(jobs):
    assert extraction_bench(reports=30, sentences=6, jobs=jobs, rounds=2) > 0


def test_synthetic_reports_read_like_live_blogs():
    body = synthetic_report(random.Random(1), 9)
    assert body.count(".") >= 9 and "\n\n" in body
