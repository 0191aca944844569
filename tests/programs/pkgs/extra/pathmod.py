WHERE = "found along sys.path"
