"""The web UI in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright; no browser download).
Screenshots go to tests/screenshots/ for a person to look at."""
import os
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, SEEDS

pytestmark = pytest.mark.shared
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed in CI")
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    from sukien.api import create_app
    from sukien.pipeline import ingest
    from sukien.store import open_store
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    # a framework step of the seeds' pair, written for the pair page (the seeds name none)
    ladder = tmp_path_factory.mktemp("ladder") / "ladder.jsonl"
    ladder.write_text('{"id": "moc-quan-he", "outlet": "Báo Thử", "date": "2022-09-05", "title": "Mốc quan hệ", '
                      '"text": "Việt Nam và Lào thiết lập quan hệ ngoại giao ngày 5/9/1962. Tháng 2/2019, hai nước '
                      'nâng mức quan hệ lên quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt."}\n', encoding="utf-8")
    hostile = tmp_path_factory.mktemp("hostile") / "xss.txt"
    hostile.write_text(" date 2025-03-01 \nTin\n\n<script>window.__xss = 1</script><img src=x onerror=\"window.__xss=2\"> "
                       "Ngày 1/3, Chủ tịch nước Lương Cường tiếp Đại sứ Nhật Bản Ito Naoki <b>tại Hà Nội</b>.",
                       encoding="utf-8")
    store = open_store(db)
    ingest([str(SEEDS), str(EXAMPLES), str(hostile), str(ladder)], store)
    store.close()
    from sukien.api.local import serve_in_thread
    srv, base = serve_in_thread(create_app(db))
    yield base
    srv.should_exit = True


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        errors = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.errors = errors
        yield pg
        browser.close()



