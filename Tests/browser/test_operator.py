"""An operator creates a company from the command line; its Owner sets a password through the link."""
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import BINARY, ROOT, patient_wait, screenshot


def test_create_company_prints_a_link_where_the_owner_sets_a_password(server, browsers):
    data_dir = server.log_path.parent
    result = subprocess.run(
        [str(BINARY), "create-company", "--name", "Globex", "--owner-email", "Hank@Globex.test",
         "--data", str(data_dir), "--resources", str(ROOT), "--public-url", server.url],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "Created Globex" in result.stdout
    link = next(line for line in result.stdout.splitlines() if "/invitations/" in line).strip()

    owner = browsers()
    owner.get(link)
    assert "Join Globex" in owner.title
    owner.find_element(By.NAME, "name").send_keys("Hank Scorpio")
    owner.find_element(By.NAME, "password").send_keys("too short")
    owner.find_element(By.CSS_SELECTOR, "form[method=post] button[type=submit]").click()
    error = patient_wait(owner, 10).until(EC.presence_of_element_located((By.ID, "password-error")))
    assert "at least 12 characters" in error.text
    assert owner.find_element(By.NAME, "name").get_attribute("value") == "Hank Scorpio"
    owner.find_element(By.NAME, "password").send_keys("a much longer password")
    owner.find_element(By.CSS_SELECTOR, "form[method=post] button[type=submit]").click()
    patient_wait(owner, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Globex"))
    assert "Owner" in owner.page_source
    screenshot(owner, "08-operator-company-owner-home")

    again = subprocess.run(
        [str(BINARY), "create-company", "--name", "Bad", "--owner-email", "not-an-email", "--data", str(data_dir),
         "--resources", str(ROOT)], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert again.returncode == 2
    assert "Enter an email address" in again.stderr
