print("SQLiteBench: not written yet")
