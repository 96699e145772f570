"""An admin pastes a schema, renames an action, chooses Custom headers with an X-API-Key, saves,
and sees the integration listed; the secret never comes back into a page."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import ROOT, patient_wait, screenshot

PETSTORE = ROOT / "Tests" / "OpenAPITests" / "Fixtures"


def petstore_text():
    for candidate in sorted(PETSTORE.rglob("*petstore*.yaml")):
        return candidate.read_text()
    return (ROOT.parent / "shared" / "corpus" / "openapi" / "oai__petstore.yaml").read_text()


def sign_up(driver, url):
    driver.get(url + "/sign-up")
    for name, value in {"company": "Acme Robotics", "name": "Ann Admin", "email": "ann@acme.test",
                        "password": "correct horse battery"}.items():
        driver.find_element(By.NAME, name).send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    patient_wait(driver, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Acme Robotics"))


def test_admin_adds_an_api_with_a_custom_header(server, browsers):
    admin = browsers()
    sign_up(admin, server.url)
    admin.find_element(By.LINK_TEXT, "Integrations").click()
    patient_wait(admin, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Integrations"))
    screenshot(admin, "10-integrations-empty")
    admin.find_element(By.LINK_TEXT, "Add API").click()
    textarea = patient_wait(admin, 10).until(EC.presence_of_element_located((By.ID, "schema")))
    # Typing a whole schema key by key is slow; set the value as a paste would.
    admin.execute_script("arguments[0].value = arguments[1];", textarea, petstore_text())
    screenshot(admin, "11-add-api-pasted")
    admin.find_element(By.XPATH, "//button[text()='Continue']").click()
    patient_wait(admin, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Review"))

    name_field = admin.find_element(By.ID, "action-name-0")
    name_field.clear()
    name_field.send_keys("Browse Pets")
    admin.find_element(By.ID, "auth-headers").click()
    admin.find_element(By.XPATH, "//button[text()='Add header']").click()
    patient_wait(admin, 10).until(EC.presence_of_element_located((By.ID, "header-name-0")))
    # The row was added by a round trip: everything typed before is still there.
    assert admin.find_element(By.ID, "action-name-0").get_attribute("value") == "Browse Pets"
    assert admin.find_element(By.ID, "auth-headers").is_selected()
    admin.find_element(By.ID, "header-name-0").send_keys("X-API-Key")
    admin.find_element(By.ID, "header-value-0").send_keys("sk-test-9f8e7d6c5b4a")
    screenshot(admin, "12-review-custom-header")
    admin.find_element(By.XPATH, "//button[text()='Save integration']").click()
    patient_wait(admin, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "is added"))
    assert "sk-test-9f8e7d6c5b4a" not in admin.page_source
    assert "ends in …5b4a" in admin.page_source
    screenshot(admin, "13-integration-page")

    admin.find_element(By.LINK_TEXT, "Integrations").click()
    row = patient_wait(admin, 10).until(EC.presence_of_element_located((By.XPATH, "//tr[td/a[contains(text(), 'Swagger Petstore')]]")))
    assert "Custom headers" in row.text
    assert re.search(r"\b(\d+) of \1\b", row.text), row.text  # every action enabled
    screenshot(admin, "14-integrations-list")


TWO_SERVERS = """{"openapi": "3.0.3", "info": {"title": "Ledger", "version": "1"},
 "servers": [{"url": "https://api.ledger.example/v1"}, {"url": "https://sandbox.ledger.example/v1"}],
 "paths": {"/entries": {"get": {"operationId": "listEntries", "responses": {"200": {"description": "ok"}}}}}}"""


def test_admin_picks_the_sandbox_server_the_schema_names(server, browsers):
    admin = browsers()
    sign_up(admin, server.url)
    admin.get(server.url + "/settings/integrations/new")
    textarea = patient_wait(admin, 10).until(EC.presence_of_element_located((By.ID, "schema")))
    admin.execute_script("arguments[0].value = arguments[1];", textarea, TWO_SERVERS)
    admin.find_element(By.XPATH, "//button[text()='Continue']").click()
    patient_wait(admin, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Review"))
    base_url = admin.find_element(By.ID, "base_url")
    assert base_url.get_attribute("value") == "https://api.ledger.example/v1"
    assert "Other servers in the schema" in admin.page_source
    options = [option.get_attribute("value") for option in admin.find_elements(By.CSS_SELECTOR, "#base-url-servers option")]
    assert options == ["https://api.ledger.example/v1", "https://sandbox.ledger.example/v1"]
    base_url.clear()
    base_url.send_keys("https://sandbox.ledger.example/v1")
    admin.find_element(By.ID, "auth-none").click()
    screenshot(admin, "15-review-other-servers")
    admin.find_element(By.XPATH, "//button[text()='Save integration']").click()
    patient_wait(admin, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "is added"))
    assert admin.find_element(By.ID, "base_url").get_attribute("value") == "https://sandbox.ledger.example/v1"
