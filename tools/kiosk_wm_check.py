"""Try to get past a real kiosk window with a window manager's keys, on Xvfb, and report.

Run from a source checkout (it is not part of ``make test``: it needs an X server)::

    apt-get install xvfb openbox xdotool x11-utils imagemagick xclip
    PYTHONPATH=app .venv/bin/python tools/kiosk_wm_check.py [--data FILE] [--shots DIR]

It starts Xvfb at 1920x1080 and openbox with its default keys, runs ``exponav gui --kiosk``
against settings of its own (a temporary ``kiosk.json`` with a PIN), and tries what a
visitor at a keyboard could: Super+D (show the desktop), Ctrl+Alt+Right (the next
desktop), Shift+Alt+Right (send the window there), Super+F2 (desktop 2), iconifying and
unmapping the window (``xdotool windowminimize``, ``windowunmap``), another program's
window taking the focus (``xmessage``), and a right-click on the desktop just after Super+D (openbox's root menu has Terminal and Exit). Each case is
ok when the kiosk is back within a second: mapped, 1920x1080 at 0,0, on the current
desktop, focused, and no openbox menu open. Then, without a window manager, the kiosk
must still fill the screen; and after an idle reset, the primary selection and the
clipboard must hold nothing of what was typed. ``--locked`` runs openbox with no key or
mouse bindings, as a locked-down kiosk session would. A screenshot of the whole screen is
saved after each case (``--shots``). Exit status 0 when every case is ok.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZE = (1920, 1080)
WITHIN_S = 1.0  # the kiosk must be back this soon
NEEDED = ("Xvfb", "openbox", "xdotool", "xwininfo", "xprop")
LOCKED_RC = """<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <desktops><number>1</number></desktops>
  <keyboard></keyboard>
  <mouse></mouse>
  <menu><file>/dev/null</file></menu>
</openbox_config>
"""


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), env=env, capture_output=True, text=True, timeout=20)


def window_info(screen: Screen, wid: str) -> dict[str, str]:
    """``xwininfo -id``'s lines as a dictionary ("Map State": "IsViewable", "Width": …)."""
    info: dict[str, str] = {}
    for line in screen.x("xwininfo", "-id", wid).splitlines():
        key, _, value = line.strip().partition(":")
        info[key.strip()] = value.strip()
    return info


