"""An owner signs up, invites a colleague, makes them Admin; a Member is refused Settings."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import patient_wait, screenshot


def fill(driver, **fields):
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)
        element.clear()
        element.send_keys(value)


def submit(driver, form_selector="form"):
    driver.find_element(By.CSS_SELECTOR, f"{form_selector} button[type=submit]").click()


def wait_for_heading(driver, text):
    patient_wait(driver, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), text))


def invitation_link(owner, email, role):
    owner.find_element(By.LINK_TEXT, "Members").click()
    wait_for_heading(owner, "Members")
    fill(owner, email=email)
    Select(owner.find_element(By.NAME, "role")).select_by_value(role)
    owner.find_element(By.XPATH, "//button[text()='Create invitation link']").click()
    link = patient_wait(owner, 10).until(EC.presence_of_element_located((By.ID, "flash-link")))
    return link.get_attribute("value")


def accept(driver, link, name, password):
    driver.get(link)
    fill(driver, name=name, password=password)
    submit(driver, "form[method=post]")
    patient_wait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash-success")))


def test_owner_invites_admin_and_member_is_refused_settings(server, browsers):
    owner = browsers()
    owner.get(server.url + "/sign-up")
    screenshot(owner, "01-sign-up")
    fill(owner, company="Acme Robotics", name="Ann Owner", email="ann@acme.test", password="correct horse battery")
    submit(owner)
    wait_for_heading(owner, "Acme Robotics")
    assert "Welcome to Switchboard" in owner.find_element(By.CSS_SELECTOR, ".flash").text
    screenshot(owner, "02-home-owner")

    link = invitation_link(owner, "bob@acme.test", "member")
    assert link.startswith(server.url + "/invitations/")
    screenshot(owner, "03-members-with-invitation")

    colleague = browsers()
    colleague.get(link)
    screenshot(colleague, "04-accept-invitation")
    accept(colleague, link, "Bob Builder", "bob's long password")
    wait_for_heading(colleague, "Acme Robotics")
    assert "You joined Acme Robotics" in colleague.page_source

    owner.get(server.url + "/settings/members")
    row = owner.find_element(By.XPATH, "//tr[td[text()='bob@acme.test']]")
    Select(row.find_element(By.NAME, "role")).select_by_value("admin")
    row.find_element(By.XPATH, ".//button[text()='Save']").click()
    patient_wait(owner, 10).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".flash"), "Role changed to Admin."))
    screenshot(owner, "05-members-after-role-change")

    colleague.get(server.url + "/settings/members")
    wait_for_heading(colleague, "Members")
    assert colleague.find_elements(By.NAME, "email") == [], "an Admin sees the list but cannot invite"

    member_link = invitation_link(owner, "cy@acme.test", "member")
    member = browsers()
    accept(member, member_link, "Cy Member", "cy's long password!")
    member.get(server.url + "/settings/members")
    assert "403" in member.title
    assert "Only Admins and Owners can open this page." in member.page_source
    screenshot(member, "06-member-refused")

    owner.get(server.url + "/settings/audit")
    wait_for_heading(owner, "Audit log")
    assert "Role changed" in owner.page_source
    screenshot(owner, "07-audit-log")
