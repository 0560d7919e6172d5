print("cw")
