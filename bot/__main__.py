"""`python -m bot`: the command line."""

import sys

from bot.cli import main

# Guarded: worker processes (index/stemmer.py's stem_many) import the main module afresh.
if __name__ == "__main__":
    sys.exit(main(prog="python -m bot"))
