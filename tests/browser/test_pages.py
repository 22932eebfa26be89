"""The pages in a real browser: search, a measure with its quote and lead agency, the language
switch, a class page, the SPARQL page, the heatmap; and the same core paths without JavaScript."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]

MEASURE_8 = "/id/doc/hubei-2021/measure/8"


def test_search_to_measure_quote_and_lead(server, page, shot):
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    shot(page, "01-home")
    page.get_by_test_id("home-search").fill("保税维修")
    page.get_by_test_id("home-search").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    results = page.get_by_test_id("search-results")
    assert results.locator("li").count() > 3
    shot(page, "02-search")
    results.locator(f'a[href="{MEASURE_8}"]').first.click()
    page.wait_for_url(f"**{MEASURE_8}")
    quote = page.get_by_test_id("quote")
    mark = quote.locator("mark#quote-exact")
    assert "发展保税维修再制造业务" in mark.inner_text()
    assert mark.is_visible()
    lead = page.get_by_test_id("responsibilities").locator("li.role-lead")
    assert lead.count() == 1
    assert "湖北省商务厅" in lead.inner_text()
    shot(page, "03-measure")


def test_english_class_page(server, page, shot):
    page.goto(server + MEASURE_8)
    page.get_by_test_id("lang-switch").click()
    page.wait_for_url(f"**{MEASURE_8}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Lead agency" in page.content() or "lead" in page.get_by_test_id("responsibilities").inner_text()
    page.goto(server + "/")  # the choice persists (cookie)
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Ontology").first.click()
    page.wait_for_url("**/ontology")
    shot(page, "04-ontology-en")
    page.get_by_test_id("class-tree").get_by_role("link", name="measure", exact=True).click()
    page.wait_for_url("**/ontology/class/Measure")
    assert page.get_by_test_id("class-title").inner_text().startswith("measure")
    assert page.get_by_test_id("class-instances").locator("li a").count() > 10
    shot(page, "05-class-measure-en")


def test_sparql_example_rows(server, page, shot):
    page.goto(server + "/sparql")
    page.get_by_test_id("sparql-editor").wait_for()  # the CodeMirror bundle loaded offline
    assert page.locator(".cm-content").count() == 1
    page.get_by_test_id("examples").locator("a").first.click()
    page.get_by_test_id("results").wait_for()
    rows = page.locator(".results-table tbody tr")
    assert rows.count() > 0
    shot(page, "06-sparql")
    # edit in the editor and run with the button
    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("SELECT ?s WHERE { ?s a <https://w3id.org/bzkg/ontology#PolicyDocument> }")
    page.get_by_test_id("run-query").click()
    page.wait_for_load_state()
    assert page.locator(".results-table tbody tr").count() == 5


def test_heatmap_cell_to_measures(server, page, shot):
    page.goto(server + "/compare")
    cells = page.get_by_test_id("heat-cell")
    assert cells.count() > 5
    shot(page, "07-heatmap")
    expected = int(cells.first.inner_text())
    cells.first.click()
    page.wait_for_url(re.compile(r"/measures\?"))
    assert page.locator("ol.measures > li").count() == min(expected, 50)
    shot(page, "08-measures-cell")


def test_other_pages_render(server, page, shot):
    for path, name in [
        ("/id/doc/hubei-2021", "09-document"),
        ("/id/agency/hu-bei-sheng-shang-wu-ting", "10-agency"),
        ("/id/business-type", "11-scheme"),
        ("/id/business-type/bonded-repair", "12-concept"),
        ("/completeness", "13-completeness"),
        ("/ontology/property/leadAgency", "14-property"),
    ]:
        response = page.goto(server + path)
        assert response is not None and response.status == 200, path
        shot(page, name)


def test_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False)
    p = context.new_page()
    try:
        p.goto(server + "/search?q=" + "保税维修")
        assert p.locator(f'a[href="{MEASURE_8}"]').count() >= 1
        p.goto(server + "/sparql")
        assert p.locator("textarea#sparql-query").is_visible()
        p.fill("textarea#sparql-query", "SELECT ?d WHERE { ?d a <https://w3id.org/bzkg/ontology#PolicyDocument> }")
        p.get_by_test_id("run-query").click()
        p.wait_for_load_state()
        assert p.locator(".results-table tbody tr").count() == 5
        p.goto(server + "/lang?set=en&next=/compare")
        assert p.locator("html").get_attribute("lang") == "en"
    finally:
        context.close()
