"""A member asks an agent about an order (a read runs at once), asks for an invoice (a small form
for the missing order, then a confirmation card), confirms it once, and cancels another."""
import json
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import patient_wait, screenshot
from test_integrations import sign_up


def wait_text(driver, text, timeout=15):
    # The conversation is redrawn in place: read the page's source, which never goes stale.
    patient_wait(driver, timeout).until(lambda d: text in d.page_source)


def add_integration(driver, base_url, openapi_url, name, configure):
    driver.get(base_url + "/settings/integrations/new")
    driver.find_element(By.ID, "schema_url").send_keys(openapi_url)
    driver.find_element(By.XPATH, "//button[text()='Continue']").click()
    patient_wait(driver, 15).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Review"))
    field = driver.find_element(By.ID, "name")
    field.clear()
    field.send_keys(name)
    configure(driver)
    driver.find_element(By.XPATH, "//button[text()='Save integration']").click()
    patient_wait(driver, 15).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "is added"))


def bearer(driver):
    driver.find_element(By.ID, "auth-bearer").click()
    driver.find_element(By.ID, "bearer_token").send_keys("bearer-token-0123456789abcdef")


def api_key(driver):
    driver.find_element(By.ID, "auth-headers").click()
    driver.find_element(By.XPATH, "//button[text()='Add header']").click()
    patient_wait(driver, 10).until(EC.presence_of_element_located((By.ID, "header-name-0"))).send_keys("X-API-Key")
    driver.find_element(By.ID, "header-value-0").send_keys("header-key-0123456789abcdef")


def invoice_count(orders_api):
    with urllib.request.urlopen(orders_api.url + "/invoices/count", timeout=5) as response:
        return json.load(response)["count"]


def test_agent_reads_then_writes_only_after_confirm(server, browsers, orders_api):
    driver = browsers()
    sign_up(driver, server.url)
    add_integration(driver, server.url, orders_api.url + "/openapi.json", "Orders", bearer)
    add_integration(driver, server.url, orders_api.url + "/openapi.json", "Invoices", api_key)

    driver.get(server.url + "/agents/new")
    driver.find_element(By.ID, "name").send_keys("Shop assistant")
    driver.find_element(By.ID, "description").send_keys("Knows our orders and invoices")
    driver.find_element(By.XPATH, "//button[text()='Create agent']").click()
    patient_wait(driver, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Tools"))
    driver.find_element(By.XPATH, "//section[.//h2[contains(., 'Orders')]]//label[contains(., 'Get Order')]/input").click()
    driver.find_element(By.XPATH, "//section[.//h2[contains(., 'Invoices')]]//label[contains(., 'Create Invoice')]/input").click()
    screenshot(driver, "20-agent-tools")
    driver.find_element(By.XPATH, "//button[text()='Save tools']").click()
    patient_wait(driver, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "2 actions enabled"))

    driver.get(server.url + "/agents")
    driver.find_element(By.XPATH, "//button[text()='New conversation']").click()
    composer = patient_wait(driver, 10).until(EC.presence_of_element_located((By.ID, "message")))
    composer.send_keys("What's the status of order 2?\n")
    wait_text(driver, "shipped")
    screenshot(driver, "21-conversation-read")

    driver.find_element(By.ID, "message").send_keys("Create an invoice for ACME for 120 EUR\n")
    order_field = patient_wait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "input[name='param_order_id']")))
    screenshot(driver, "22-conversation-parameters")
    order_field.send_keys("2")
    order_field.submit()
    confirm = patient_wait(driver, 15).until(EC.element_to_be_clickable((By.XPATH, "//button[text()='Confirm']")))
    assert "[redacted]" in driver.page_source
    assert "header-key-0123456789abcdef" not in driver.page_source
    # The API takes cents: 120 EUR is sent as 12000.
    assert '&quot;amount_cents&quot;:12000' in driver.page_source or '"amount_cents":12000' in driver.page_source
    assert invoice_count(orders_api) == 0
    screenshot(driver, "23-conversation-confirm")
    confirm.click()
    wait_text(driver, "201")
    assert invoice_count(orders_api) == 1
    screenshot(driver, "24-conversation-confirmed")

    driver.find_element(By.ID, "message").send_keys("Create an invoice for Initech for 80 EUR\n")
    second_order = patient_wait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form:not([data-answered]) input[name='param_order_id']")))
    second_order.send_keys("1")
    second_order.submit()
    patient_wait(driver, 15).until(EC.element_to_be_clickable((By.XPATH, "//button[text()='Cancel']"))).click()
    wait_text(driver, "cancelled")
    assert invoice_count(orders_api) == 1
    screenshot(driver, "25-conversation-cancelled")