class Screen:
    """One Xvfb display and what runs on it (each process ended by its own id)."""

    def __init__(self, display: str, folder: Path) -> None:
        self.display = display
        self.folder = folder
        self.env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        self.procs: dict[str, subprocess.Popen] = {}
        self.started = 0

    def start(self, name: str, args: list[str], env: dict[str, str] | None = None
              ) -> subprocess.Popen:
        self.started += 1
        log = open(self.folder / f"{self.started}-{name}.log", "w")  # noqa: SIM115 - the process's
        proc = subprocess.Popen(args, env=env or self.env, stdout=log, stderr=subprocess.STDOUT)
        self.procs[name] = proc
        return proc

    def stop(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

    def stop_all(self) -> None:
        for name in reversed(list(self.procs)):
            self.stop(name)

    def x(self, *args: str) -> str:
        """Run an X client on this display; its output."""
        return run(*args, env=self.env).stdout.strip()

    def answers(self) -> bool:
        """Whether our own X server is up and answering."""
        server = self.procs.get("xvfb")
        return server is not None and server.poll() is None \
            and run("xprop", "-root", env=self.env).returncode == 0

    def root(self) -> int:
        words = self.x("xwininfo", "-root").split()
        return int(words[words.index("id:") + 1], 16) if "id:" in words else 0

    def wm_check(self) -> str:
        """The window manager's check window (hex), or "" without a window manager."""
        words = self.x("xprop", "-root", "-notype", "_NET_SUPPORTING_WM_CHECK").split()
        return words[-1] if words and words[-1].startswith("0x") else ""

    def wait(self, done: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if done():
                return True
            time.sleep(step)
        return done()

    def shot(self, name: str, shots: Path | None) -> None:
        if shots is None:
            return
        shots.mkdir(parents=True, exist_ok=True)
        if shutil.which("import"):
            self.x("import", "-window", "root", str(shots / f"{name}.png"))
        elif shutil.which("xwd"):
            self.x("xwd", "-root", "-silent", "-out", str(shots / f"{name}.xwd"))


class Kiosk:
    """The kiosk's X11 window as other programs see it."""

    def __init__(self, screen: Screen, wm: bool) -> None:
        self.s = screen
        self.wm = wm
        self.window = ""  # its id, as xdotool prints it (decimal)

    def find(self, timeout: float = 60.0) -> bool:
        def found() -> bool:
            ids = self.s.x("xdotool", "search", "--onlyvisible", "--name", "^ExpoNav$").split()
            self.window = ids[-1] if ids else ""
            return bool(ids)
        return self.s.wait(found, timeout, 0.25)

    def windows_over_it(self) -> list[str]:
        """Mapped windows stacked above the kiosk's own (its frame, under a window
        manager): a menu, another program's window, a desktop's name while switching."""
        tree = self.s.x("xwininfo", "-tree", "-id", self.window)
        parent = next((ln.split()[3] for ln in tree.splitlines() if "Parent window id" in ln),
                      "0x0")
        top = int(parent, 16) if self.wm and int(parent, 16) != self.s.root() else \
            int(self.window)
        check = int(self.s.wm_check() or "0x0", 16)
        over = []
        for line in self.s.x("xwininfo", "-root", "-children").splitlines():  # top first
            parts = line.split()
            if not parts or not parts[0].startswith("0x"):
                continue
            wid = int(parts[0], 16)
            if wid == top:
                break
            if wid == check:
                continue
            info = window_info(self.s, parts[0])
            if info.get("Map State") == "IsViewable" and info.get("Width") != "1":
                over.append(parts[0])
        return over

    def problem(self) -> str:
        """What is wrong with the kiosk on screen ("" when it is in front, full screen)."""
        if not self.window:
            return "no kiosk window"
        info = window_info(self.s, self.window)
        if info.get("Map State") != "IsViewable":
            return f"not mapped ({info.get('Map State', '?')})"
        where = (info.get("Absolute upper-left X"), info.get("Absolute upper-left Y"),
                 info.get("Width"), info.get("Height"))
        if where != ("0", "0", str(SIZE[0]), str(SIZE[1])):
            return "at {}x{} +{}+{}, not the whole screen".format(*where[2:], *where[:2])
        focus = self.s.x("xdotool", "getwindowfocus")
        if focus and int(focus) != int(self.window):
            return f"the focus is on window {int(focus):#x}"
        if self.wm:
            current = self.s.x("xdotool", "get_desktop")
            mine = self.s.x("xdotool", "get_desktop_for_window", self.window)
            if mine not in (current, "-1", "4294967295", ""):
                return f"on desktop {mine}, the screen shows desktop {current}"
        return ""

    def over_it(self) -> str:
        """A window over the kiosk ("" when there is none)."""
        over = self.windows_over_it() if self.window else []
        return f"a window is open over it ({', '.join(over)})" if over else ""


def case(name: str, screen: Screen, kiosk: Kiosk, act: Callable[[], None],
         shots: Path | None, after: Callable[[], None] | None = None) -> bool:
    """Do ``act``; ok when the kiosk is back in front within :data:`WITHIN_S` and no
    window (a menu) stays over it. Openbox's own note naming the desktop it switched to
    shows for under a second and is let go."""
    if not screen.wait(lambda: not kiosk.problem() and not kiosk.over_it(), 5.0):
        print(f"FAILED {name}: not in front before the case "
              f"({kiosk.problem() or kiosk.over_it()})")
        return False
    t0 = time.monotonic()
    act()
    seen: list[str] = []

    def back() -> bool:
        wrong = kiosk.problem()
        if wrong and not seen:
            seen.append(wrong)
        return not wrong and time.monotonic() - t0 > 0.05

    in_front = screen.wait(back, 3.0, 0.02)
    took = time.monotonic() - t0
    clear = screen.wait(lambda: not kiosk.over_it() and not kiosk.problem(), 2.0, 0.05)
    screen.shot(name.replace(" ", "_").replace("+", ""), shots)
    lost = f"; away meanwhile: {seen[0]}" if seen else "; never seen away"
    ok = in_front and took <= WITHIN_S and clear
    if ok:
        print(f"ok     {name}: in front after {took:.2f} s{lost}")
    else:
        why = kiosk.problem() or kiosk.over_it() or f"back only after {took:.2f} s"
        print(f"FAILED {name}: {why}{lost}")
    if after is not None:
        after()
    return ok


def selection_case(screen: Screen, kiosk: Kiosk, shots: Path | None) -> bool:
    """Type and select a query, copy it; after the idle reset nothing of it is left."""
    if not shutil.which("xclip"):
        print("skipped selection: xclip is not installed")
        return True
    x = screen.x
    time.sleep(1.0)  # the home screen drawn
    x("xdotool", "mousemove", "--sync", "600", "257", "click", "1")  # the home search bar
    time.sleep(1.0)
    x("xdotool", "type", "--delay", "120", "chunghwa")
    x("xdotool", "key", "ctrl+a")
    x("xdotool", "key", "ctrl+c")
    time.sleep(0.3)
    primary = x("xclip", "-o", "-selection", "primary")
    clipboard = x("xclip", "-o", "-selection", "clipboard")
    if "chunghwa" not in primary:
        print(f"FAILED selection: the typed query was not selected (primary {primary!r})")
        return False
    screen.shot("selection_before_reset", shots)
    time.sleep(6.0)  # idle 3 s, countdown 1 s, and some
    primary, clipboard_after = (x("xclip", "-o", "-selection", "primary"),
                                x("xclip", "-o", "-selection", "clipboard"))
    screen.shot("selection_after_reset", shots)
    if primary or clipboard_after:
        print(f"FAILED selection: after the reset primary {primary!r}, clipboard "
              f"{clipboard_after!r}")
        return False
    print(f"ok     selection: primary and clipboard ({clipboard!r} before) empty after "
          "the idle reset")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="the data file (default: built into a temporary folder)")
    parser.add_argument("--kiosk", default="K-H2-1F-1", help="the kiosk id")
    parser.add_argument("--display", help="the Xvfb display to use (default: a free one)")
    parser.add_argument("--shots", type=Path, help="save a screenshot of each case here")
    parser.add_argument("--locked", action="store_true",
                        help="openbox with no key or mouse bindings (a locked-down session)")
    args = parser.parse_args(argv)
    missing = [tool for tool in NEEDED if not shutil.which(tool)]
    if missing:
        print(f"kiosk_wm_check: {', '.join(missing)} not found; apt-get install xvfb openbox "
              "xdotool x11-utils", file=sys.stderr)
        return 2

    from exponav.core.io.kiosk_config import KioskSettings, hash_pin, save_settings

    folder = Path(tempfile.mkdtemp(prefix="exponav-wm-"))
    display = args.display or next(f":{n}" for n in range(90, 200)
                                   if not Path(f"/tmp/.X{n}-lock").exists()
                                   and not Path(f"/tmp/.X11-unix/X{n}").exists())
    screen = Screen(display, folder)
    data = args.data
    if data is None:
        from exponav.core.io.datafile import build_data_file

        print("building the data file…", flush=True)
        data = str(build_data_file(folder / "show.exponav.db"))
    config = folder / "kiosk.json"
    save_settings(KioskSettings(kiosk_id=args.kiosk, data=data, idle_s=90,
                                pin=hash_pin("2468")), config)
    kiosk_env = {**screen.env, "EXPONAV_KIOSK_CONFIG": str(config),
                 "XDG_CACHE_HOME": str(folder / "cache"), "XDG_CONFIG_HOME": str(folder)}
    kiosk_cmd = [sys.executable, "-m", "exponav", "gui", "--kiosk", args.kiosk]
    results: list[bool] = []
    try:
        w, h = SIZE
        screen.start("xvfb", ["Xvfb", display, "-screen", "0", f"{w}x{h}x24",
                              "-nolisten", "tcp"])
        if not screen.wait(screen.answers, 10):
            print("FAILED Xvfb did not start")
            return 1
        ob = ["openbox"]
        if args.locked:
            rc = folder / "rc.xml"
            rc.write_text(LOCKED_RC)
            ob += ["--config-file", str(rc)]
        screen.start("openbox", ob)
        if not screen.wait(lambda: bool(screen.wm_check()), 10):
            print("FAILED openbox did not start")
            return 1
        screen.start("kiosk", kiosk_cmd, kiosk_env)
        kiosk = Kiosk(screen, wm=True)
        if not kiosk.find() or not screen.wait(lambda: not kiosk.problem(), 10):
            print(f"FAILED the kiosk window never showed in front ({kiosk.problem()})")
            return 1
        time.sleep(1.0)  # its first frame
        screen.shot("start", args.shots)
        x = screen.x
        wid = kiosk.window

        def escape() -> None:  # close a menu that opened, for the next case
            x("xdotool", "key", "Escape")

        cases: list[tuple[str, Callable[[], None], Callable[[], None] | None]] = [
            ("Super+D", lambda: x("xdotool", "key", "super+d"), None),
            ("Ctrl+Alt+Right", lambda: x("xdotool", "key", "ctrl+alt+Right"), None),
            ("Shift+Alt+Right", lambda: x("xdotool", "key", "shift+alt+Right"), None),
            ("then Ctrl+Alt+Left", lambda: x("xdotool", "key", "ctrl+alt+Left"), None),
            ("Super+F1", lambda: x("xdotool", "key", "super+F1"), None),
            ("Super+F2", lambda: x("xdotool", "key", "super+F2"), None),
            ("windowminimize", lambda: x("xdotool", "windowminimize", wid), None),
            ("windowunmap", lambda: x("xdotool", "windowunmap", wid), None),
            ("set_desktop 3", lambda: x("xdotool", "set_desktop", "3"), None),
            ("another program's window takes the focus",
             lambda: screen.start("xmessage", ["xmessage", "-center", "another program"]),
             lambda: screen.stop("xmessage")),
            ("right-click 0.3 s after Super+D",
             lambda: (x("xdotool", "key", "super+d"), time.sleep(0.3),
                      x("xdotool", "mousemove", "200", "200", "click", "3")), escape),
            ("right-click at once after Super+D",
             lambda: (x("xdotool", "key", "super+d"),
                      x("xdotool", "mousemove", "200", "200", "click", "3")), escape),
        ]
        for name, act, after in cases:
            results.append(case(name, screen, kiosk, act, args.shots, after))
            if not results[-1] and "at once" in name:
                print("       a click on the desktop in the moment it shows reaches the "
                      "window manager's root menu:\n       run the kiosk without a window "
                      "manager, or with a locked-down one (--locked shows one)")
        screen.stop("kiosk")

        save_settings(KioskSettings(kiosk_id=args.kiosk, data=data, idle_s=3, countdown_s=1,
                                    pin=hash_pin("2468")), config)
        screen.start("kiosk", kiosk_cmd, kiosk_env)
        kiosk = Kiosk(screen, wm=True)
        if kiosk.find() and screen.wait(lambda: not kiosk.problem(), 10):
            results.append(selection_case(screen, kiosk, args.shots))
        else:
            print(f"FAILED selection: the kiosk did not come up ({kiosk.problem()})")
            results.append(False)
        screen.stop("kiosk")
        screen.stop("openbox")

        screen.start("kiosk", kiosk_cmd, kiosk_env)
        kiosk = Kiosk(screen, wm=False)
        if kiosk.find() and screen.wait(lambda: not kiosk.problem(), 5):
            print(f"ok     no window manager: the kiosk fills the {w}x{h} screen, focused")
            results.append(True)
            wid = kiosk.window
            results.append(case("no window manager, windowunmap", screen, kiosk,
                                lambda: x("xdotool", "windowunmap", wid), args.shots))
        else:
            print(f"FAILED no window manager: {kiosk.problem()}")
            results.append(False)
        screen.shot("no_window_manager", args.shots)
    finally:
        screen.stop_all()
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    if not all(results):
        print(f"(logs in {folder})")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
