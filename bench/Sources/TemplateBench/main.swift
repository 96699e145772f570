print("TemplateBench: not written yet")
