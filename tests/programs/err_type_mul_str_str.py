def banner(text, width):
    line = "=" * width
    return line + "\n" + text.center(width) + "\n" + line


print(banner("hello", 11))
width = "20"
print(banner("oops", width))
