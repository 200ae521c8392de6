"""`make demo`: import the example, print its review, create an admin, serve the web app.

The admin's password is generated and printed (a demo database is not for real data).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"
DATABASE = os.environ.get("JIXIAO_DB", "jixiao.db")
HOST, PORT = "127.0.0.1", "8000"


def jixiao(*args: str, stdin: str | None = None, check: bool = True) -> int:
    command = [str(BIN / "jixiao"), *args]
    return subprocess.run(command, input=stdin, text=True, check=check).returncode


def main() -> None:
    jixiao("import", "--db", DATABASE, str(EXAMPLE))
    jixiao("review", str(EXAMPLE), check=False)  # exit code 1: there are findings
    name, password = "admin", secrets.token_urlsafe(12)
    created = jixiao(
        "user", "add", name, "--role", "admin", "--password-stdin", "--db", DATABASE,
        stdin=password + "\n", check=False,
    )  # fmt: skip
    if created == 0:
        print(f"\n管理员账号：{name}    密码：{password}")
    else:
        print(f"\n管理员账号 {name} 已存在（密码见第一次运行 make demo 时的输出）")
    print(f"网页版：http://{HOST}:{PORT}/   API 文档：http://{HOST}:{PORT}/api/docs\n", flush=True)
    os.execv(
        str(BIN / "jixiao"),
        [str(BIN / "jixiao"), "serve", "--db", DATABASE, "--host", HOST, "--port", PORT],
    )


if __name__ == "__main__":
    main()
