"""A member clicks Connect for a per-user OAuth integration, signs in at the provider (a real
OAuth 2.0 server on loopback), and lands back in Switchboard connected."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import patient_wait, screenshot
from test_agents import add_integration
from test_integrations import sign_up


def test_member_connects_with_oauth_and_comes_back_connected(server, browsers, orders_api, oauth_provider):
    driver = browsers()
    sign_up(driver, server.url)

    def oauth(d):
        d.find_element(By.XPATH, "//input[@name='scope'][@value='per_user']").click()
        d.find_element(By.ID, "auth-oauth2").click()
        d.find_element(By.ID, "oauth_authorization_url").clear()
        d.find_element(By.ID, "oauth_authorization_url").send_keys(oauth_provider.url + "/oauth2/authorize")
        d.find_element(By.ID, "oauth_token_url").clear()
        d.find_element(By.ID, "oauth_token_url").send_keys(oauth_provider.url + "/oauth2/token")
        d.find_element(By.ID, "oauth_client_id").send_keys("switchboard-browser-test")
        d.find_element(By.ID, "oauth_client_secret").send_keys("browser-test-client-secret")
        d.find_element(By.ID, "oauth_scopes").clear()
        d.find_element(By.ID, "oauth_scopes").send_keys("openid, email")

    add_integration(driver, server.url, orders_api.url + "/openapi.json", "Orders via OAuth", oauth)
    assert "/oauth/callback" in driver.page_source, "the redirect URI to register is shown"

    driver.find_element(By.LINK_TEXT, "Connections").click()
    row = patient_wait(driver, 10).until(EC.presence_of_element_located((By.XPATH, "//tr[td[text()='Orders via OAuth']]")))
    assert "not connected" in row.text
    row.find_element(By.LINK_TEXT, "Connect").click()
    screenshot(driver, "30-oauth-connect")
    driver.find_element(By.XPATH, "//button[starts-with(text(), 'Continue to')]").click()

    subject = patient_wait(driver, 15).until(EC.presence_of_element_located((By.NAME, "sub")))
    assert driver.current_url.startswith(oauth_provider.url)
    screenshot(driver, "31-oauth-provider-sign-in")
    subject.clear()
    subject.send_keys("ann@acme.test")
    subject.submit()

    patient_wait(driver, 15).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "Connected to Orders via OAuth"))
    assert driver.current_url.startswith(server.url + "/connections")
    row = driver.find_element(By.XPATH, "//tr[td[text()='Orders via OAuth']]")
    assert "connected" in row.text and "not connected" not in row.text
    screenshot(driver, "32-oauth-connected")


USERINFO_SCHEMA = """{
  "openapi": "3.0.3",
  "info": {"title": "Identity", "version": "1"},
  "servers": [{"url": "%s"}],
  "paths": {"/userinfo": {"get": {"operationId": "getUserinfo", "summary": "Get my userinfo profile",
    "responses": {"200": {"description": "The signed-in user's claims"}}}}}
}"""


def test_an_agent_asks_a_new_user_to_connect_then_finishes_the_action(server, browsers, oauth_provider):
    driver = browsers()
    sign_up(driver, server.url)
    driver.get(server.url + "/settings/integrations/new")
    textarea = driver.find_element(By.ID, "schema")
    driver.execute_script("arguments[0].value = arguments[1];", textarea, USERINFO_SCHEMA % oauth_provider.url)
    driver.find_element(By.XPATH, "//button[text()='Continue']").click()
    patient_wait(driver, 15).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Review"))
    driver.find_element(By.XPATH, "//input[@name='scope'][@value='per_user']").click()
    driver.find_element(By.ID, "auth-oauth2").click()
    driver.find_element(By.ID, "oauth_authorization_url").send_keys(oauth_provider.url + "/oauth2/authorize")
    driver.find_element(By.ID, "oauth_token_url").send_keys(oauth_provider.url + "/oauth2/token")
    driver.find_element(By.ID, "oauth_client_id").send_keys("switchboard-browser-test")
    driver.find_element(By.ID, "oauth_client_secret").send_keys("browser-test-client-secret")
    driver.find_element(By.ID, "oauth_scopes").send_keys("openid, email")
    driver.find_element(By.XPATH, "//button[text()='Save integration']").click()
    patient_wait(driver, 15).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "is added"))

    driver.get(server.url + "/agents/new")
    driver.find_element(By.ID, "name").send_keys("Identity helper")
    driver.find_element(By.XPATH, "//button[text()='Create agent']").click()
    patient_wait(driver, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Tools"))
    driver.find_element(By.XPATH, "//button[text()='All']").click()
    patient_wait(driver, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "1 action enabled"))
    driver.get(server.url + "/agents")
    driver.find_element(By.XPATH, "//button[text()='New conversation']").click()
    patient_wait(driver, 10).until(EC.presence_of_element_located((By.ID, "message"))).send_keys("Get my userinfo profile\n")

    connect = patient_wait(driver, 15).until(EC.element_to_be_clickable((By.XPATH, "//a[starts-with(text(), 'Connect Identity')]")))
    screenshot(driver, "33-conversation-connect-card")
    connect.click()
    driver.find_element(By.XPATH, "//button[starts-with(text(), 'Continue to')]").click()
    subject = patient_wait(driver, 15).until(EC.presence_of_element_located((By.NAME, "sub")))
    subject.clear()
    subject.send_keys("ann@acme.test")
    subject.submit()

    # Back in the conversation: the waiting read ran with the new connection.
    patient_wait(driver, 15).until(lambda d: "/conversations/" in d.current_url and "200" in d.page_source)
    assert "ann@acme.test" in driver.page_source
    assert "Connected to Identity" in driver.page_source
    assert "Here is my userinfo profile." in driver.page_source
    screenshot(driver, "34-conversation-after-connect")
