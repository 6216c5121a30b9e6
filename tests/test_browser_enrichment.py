"""Fact-checking a table from Datasette's UI, in Debian's headless Chromium:
the table's actions menu, datasette-enrichments' picker and our form, then
the flags appearing on the contradictions page. Screenshots go to
test-artifacts/."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from test_browser import SECRET, browser, click_and_wait, log_in, screenshot, serving  # noqa: F401
from test_enrichment import COLUMNS, TABLE, make_table, records

from datasette_factcheck import store


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("enrich") / "newsroom.db"
    make_table(db_path, records())
    # --root: root may enrich on both lines (datasette-enrichments' own rule on 0.65, root on 1.0a)
    with serving(db_path, "--root") as url:
        yield url, db_path


def test_enrich_a_table_from_the_ui_and_see_flags(server, browser):  # noqa: F811
    url, db_path = server
    browser.delete_all_cookies()
    log_in(browser, url, "root")
    browser.get(f"{url}/newsroom/{TABLE}")
    browser.find_element(By.CSS_SELECTOR, "details.actions-menu-links summary").click()
    click_and_wait(browser, f'a[href="/-/enrich/newsroom/{TABLE}"]')
    screenshot(browser, "enrich-1-picker")
    click_and_wait(browser, f'a[href="/-/enrich/newsroom/{TABLE}/factcheck"]')
    assert "Fact-check claims" in browser.find_element(By.TAG_NAME, "h2").text
    for field, column in COLUMNS.items():
        Select(browser.find_element(By.NAME, f"{field}_column")).select_by_value(column)
    screenshot(browser, "enrich-2-form")
    click_and_wait(browser, 'form input[type="submit"][value="Enrich data"]')
    assert "Enrichment started: Fact-check claims" in browser.find_element(By.CSS_SELECTOR, ".message-info").text

    def flags(b):
        b.get(f"{url}/-/factcheck/newsroom")
        return b.find_elements(By.CSS_SELECTOR, "article.fc-flag")

    WebDriverWait(browser, 60, poll_frequency=1).until(flags)
    screenshot(browser, "enrich-3-flags")
    db = store.open_db(str(db_path))
    assert db.execute("select status from _enrichment_jobs").fetchone()[0] == "finished"
    assert db.execute("select count(*) from articles").fetchone()[0] == len(records())
    assert len(flags(browser)) == min(db.execute("select count(*) from contradictions").fetchone()[0], 100)  # one page
