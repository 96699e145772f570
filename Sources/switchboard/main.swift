// The switchboard command: filled by the foundation issue.
print("switchboard")
