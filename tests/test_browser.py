"""End to end in Debian's headless Chromium: browse, filter, drill down, review.

Runs `datasette serve` on the hand-built database and drives /usr/bin/chromium
through /usr/bin/chromedriver with selenium (never a browser download).
Screenshots go to test-artifacts/.
"""

import contextlib
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import datasette
import pytest
from datasette.app import Datasette
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from web_fixtures import build_database

from datasette_factcheck.web import compat

ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"
SECRET = "browser-test-secret"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --window-size=1280,1600"
).split()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(db_path, *options):
    """``datasette serve db_path *options`` on a free port, until it answers; yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db_path), *options, "--port", str(port), "--secret", SECRET],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError(process.stdout.read().decode())
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    db_path = build_database(folder / "fc.db")
    metadata = folder / "metadata.json"
    metadata.write_text(json.dumps({"plugins": {compat.PLUGIN: {"allow_review": {"id": "alice"}}}}))
    with serving(db_path, "-m", str(metadata)) as url:
        yield url, db_path


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def screenshot(browser, name):
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"browser-datasette-{datasette.__version__}-{name}.png"))


def click_and_wait(browser, selector):
    """Click and wait for the next page to replace this one: a mark set on
    this page's window is gone once another page has loaded. (Waiting for the
    old element to go stale races the navigation: Chrome may answer that the
    node "does not belong to the document", an error rather than staleness.)"""
    browser.execute_script("window.factcheckOldPage = true")
    browser.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(browser, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda b: b.execute_script("return !window.factcheckOldPage && document.readyState === 'complete'")
    )


def status_and_reviews(db_path, flag):
    conn = sqlite3.connect(db_path)
    try:
        status = conn.execute("select status from contradictions where id = ?", [flag]).fetchone()[0]
        reviews = conn.execute(
            "select actor, verdict, note from reviews where contradiction_id = ? order by id", [flag]
        ).fetchall()
        return status, reviews
    finally:
        conn.close()


def log_in(browser, url, actor_id):
    browser.get(url + "/-/versions.json")  # cookies need a page on the domain
    cookie = Datasette([], secret=SECRET).sign({"a": {"id": actor_id}}, "actor")
    browser.add_cookie({"name": "ds_actor", "value": cookie, "path": "/"})


def test_browse_filter_drill_down_and_review(server, browser):
    url, db_path = server
    browser.delete_all_cookies()
    browser.get(url + "/-/factcheck/fc")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Contradictions in fc"
    assert len(browser.find_elements(By.CSS_SELECTOR, "article.fc-flag")) == 5
    screenshot(browser, "1-index")

    # Filter: stances only, using the form as a user would.
    Select(browser.find_element(By.NAME, "kind")).select_by_visible_text("stance")
    click_and_wait(browser, ".fc-filters input[type=submit]")
    assert "kind=stance" in browser.current_url
    flags = browser.find_elements(By.CSS_SELECTOR, "article.fc-flag")
    assert len(flags) == 3
    assert {flag.find_element(By.CSS_SELECTOR, ".fc-kind").text for flag in flags} == {"stance"}
    screenshot(browser, "2-filtered")

    # Click into the stance conflict and see both pieces of evidence highlighted.
    click_and_wait(browser, "#flag-f-stance-conflict a.fc-flag-link")
    assert browser.current_url == url + "/-/factcheck/fc/contradiction/f-stance-conflict"
    marks = browser.find_elements(By.CSS_SELECTOR, ".fc-sides mark")
    assert [mark.text for mark in marks] == ["tetap bungkam", "telah membantah"]
    background = marks[0].value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    sides = browser.find_elements(By.CSS_SELECTOR, ".fc-side")
    assert "Jepara Pos" in sides[0].text and "Koran Prabumulih Pos" in sides[1].text
    # Anonymous: no review controls.
    assert browser.find_elements(By.CSS_SELECTOR, "form.fc-review") == []
    assert "sign in first" in browser.find_element(By.CSS_SELECTOR, ".fc-hint").text
    screenshot(browser, "3-contradiction-anonymous")

    # Review as an allowed actor.
    log_in(browser, url, "alice")
    browser.get(url + "/-/factcheck/fc/contradiction/f-stance-conflict")
    browser.find_element(By.ID, "fc-note").send_keys("Silence and denial are different stances.")
    click_and_wait(browser, "form.fc-review button[value=dismissed]")
    assert browser.current_url == url + "/-/factcheck/fc/contradiction/f-stance-conflict"
    assert "Marked as dismissed" in browser.find_element(By.CSS_SELECTOR, ".message-info").text
    history = browser.find_element(By.CSS_SELECTOR, "table.fc-reviews").text
    assert "alice" in history and "Silence and denial are different stances." in history
    assert status_and_reviews(db_path, "f-stance-conflict") == (
        "dismissed",
        [("alice", "dismissed", "Silence and denial are different stances.")],
    )
    screenshot(browser, "4-reviewed")


def test_anonymous_review_fails(server, browser):
    url, db_path = server
    flag_url = url + "/-/factcheck/fc/contradiction/f-date-conflict"
    before = status_and_reviews(db_path, "f-date-conflict")
    # The form was loaded while signed in; the session is gone when it is submitted.
    browser.delete_all_cookies()
    log_in(browser, url, "alice")
    browser.get(flag_url)
    browser.find_element(By.ID, "fc-note").send_keys("I should not be able to do this.")
    browser.delete_cookie("ds_actor")
    click_and_wait(browser, "form.fc-review button[value=confirmed]")
    assert "permission to review" in browser.find_element(By.TAG_NAME, "body").text
    screenshot(browser, "5-anonymous-refused")
    assert status_and_reviews(db_path, "f-date-conflict") == before
    # Back on the page, still anonymous: still no form, still open.
    browser.get(flag_url)
    assert browser.find_elements(By.CSS_SELECTOR, "form.fc-review") == []
    assert "open" in browser.find_element(By.CSS_SELECTOR, ".fc-status-open").text


def test_entity_timeline_and_article_in_browser(server, browser):
    url, _ = server
    browser.get(url + "/-/factcheck/fc/entity/north-korea")
    chart = browser.find_element(By.CSS_SELECTOR, "svg.fc-timeline")
    assert chart.size["width"] > 600 and chart.size["height"] > 100
    assert len(chart.find_elements(By.CSS_SELECTOR, "circle.fc-point")) == 7
    assert len(chart.find_elements(By.CSS_SELECTOR, "path.fc-link-change")) == 2
    screenshot(browser, "6-entity")
    browser.get(url + "/-/factcheck/fc/article/a-evil")
    assert browser.find_element(By.TAG_NAME, "h1").text == '<script>alert("title")</script> Breaking'
    assert browser.find_elements(By.CSS_SELECTOR, ".fc-text img") == []
    marks = browser.find_elements(By.CSS_SELECTOR, ".fc-text mark")
    assert [mark.text for mark in marks] == ["denied"]
    screenshot(browser, "7-article-hostile")
