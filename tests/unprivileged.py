"""Running a command the way a user without root's file powers would.

The tests run as root, and root writes to read-only files. Dropping the two capabilities that
let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) from the command's bounding set makes file
permissions apply to it as to anyone: a 0444 file cannot be written, a 0555 folder cannot take
a new file. It stays uid 0, so it can still reach the interpreter under /root, which uid 65534
cannot. As any other user the permissions apply already and nothing is needed.
"""

from __future__ import annotations

import os
import shutil


def unprivileged_prefix() -> tuple[str, ...]:
    """A command prefix under which file permissions bind (empty when not root)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise RuntimeError("running as root needs setpriv (util-linux) to drop file powers")
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search")
