VALUE = 1
missing_name + 1
