print("smaudit")
