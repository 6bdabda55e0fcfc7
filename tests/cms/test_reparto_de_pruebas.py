"""How the suite is spread over pytest-xdist's workers (tests/conftest.py)."""

import pytest


def test_a_module_is_one_group_so_its_fixtures_are_built_once(request):
    """Every test carries its module's group; under xdist's ``loadgroup`` the group
    is in the id the controller schedules by, so a module never spans two workers
    (pytest 9.2 kept the id elsewhere and every test was a group of its own)."""
    marcas = [m.args[0] for m in request.node.iter_markers("xdist_group")]
    assert marcas == [__name__]
    if getattr(request.config, "workerinput", None) is not None:
        assert request.node.nodeid.endswith(f"@{__name__}")


@pytest.mark.browser
def test_a_browser_journey_joins_the_single_browser_group(request):
    """Browser journeys share one group: one Chromium and one live server at a time."""
    marcas = [m.args[0] for m in request.node.iter_markers("xdist_group")]
    assert marcas == ["navegador"]
    if getattr(request.config, "workerinput", None) is not None:
        assert request.node.nodeid.endswith("@navegador")
