"""Names of amenity kinds in the interface language ("Toilets", "廁所", "Toilet").

These are interface words, so they go through Qt's translation system; a feature's
own name (such as "Café (foyer)") comes from the data instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["amenity_name"]


def _names() -> dict[str, str]:
    # literal QCoreApplication.translate calls, so pyside6-lupdate finds every one
    return {
        "toilet": QCoreApplication.translate("AmenityNames", "Toilets"),
        "toilet.accessible": QCoreApplication.translate("AmenityNames", "Accessible toilet"),
        "information": QCoreApplication.translate("AmenityNames", "Information"),
        "food": QCoreApplication.translate("AmenityNames", "Food and drink"),
        "firstaid": QCoreApplication.translate("AmenityNames", "First aid"),
        "nursing": QCoreApplication.translate("AmenityNames", "Nursing room"),
        "prayer": QCoreApplication.translate("AmenityNames", "Prayer room"),
        "charging": QCoreApplication.translate("AmenityNames", "Charging"),
        "meeting": QCoreApplication.translate("AmenityNames", "Meeting table"),
        "stage": QCoreApplication.translate("AmenityNames", "Stage"),
        "entrance": QCoreApplication.translate("AmenityNames", "Entrance"),
        "pedestrian": QCoreApplication.translate("AmenityNames", "Entrance"),
        "exit": QCoreApplication.translate("AmenityNames", "Exit"),
        "emergencyexit": QCoreApplication.translate("AmenityNames", "Emergency exit"),
        "escalator": QCoreApplication.translate("AmenityNames", "Escalator"),
        "elevator": QCoreApplication.translate("AmenityNames", "Elevator"),
        "stairs": QCoreApplication.translate("AmenityNames", "Stairs"),
        "ramp": QCoreApplication.translate("AmenityNames", "Ramp"),
        "walkway": QCoreApplication.translate("AmenityNames", "Walkway"),
        "atm": QCoreApplication.translate("AmenityNames", "ATM"),
        "wifi": QCoreApplication.translate("AmenityNames", "Wi-Fi"),
        "cloakroom": QCoreApplication.translate("AmenityNames", "Cloakroom"),
        "registration": QCoreApplication.translate("AmenityNames", "Registration"),
        "mrt": QCoreApplication.translate("AmenityNames", "MRT"),
        "taxi": QCoreApplication.translate("AmenityNames", "Taxi"),
    }


def amenity_name(category: str) -> str:
    """The interface name of an amenity or connector kind, in the current language."""
    names = _names()
    return names.get(category) or names.get(category.split(".", 1)[0], category)
