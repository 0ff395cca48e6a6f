"""The printed QR code read back from a simulated phone photo: the page rendered at 72 dpi,
blurred by 1 px and skewed by 15 %, on the A4 sheet and the receipt, for 3 and 13 stops."""

from __future__ import annotations

import random

import numpy as np
import pytest
from scipy import ndimage

pdfium = pytest.importorskip("pypdfium2")
zxingcpp = pytest.importorskip("zxingcpp")

from exponav.core.visit import qr  # noqa: E402
from exponav.ui.print.pdf import write_pdf  # noqa: E402
from exponav.ui.print.qr_image import QUIET_ZONE, qr_modules  # noqa: E402


def _visit(nav, n: int):
    rng = random.Random(21)
    owned = sorted(c for ex in nav.show.exhibitors.values() if ex.name_zh for c in ex.booths)
    return nav.itinerary("K-H2-1F-1", rng.sample(owned, n), "10:30")


def version(payload: str) -> int:
    return (len(qr_modules(payload)) - 2 * QUIET_ZONE - 17) // 4


def photo(page, dpi: float = 72, blur_px: float = 1.0, skew: float = 0.15) -> np.ndarray:
    """The page as a phone might see it: few pixels, out of focus, held at an angle."""
    image = page.render(scale=dpi / 72, grayscale=True).to_numpy().astype(np.float32)
    if image.ndim == 3:
        image = image[..., 0]
    if blur_px:
        image = ndimage.gaussian_filter(image, blur_px)
    if skew:
        h, w = image.shape
        pad = int(skew * h) + 1  # the sheared page stays in the frame
        image = ndimage.affine_transform(image, np.array([[1.0, 0.0], [skew, 1.0]]),
                                         offset=(0.0, -pad), output_shape=(h, w + pad),
                                         order=1, cval=255.0)
    return np.clip(image, 0, 255).astype(np.uint8)


def _read(image: np.ndarray) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)
            if r.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.mark.parametrize("stops", [3, 13])
def test_the_code_stays_small(nav, stops):
    payload = _visit(nav, stops).qr_payload
    assert len(payload.encode("utf-8")) <= qr.QR_COMFORT_BYTES
    assert version(payload) <= 10
    assert [s.place for s in qr.parse(payload).stops] == \
        [s.place.id for s in _visit(nav, stops).stops]


def test_three_stops_keep_their_names_and_times(nav):
    it = _visit(nav, 3)
    lines = it.qr_payload.split("\n")
    assert lines[0] == nav.show_info.name
    for number, stop in enumerate(it.stops, 1):
        assert lines[number + 1].startswith(f"{number}. {stop.arrive} {stop.place.id} ")
        assert stop.name[:10] in lines[number + 1]


@pytest.mark.parametrize("paper", ["a4", "receipt80"])
@pytest.mark.parametrize("stops", [3, 13])
def test_a_phone_photo_of_the_print_reads(nav, qapp, tmp_path, paper, stops):
    it = _visit(nav, stops)
    doc = pdfium.PdfDocument(str(write_pdf(it, nav, tmp_path / "visit.pdf", paper)))
    try:
        page = doc[0]
        for blur, skew in ((0, 0), (1.0, 0), (0, 0.15), (1.0, 0.15)):
            assert _read(photo(page, 72, blur, skew)) == [it.qr_payload], (blur, skew)
    finally:
        doc.close()