def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Poll a condition from Python: the page's Content-Security-Policy forbids the eval that Playwright's own
    wait_for_function polls with (page.evaluate goes through the DevTools protocol, outside the policy)."""
    import time
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.05)

def test_web_last_meeting_of_two_leaders_in_three_clicks(server, page):
    """"When did Tô Lâm and Thongloun Sisoulith last meet?": search, click the person, click the partner."""
    page.goto(server + "/")
    page.wait_for_selector("table.events")
    page.screenshot(path=str(SHOTS / "01-events.png"), full_page=True)
    page.fill("#search", "thongloun")
    page.press("#search", "Enter")
    page.click("a.result-actor >> text=Thongloun Sisoulith")                       # click 1
    page.wait_for_selector("#actor-name")
    assert "Thongloun Sisoulith" in page.inner_text("#actor-name")
    assert "Chủ tịch nước" in page.inner_text("main") and "Tổng Bí thư" in page.inner_text("main")
    page.click("a.partner[data-partner='Tô Lâm']")                                 # click 2
    page.wait_for_selector("a.pill.partner.active")
    rows = page.query_selector_all("table.events tbody tr")
    assert rows
    first_date = rows[0].query_selector("td.date").inner_text()
    assert first_date == "2026-01-26"       # the talks held during Thongloun Sisoulith's visit of 26-27 Jan 2026
    page.screenshot(path=str(SHOTS / "02-actor-with-partner.png"), full_page=True)
    rows[0].query_selector("a.event-link").click()                                 # click 3
    page.wait_for_selector("mark#evidence")
    assert "đã hội đàm với Tổng Bí thư Tô Lâm" in page.inner_text("mark#evidence")
    page.screenshot(path=str(SHOTS / "03-event-evidence.png"), full_page=True)
    assert not page.errors


def test_web_filters_timeline_network_and_language(server, page):
    page.goto(server + "/#/events")
    page.wait_for_selector("#filters")
    page.select_option("select[name=type]", "PHONE_CALL")
    page.click("#filters button")
    wait_until(page, "location.hash.includes('PHONE_CALL')")
    page.wait_for_selector("table.events")
    # the filtered table replaces the first one once the request returns: wait for it, not for any table
    wait_until(page, "(c => c.length > 0 && c.every(t => t.innerText === 'PHONE_CALL'))"
                     "([...document.querySelectorAll('table.events .type')])")
    types = {t.inner_text() for t in page.query_selector_all("table.events .type")}
    assert types == {"PHONE_CALL"}
    page.goto(server + "/#/timeline?country=VNM-LAO&group=pair")
    page.wait_for_selector("#timeline-chart rect")
    page.screenshot(path=str(SHOTS / "04-timeline.png"), full_page=True)
    page.goto(server + "/#/network")
    page.wait_for_selector("#network-chart circle")
    assert "LAO" in page.text_content("#network-chart")
    page.screenshot(path=str(SHOTS / "05-network.png"), full_page=True)
    page.click("#lang")
    wait_until(page, "document.documentElement.lang === 'en'")
    assert page.inner_text("nav") .startswith("Events")
    page.screenshot(path=str(SHOTS / "06-english.png"), full_page=True)
    page.click("#lang")
    assert not page.errors


def test_web_article_markup_is_shown_as_text_never_run(server, page):
    page.goto(server + "/")
    page.fill("#search", "ito naoki")
    page.press("#search", "Enter")
    page.wait_for_selector("#results")
    page.click("a.result-document")
    page.wait_for_selector("article.doc")
    assert "<script>window.__xss = 1</script>" in page.inner_text("article.doc")
    assert page.evaluate("window.__xss") is None
    assert page.query_selector("article.doc script") is None and page.query_selector("article.doc img") is None
    page.screenshot(path=str(SHOTS / "07-hostile-article.png"), full_page=True)


def test_web_signing_page_names_what_was_signed(server, page):
    page.goto(server + "/#/events?type=SIGN_AGREEMENT")
    page.wait_for_selector("table.events a.event-link")
    assert {td.inner_text() for td in page.query_selector_all("table.events td span.type")} == {"SIGN_AGREEMENT"}
    page.query_selector_all("a.event-link")[0].click()
    page.wait_for_selector("div.instrument")
    assert page.inner_text("div.instrument").startswith("Văn kiện: ")
    assert "Số nguồn / bài: " in page.inner_text("main")
    page.evaluate("window.scrollTo(0, 0)")          # the page scrolls to the evidence; the shot starts at the top
    page.screenshot(path=str(SHOTS / "08-signing.png"), full_page=True)
    assert not page.errors


def test_web_pair_page_shows_the_ladder_with_evidence_and_the_channels(server, page):
    page.goto(server + "/#/pair/VNM-LAO")
    page.wait_for_selector("#ladder li")
    steps = [li.inner_text() for li in page.query_selector_all("#ladder li")]
    assert len(steps) == 2 and "5/9/1962" in steps[0] and "hữu nghị vĩ đại" in steps[1]
    assert "hữu nghị vĩ đại" in page.inner_text("#current-framework")
    # the seeds' exchanges went through the party and the state, and the bars are drawn to scale
    channels = {r.get_attribute("data-channel") for r in page.query_selector_all("#channel-mix .channel-row")}
    assert {"party", "state"} <= channels
    widths = page.evaluate("[...document.querySelectorAll('#channel-mix .bar')].map(b => b.getBoundingClientRect().width)")
    assert all(w > 0 for w in widths) and len(set(widths)) > 1
    assert len(page.query_selector_all("#latest li")) >= 5
    page.screenshot(path=str(SHOTS / "09-pair.png"), full_page=True)
    # every step links to the sentence that states it
    page.click("#ladder li a")
    page.wait_for_selector("#evidence")
    assert "thiết lập quan hệ ngoại giao" in page.inner_text("#evidence")
    # one country: its partners with their frameworks, each opening the pair page
    page.goto(server + "/#/pair/VNM-LAO")
    page.wait_for_selector("#pair-form")
    page.fill("#pair-form input[name=pair]", "vnm")
    page.click("#pair-form button")
    page.wait_for_selector("#partners tr[data-partner]")
    assert [r.get_attribute("data-partner") for r in page.query_selector_all("#partners tr[data-partner]")] == ["LAO"]
    assert "hữu nghị vĩ đại" in page.inner_text("#partners")
    page.screenshot(path=str(SHOTS / "10-partners.png"), full_page=True)
    page.click("#partners a")
    page.wait_for_selector("#ladder li")
    assert "LAO-VNM" in page.inner_text("h1")
    assert not page.errors
