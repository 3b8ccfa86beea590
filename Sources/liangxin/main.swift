print("liangxin")
