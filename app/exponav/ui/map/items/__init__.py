"""One QGraphicsItem class per drawn kind: the level's base plan, labels, markers, highlight."""
