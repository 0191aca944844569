LEVEL = "util"
