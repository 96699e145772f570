"""Browser tests: the real server binary on 127.0.0.1, driven by Debian's chromium through Selenium.

Each test gets a fresh data folder and its own server; browsers are headless at 1280x800, and
every page a test visits can be saved as a screenshot (SCREENSHOT_DIR, default
/tmp/switchboard-screenshots) to look at.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "switchboard"
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/switchboard-screenshots"))


class Server:
    """A running `switchboard serve` on a free loopback port."""

    def __init__(self, data_dir):
        self.log_path = Path(data_dir) / "server.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--host", "127.0.0.1", "--port", "0", "--data", str(data_dir),
             "--resources", str(ROOT), "--egress-allow", "127.0.0.1"],
            stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT,
            env={**os.environ, "SWITCHBOARD_MASTER_KEY": ""},
        )
        self.url = self._wait_for_port()

    def _wait_for_port(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("server exited: " + self.log_path.read_text())
            match = re.search(r"msg=\"switchboard ready\" host=\S+ port=(\d+)", self.log_path.read_text())
            if match:
                return f"http://127.0.0.1:{match.group(1)}"
            time.sleep(0.05)
        raise RuntimeError("server did not start within 30 s: " + self.log_path.read_text())

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self.log.close()


@pytest.fixture
def server():
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: build with `swift build` first (make test does)")
    data_dir = tempfile.mkdtemp(prefix="switchboard-browser-")
    running = Server(data_dir)
    yield running
    running.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
def browsers():
    """Opens independent browser sessions (separate cookie jars) and closes them all after."""
    opened = []

    def open_browser():
        options = Options()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,800", "--disable-extensions", "--no-first-run"):
            options.add_argument(flag)
        service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
        driver = webdriver.Chrome(service=service, options=options)
        driver.set_page_load_timeout(30)
        driver.implicitly_wait(0)
        opened.append(driver)
        return driver

    yield open_browser
    for driver in opened:
        driver.quit()


def patient_wait(driver, timeout=15):
    """A wait that rides out page navigations: chromedriver can report an element of the page
    being left (stale, or "does not belong to the document") while the next one loads."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException, WebDriverException))


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


class Peer:
    """A test peer from Tests/peers started with the project's .venv; it prints `PORT <n>` first."""

    def __init__(self, script, *arguments):
        python = ROOT / ".venv" / "bin" / "python"
        self.process = subprocess.Popen(
            [str(python), "-u", str(ROOT / "Tests" / "peers" / script), *arguments],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        if not line.startswith("PORT "):
            self.stop()
            raise RuntimeError(f"{script} did not report its port: {line!r}")
        self.url = f"http://127.0.0.1:{line.split()[1]}"

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def orders_api():
    peer = Peer("orders_api.py")
    yield peer
    peer.stop()


@pytest.fixture
def oauth_provider():
    peer = Peer("oauth_provider.py")
    yield peer
    peer.stop()
