print("OpenAPIBench: not written yet")
