import io

from django.core.management.base import OutputWrapper

from nukeviet.report import Progress, Report


def shown(interactive, total):
    output = io.StringIO()
    progress = Progress(OutputWrapper(output), "articles", total, interactive)
    for _ in range(total):
        progress.step()
    progress.finish()
    return output.getvalue()


def test_a_terminal_sees_one_line_rewritten():
    text = shown(interactive=True, total=3)
    assert text.startswith("\rarticles: 1/3 (33%)")
    assert text.endswith("\rarticles: 3/3 (100%)\n")
    assert text.count("\n") == 1


def test_a_log_gets_a_line_every_tenth():
    lines = shown(interactive=False, total=1000).splitlines()
    assert lines[0] == "articles: 1/1000 (0%)"
    assert lines[-1] == "articles: 1000/1000 (100%)"
    assert len(lines) == 11
    assert shown(interactive=False, total=0) == "articles: 0/0 (100%)\n"


def test_the_summary_groups_rows_by_reason():
    report = Report()
    articles = report["articles"]
    articles.imported, articles.existing = 3, 2
    articles.skipped += [(n, "category 9 was not imported") for n in range(1, 24)]
    articles.failed.append((40, "OperationalError: gone away"))
    lines = list(report.lines())
    assert lines[1] == "  articles: 3 imported, 2 already imported, 23 skipped, 1 failed"
    listed = ", ".join(f"#{n}" for n in range(1, 21))
    assert lines[2] == f"    skipped: category 9 was not imported ({listed} and 3 more)"
    assert lines[3] == "    failed: OperationalError: gone away (#40)"
    assert report.failures == 1
