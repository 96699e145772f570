"""A member clicks Connect for a per-user OAuth integration, signs in at the provider (a real
OAuth 2.0 server on loopback), and lands back in Switchboard connected."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import screenshot
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
    row = WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.XPATH, "//tr[td[text()='Orders via OAuth']]")))
    assert "not connected" in row.text
    row.find_element(By.LINK_TEXT, "Connect").click()
    screenshot(driver, "30-oauth-connect")
    driver.find_element(By.XPATH, "//button[starts-with(text(), 'Continue to')]").click()

    subject = WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.NAME, "sub")))
    assert driver.current_url.startswith(oauth_provider.url)
    screenshot(driver, "31-oauth-provider-sign-in")
    subject.clear()
    subject.send_keys("ann@acme.test")
    subject.submit()

    WebDriverWait(driver, 15).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "Connected to Orders via OAuth"))
    assert driver.current_url.startswith(server.url + "/connections")
    row = driver.find_element(By.XPATH, "//tr[td[text()='Orders via OAuth']]")
    assert "connected" in row.text and "not connected" not in row.text
    screenshot(driver, "32-oauth-connected")
