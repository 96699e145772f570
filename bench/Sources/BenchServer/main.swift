print("BenchServer: not written yet")
