"""Every way a reader can open the app in AppTest: app.py (whose default page is the story) and each other page file."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY_POINTS = ["app.py", *(f"pages/{path.name}" for path in sorted((ROOT / "pages").glob("*.py")) if path.stem != "story")]
