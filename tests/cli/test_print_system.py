"""Printing through the system: `itinerary --print [PRINTER]` with no dialog, and the kiosk's
printer setting checked against the printers there are.

The tests that print need CUPS running with a cups-pdf queue (Debian: cups and
printer-driver-cups-pdf, then ``lpadmin -p PDF -v cups-pdf:/ -E -P
/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd``); without one they are skipped. The others
run everywhere: a printing system that does not answer is simulated by pointing libcups at
a socket that does not exist (CUPS_SERVER).
"""

from __future__ import annotations

import getpass
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import exponav

APP = Path(exponav.__file__).resolve().parents[1]
NO_CUPS = {"CUPS_SERVER": "/nonexistent/exponav-test/cups.sock"}


def _run(*args: str, env: dict[str, str] | None = None, timeout: float = 180
         ) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(APP), "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "exponav", *args], capture_output=True,
                          text=True, env=full, timeout=timeout)


def _one_sentence(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stdout == ""
    return lines[0]


def test_no_printing_system_is_one_sentence():
    line = _one_sentence(_run("itinerary", "--from", "K-H2-1F-1", "S1024", "--print",
                              env=NO_CUPS))
    assert "No printer is set up on this machine" in line and "nothing was printed" in line


def test_kiosk_set_printer_warns_when_there_is_no_such_printer(tmp_path):
    settings = tmp_path / "kiosk.json"
    env = {**NO_CUPS, "EXPONAV_KIOSK_CONFIG": str(settings)}
    proc = _run("kiosk", "set", "printer", "Receipt-80", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    assert "warning: this machine has no printer 'Receipt-80'" in proc.stderr
    assert json.loads(proc.stdout)["printer"] == "Receipt-80"  # kept all the same
    proc = _run("kiosk", "set", "printer", f"pdf:{tmp_path / 'r.pdf'}", env=env)
    assert proc.returncode == 0 and "warning" not in proc.stderr  # a file, not a printer


# -- with CUPS and a cups-pdf queue ------------------------------------------------------------

def _cups_pdf() -> tuple[str, Path]:
    """The name of a cups-pdf queue and the folder it writes to, or skip."""
    if shutil.which("lpstat") is None:
        pytest.skip("no CUPS client (lpstat) on this machine")
    try:
        running = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, timeout=10)
        devices = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("CUPS does not answer")
    if "scheduler is running" not in running.stdout:
        pytest.skip("CUPS is not running")
    queue = next(iter(re.findall(r"device for (\S+): cups-pdf:", devices.stdout)), None)
    if queue is None:
        pytest.skip("CUPS has no cups-pdf queue")
    conf = Path("/etc/cups/cups-pdf.conf")
    out = "/var/spool/cups-pdf/${USER}"
    if conf.is_file():
        out = next((line.split(None, 1)[1].strip() for line in conf.read_text().splitlines()
                    if line.startswith("Out ")), out)
    folder = Path(out.replace("${HOME}", str(Path.home())).replace("${USER}", getpass.getuser()))
    return queue, folder


def _new_pdf(folder: Path, before: set[Path], wait_s: float = 120) -> Path:
    """The whole PDF that appears in ``folder`` (cups-pdf writes it when the job is done)."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        for path in sorted(set(folder.glob("*.pdf")) - before) if folder.is_dir() else []:
            data = path.read_bytes()
            if data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"):
                time.sleep(0.5)
                if path.read_bytes() == data:  # no longer growing
                    return path
        time.sleep(0.5)
    raise AssertionError(f"no PDF came out in {folder} within {wait_s:.0f} s")


def test_print_on_a_cups_queue_with_no_dialog():
    pdfium = pytest.importorskip("pypdfium2")
    zxingcpp = pytest.importorskip("zxingcpp")
    queue, folder = _cups_pdf()
    before = set(folder.glob("*.pdf")) if folder.is_dir() else set()
    proc = _run("itinerary", "--from", "K-H2-1F-1", "S1024", "Q0210", "--lang", "en",
                f"--print={queue}", "--json")
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    assert answer["printed"]["printer"] == queue and answer["printed"]["pages"] >= 2
    path = _new_pdf(folder, before)
    try:
        doc = pdfium.PdfDocument(str(path))
        assert len(doc) == answer["printed"]["pages"]
        w, h = (v * 25.4 / 72 for v in doc[0].get_size())
        assert w == pytest.approx(210, abs=1) and h == pytest.approx(297, abs=1)  # its paper
        image = doc[0].render(scale=150 / 72, grayscale=True).to_numpy()
        codes = [r.text for r in zxingcpp.read_barcodes(image)]
        assert codes == [answer["qr_payload"]]
        doc.close()
    finally:
        path.unlink(missing_ok=True)


def test_an_unknown_printer_is_named_with_the_ones_there_are():
    queue, _ = _cups_pdf()
    line = _one_sentence(_run("itinerary", "--from", "K-H2-1F-1", "S1024",
                              "--print=No-Such-Printer"))
    assert "There is no printer 'No-Such-Printer'" in line and queue in line


def test_kiosk_set_printer_accepts_a_queue_there_is(tmp_path):
    queue, _ = _cups_pdf()
    proc = _run("kiosk", "set", "printer", queue,
                env={"EXPONAV_KIOSK_CONFIG": str(tmp_path / "kiosk.json")})
    assert proc.returncode == 0 and "warning" not in proc.stderr, proc.stderr
