"""The frozen app's entry script: the same `devicecheck` command line as `python -m desktop`."""

import sys

from desktop.entry import main

if __name__ == "__main__":
    sys.exit(main())
