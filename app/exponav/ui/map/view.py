"""MapView: the plan on screen: zoom, pan, pinch, double-tap, fly-to, limits.

Zoom keeps the point under the cursor (or between two fingers) still. The scene
rectangle is the level plus a margin, so the plan can never be pushed off screen,
and the zoom stays between "a little smaller than the whole level" and "a booth
fills a good part of the screen". Touch is handled from raw touch events: one finger
pans and taps, two fingers pinch and pan together; a trackpad's native zoom gesture
works as well. A click or tap that did not move emits :attr:`clicked` with the scene
point; the window hit-tests it through the core's spatial index.

A kiosk turns the plan heading-up with :meth:`MapView.set_heading_up`: the view's
transform is a rotation and a uniform scale, so zoom, pan, fit and fly-to keep working,
and the north arrow turns with it.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView

from exponav.ui.map.overlays import NorthArrow, ScaleBar, ZoomButtons

__all__ = ["MapView"]

MAX_SCALE = 90.0  # pixels per metre: a 3 m booth at 270 px
MIN_FIT_FRACTION = 0.8  # how far below "whole level" one may zoom out
MARGIN_M = 24.0  # room around the level for entrance labels


class MapView(QGraphicsView):
    """Shows one :class:`~exponav.ui.map.scene.FloorPlanScene` at a time."""

    clicked = Signal(QPointF)  # scene position
    hovered = Signal(object)  # scene position under a free mouse, or None when it left
    zoom_changed = Signal(float)  # pixels per metre
    first_painted = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._panning = False
        self._touch_last: tuple[QPointF, float] | None = None
        self._touch_moved = False
        self._last_tap = (0.0, QPointF())
        self._painted = False
        self._auto_fit = True  # until the user moves the map, a resize re-fits the level
        self._fly = QVariantAnimation(self)
        self._fly.setStartValue(0.0)
        self._fly.setEndValue(1.0)
        self._fly.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._fly.valueChanged.connect(self._fly_step)
        self._fly_from = (QPointF(), 1.0)
        self._fly_to = (QPointF(), 1.0)
        self._fly_dip = 0.0
        self._heading = 0.0  # compass direction shown as up on screen (0: north-up)
        self.zoom_buttons = ZoomButtons(self)
        self.zoom_buttons.zoom_in.connect(lambda: self.zoom_by(1.6, animated=True))
        self.zoom_buttons.zoom_out.connect(lambda: self.zoom_by(1 / 1.6, animated=True))
        self.zoom_buttons.fit.connect(lambda: self.fit(animated=True))
        self.scale_bar = ScaleBar(self)
        self.north = NorthArrow(self)
        self.zoom_changed.connect(self.scale_bar.set_scale)

    # -- scene and geometry ----------------------------------------------------------

    def set_level_scene(self, scene, fit: bool = True) -> None:
        self._fly.stop()
        self.setScene(scene)
        r = scene.level_rect
        self.setSceneRect(r.adjusted(-MARGIN_M, -MARGIN_M, MARGIN_M, MARGIN_M))
        if fit:
            self.fit(animated=False)
        else:
            self._apply(self.scale_px_per_m(), self.centre())

    def scale_px_per_m(self) -> float:
        t = self.transform()
        return math.hypot(t.m11(), t.m12())

    # -- heading-up ------------------------------------------------------------------

    def heading(self) -> float:
        """The compass direction (degrees, 0 = north, 90 = east) that is up on screen."""
        return self._heading

    def set_heading_up(self, heading_deg: float) -> None:
        """Turn the plan so that ``heading_deg`` points up on screen (0 = north-up),
        keeping the zoom and the point in the middle of the view."""
        heading = float(heading_deg) % 360.0
        if heading == self._heading:
            return
        self._fly.stop()
        scale, centre = self.scale_px_per_m(), self.centre()
        self._heading = heading
        self.north.set_heading(heading)
        self._place_overlays()
        if self.scene() is None:
            return
        if self._auto_fit:
            self.fit(animated=False)
        else:
            self._apply(scale, centre)

    def _turned_size(self, rect: QRectF) -> tuple[float, float]:
        """Width and height on screen (in metres) of a scene rectangle, turned."""
        a = math.radians(self._heading)
        c, s = abs(math.cos(a)), abs(math.sin(a))
        return rect.width() * c + rect.height() * s, rect.width() * s + rect.height() * c

    def centre(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def fit_scale(self) -> float:
        scene = self.scene()
        if scene is None:
            return 1.0
        rw, rh = self._turned_size(scene.level_rect)
        vw, vh = max(1, self.viewport().width() - 48), max(1, self.viewport().height() - 48)
        return max(0.05, min(vw / max(rw, 1e-6), vh / max(rh, 1e-6)))

    def scale_limits(self) -> tuple[float, float]:
        fit = self.fit_scale()
        return fit * MIN_FIT_FRACTION, max(MAX_SCALE, fit * 1.5)

    def _apply(self, scale: float, centre: QPointF) -> None:
        lo, hi = self.scale_limits()
        scale = min(hi, max(lo, scale))
        # a compass heading turns clockwise; turning the view by minus it brings it up
        self.setTransform(QTransform().rotate(-self._heading).scale(scale, scale))
        self.centerOn(centre)
        scene = self.scene()
        if scene is not None and hasattr(scene, "set_zoom"):
            scene.set_zoom(scale)
        self.zoom_changed.emit(scale)

    # -- zoom and fly ----------------------------------------------------------------

    def fit(self, animated: bool = True) -> None:
        scene = self.scene()
        if scene is None:
            return
        self.fly_to(scene.level_rect.center(), self.fit_scale(), animated=animated)
        self._auto_fit = True

    def zoom_by(self, factor: float, anchor: QPointF | QPoint | None = None,
                animated: bool = False) -> None:
        """Zoom by ``factor``, keeping the scene point under ``anchor`` (viewport) still."""
        if self.scene() is None:
            return
        self._fly.stop()
        s0 = self.scale_px_per_m()
        lo, hi = self.scale_limits()
        s1 = min(hi, max(lo, s0 * factor))
        centre = self.centre()
        if anchor is not None:
            a = self.mapToScene(QPointF(anchor).toPoint())
            k = s0 / s1
            centre = QPointF(a.x() + (centre.x() - a.x()) * k, a.y() + (centre.y() - a.y()) * k)
        self.fly_to(centre, s1, animated=animated, duration=220)

    def fly_to(self, target: QPointF | QRectF, scale: float | None = None,
               animated: bool = True, duration: int | None = None) -> None:
        """Move to a point (at ``scale``) or frame a rectangle, animated unless told not."""
        self._auto_fit = False
        if isinstance(target, QRectF):
            vw, vh = max(1, self.viewport().width() - 160), max(1, self.viewport().height() - 160)
            tw, th = self._turned_size(target)
            fit = min(vw / max(tw, 1e-6), vh / max(th, 1e-6))
            scale = scale or min(fit, 16.0)
            target = target.center()
        lo, hi = self.scale_limits()
        scale = min(hi, max(lo, scale or self.scale_px_per_m()))
        self._fly.stop()
        if not animated or not self.isVisible():
            self._apply(scale, target)
            return
        s0, c0 = self.scale_px_per_m(), self.centre()
        self._fly_from, self._fly_to = (c0, s0), (target, scale)
        # zoom out on the way when the target is far off screen (van Wijk & Nuij, simplified)
        dist_px = math.hypot(target.x() - c0.x(), target.y() - c0.y()) * min(s0, scale)
        diag = math.hypot(self.viewport().width(), self.viewport().height())
        self._fly_dip = max(0.0, math.log(max(dist_px / max(diag, 1.0), 1.0))) * 0.9
        self._fly.setDuration(duration or int(450 + 200 * min(self._fly_dip, 1.5)))
        self._fly.start()

    def _fly_step(self, t: float) -> None:
        (c0, s0), (c1, s1) = self._fly_from, self._fly_to
        t = float(t)
        log_s = (1 - t) * math.log(s0) + t * math.log(s1) - self._fly_dip * 4 * t * (1 - t)
        s = math.exp(log_s)
        # move the centre in step with the zoom, so the target comes in as the view shrinks
        self._apply(s, QPointF(c0.x() + (c1.x() - c0.x()) * t, c0.y() + (c1.y() - c0.y()) * t))

    def is_flying(self) -> bool:
        return self._fly.state() == QVariantAnimation.State.Running

    def finish_flight(self) -> None:
        """Jump to where a running flight ends (tests and screenshots)."""
        if self.is_flying():
            self._fly.stop()
            self._apply(self._fly_to[1], self._fly_to[0])

    def pan_by(self, dx: float, dy: float) -> None:
        self._auto_fit = False
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(round(h.value() - dx))
        v.setValue(round(v.value() - dy))

    # -- mouse -----------------------------------------------------------------------

    def wheelEvent(self, event) -> None:  # noqa: N802
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta == 0:
            return
        self.zoom_by(math.pow(1.0015, delta), anchor=event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._fly.stop()
            self._press = self._last = event.position()
            self._panning = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            pos = event.position()
            if not self._panning and (pos - self._press).manhattanLength() \
                    >= QApplication.startDragDistance():
                self._panning = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._panning:
                d = pos - self._last
                self.pan_by(d.x(), d.y())
            self._last = pos
            event.accept()
            return
        if not event.buttons():
            self.hovered.emit(self.mapToScene(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        self.hovered.emit(None)
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._panning:
                self.clicked.emit(self.mapToScene(event.position().toPoint()))
            self._press = None
            self._panning = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.zoom_by(2.0, anchor=event.position(), animated=True)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        step = 80
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.6, animated=True)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / 1.6, animated=True)
        elif key == Qt.Key.Key_0:
            self.fit(animated=True)
        elif key == Qt.Key.Key_Left:
            self.pan_by(step, 0)
        elif key == Qt.Key.Key_Right:
            self.pan_by(-step, 0)
        elif key == Qt.Key.Key_Up:
            self.pan_by(0, step)
        elif key == Qt.Key.Key_Down:
            self.pan_by(0, -step)
        else:
            super().keyPressEvent(event)

    # -- touch and gestures ----------------------------------------------------------

    def viewportEvent(self, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            self._touch(event)
            return True
        if kind == QEvent.Type.NativeGesture and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value(), anchor=event.position())
            return True
        return super().viewportEvent(event)

    def _touch(self, event) -> None:
        points = [p for p in event.points()
                  if p.state() != p.State.Released] if event.type() != QEvent.Type.TouchEnd \
            else []
        event.accept()
        if event.type() == QEvent.Type.TouchBegin:
            self._fly.stop()
            self._touch_moved = False
            self._touch_start = points[0].position() if points else QPointF()
        if event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            if event.type() == QEvent.Type.TouchEnd and not self._touch_moved \
                    and event.points():
                self._tap(event.points()[0].position())
            self._touch_last = None
            return
        if not points:
            return
        if len(points) == 1:
            centre, spread = points[0].position(), 0.0
        else:
            a, b = points[0].position(), points[1].position()
            centre = (a + b) / 2
            spread = math.hypot(a.x() - b.x(), a.y() - b.y())
            self._touch_moved = True
        last = self._touch_last
        if last is not None and (last[1] == 0.0) == (spread == 0.0):
            if spread and last[1]:
                self.zoom_by(spread / last[1], anchor=centre)
            d = centre - last[0]
            if len(points) == 1 and not self._touch_moved and \
                    (centre - self._touch_start).manhattanLength() < 12:
                pass  # a finger resting still: still a tap
            else:
                self._touch_moved = True
                self.pan_by(d.x(), d.y())
        self._touch_last = (centre, spread)

    def _tap(self, pos: QPointF) -> None:
        now = time.monotonic()
        last_time, last_pos = self._last_tap
        if now - last_time < 0.35 and (pos - last_pos).manhattanLength() < 30:
            self._last_tap = (0.0, QPointF())
            self.zoom_by(2.0, anchor=pos, animated=True)
            return
        self._last_tap = (now, pos)
        self.clicked.emit(self.mapToScene(pos.toPoint()))

    # -- layout and painting ---------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_overlays()
        if self.scene() is not None:
            if self._auto_fit:
                self.fit(animated=False)
            else:
                self._apply(self.scale_px_per_m(), self.centre())

    def _place_overlays(self) -> None:
        w, h = self.width(), self.height()
        zb = self.zoom_buttons
        zb.adjustSize()
        zb.move(w - zb.width() - 20, h - zb.height() - 24)
        self.north.move(w - self.north.width() - 20 - (zb.width() - self.north.width()) // 2,
                        zb.y() - self.north.height() - 12)
        self.scale_bar.move(16, h - self.scale_bar.height() - 18)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
