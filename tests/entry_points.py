"""Every way a reader can open the app in AppTest: app.py (whose default page is the story) and each other page
file; and the headline each page opens with, by its url path (the story's is "")."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY_POINTS = [
    "app.py",
    *(f"pages/{path.name}" for path in sorted((ROOT / "pages").glob("*.py")) if path.stem != "story"),
]
HEADLINES = {
    "": "Mark Rutte's race to lead NATO: who backed him, and who held out",
    "timeline": "Timeline of the race",
    "backer_map": "Who backed Rutte, and when",
    "candidates": "The candidates",
    "quotes": "What they said",
    "sources": "Sources and method",
    "corrections": "Corrections",
}
