"""``jixiao parse --debug-image DIR``: one PNG per PDF page; other formats are named, not drawn."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app

DOCUMENTS = Path(__file__).resolve().parents[1] / "documents"


def test_debug_images_for_a_pdf(tmp_path: Path, example_path: Path) -> None:
    pdf = DOCUMENTS / "binhai-zuzhibu-2024.pdf"
    out = tmp_path / "images"
    result = CliRunner().invoke(
        app, ["parse", "--format", "json", "--debug-image", str(out), str(pdf), str(example_path)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir())[0] == "binhai-zuzhibu-2024-page-001.png"
    assert len(list(out.iterdir())) == 8
    assert f"{pdf}：已写出 8 张调试图片" in result.stderr
    assert f"{example_path}：不是 PDF 或图片，未生成调试图片" in result.stderr
